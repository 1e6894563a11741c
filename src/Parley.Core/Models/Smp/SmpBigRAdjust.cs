namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>BigRAdjust</c>: how actor h estimates actor i's risk attitude, <c>r^h_i</c>.</summary>
public enum SmpBigRAdjust
{
    /// <summary><c>r^h_i = R_i</c>.</summary>
    Full,

    /// <summary><c>(R_h + 2 R_i) / 3</c>.</summary>
    TwoThirds,

    /// <summary><c>(R_h + R_i) / 2</c>.</summary>
    Half,

    /// <summary><c>(2 R_h + R_i) / 3</c> (KTAB's default).</summary>
    OneThird,

    /// <summary><c>R_h</c> (the schema spells it No).</summary>
    None,
}
