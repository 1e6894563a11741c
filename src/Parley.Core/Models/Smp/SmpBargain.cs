using System.Collections.Immutable;

namespace Parley.Core.Models.Smp;

/// <summary>A bargain proposed in a turn of the SMP: the positions its two parties would adopt.</summary>
/// <param name="Initiator">The proposing (challenging) actor's id.</param>
/// <param name="Target">The receiving actor's id.</param>
/// <param name="InitiatorPosition">The position the initiator would adopt, one coordinate per issue, on the issues' scales.</param>
/// <param name="TargetPosition">The position the target would adopt, idem.</param>
public sealed record SmpBargain(string Initiator, string Target, ImmutableArray<double> InitiatorPosition, ImmutableArray<double> TargetPosition);
