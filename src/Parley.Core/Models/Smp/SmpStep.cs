namespace Parley.Core.Models.Smp;

/// <summary>What one turn produced: the next state, the challenges, the bargains and each actor's chosen bargain.</summary>
internal sealed record SmpStep(
    SmpState Next,
    IReadOnlyList<SmpChallengeRecord> Challenges,
    IReadOnlyList<SmpBargainProposal> Bargains,
    IReadOnlyList<SmpBargainProposal> Chosen);

/// <summary>A challenge: i's view (probability i wins, i's expected gain) and j's view of i's chances and gain.</summary>
internal readonly record struct SmpChallengeRecord(int Initiator, int Target, double Probability, double Gain, double TargetViewProbability, double TargetViewGain);
