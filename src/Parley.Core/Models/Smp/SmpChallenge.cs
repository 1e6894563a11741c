namespace Parley.Core.Models.Smp;

/// <summary>One actor's most advantageous challenge in a turn of the SMP.</summary>
/// <param name="Initiator">The challenging actor's id.</param>
/// <param name="Target">The challenged actor's id.</param>
/// <param name="Probability">The initiator's estimate that it beats the target, 0–1.</param>
/// <param name="Gain">The initiator's estimate of its expected gain in utility over the status quo.</param>
/// <param name="TargetViewProbability">The target's estimate that the initiator wins (computed when traced or when the bargaining model needs it, else 0).</param>
/// <param name="TargetViewGain">The target's estimate of the initiator's expected gain (idem).</param>
public sealed record SmpChallenge(string Initiator, string Target, double Probability, double Gain, double TargetViewProbability, double TargetViewGain);
