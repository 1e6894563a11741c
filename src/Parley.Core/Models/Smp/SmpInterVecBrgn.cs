namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>InterVecBrgn</c>: the interpolation that forms a bargain between two positions, dimension by dimension.</summary>
public enum SmpInterVecBrgn
{
    /// <summary>Weights <c>s P</c>.</summary>
    S1P1,

    /// <summary>Weights <c>s² P²</c> (KTAB's default).</summary>
    S2P2,

    /// <summary>Only the weaker party moves, by its probability deficit.</summary>
    S2PMax,
}
