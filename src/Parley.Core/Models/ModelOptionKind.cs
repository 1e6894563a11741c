namespace Parley.Core.Models;

/// <summary>The type of a model option's value, as front ends show and check it.</summary>
public enum ModelOptionKind
{
    /// <summary>A finite real number within the option's range.</summary>
    Number,

    /// <summary>A whole number within the option's range.</summary>
    Integer,

    /// <summary>One of a fixed list of names.</summary>
    Choice,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Free text the model parses itself (e.g. SMP's accommodation cells).</summary>
    Text,
}
