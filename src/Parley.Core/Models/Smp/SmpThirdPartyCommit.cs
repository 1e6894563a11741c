namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>ThirdPartyCommit</c>: what a third party expects to happen to its own position when it joins a side.</summary>
public enum SmpThirdPartyCommit
{
    /// <summary>It keeps its position whoever wins.</summary>
    NoCommit,

    /// <summary>It moves only if its side loses (KTAB's default).</summary>
    SemiCommit,

    /// <summary>It adopts the winner's position either way.</summary>
    FullCommit,
}
