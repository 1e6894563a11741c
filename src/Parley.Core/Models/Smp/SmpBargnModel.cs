namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>BargnModel</c>: whose view of the contest forms the bargain put to the actors.</summary>
public enum SmpBargnModel
{
    /// <summary>The initiator's (KTAB's default).</summary>
    InitOnlyInterp,

    /// <summary>The initiator's and the receiver's: both bargains enter the queues.</summary>
    InitRcvrInterp,

    /// <summary>A power-weighted compromise of the two.</summary>
    PWCompInterp,
}
