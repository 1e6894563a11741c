namespace Parley.Core.Models.Smp;

/// <summary>A bargain in the queues: the positions its initiator and receiver would adopt; the status quo when both are the same actor.</summary>
internal sealed class SmpBargainProposal(int initiator, int receiver, double[] initiatorPosition, double[] receiverPosition)
{
    public int Initiator { get; } = initiator;

    public int Receiver { get; } = receiver;

    public double[] InitiatorPosition { get; } = initiatorPosition;

    public double[] ReceiverPosition { get; } = receiverPosition;

    public bool IsStatusQuo => Initiator == Receiver;

    public static SmpBargainProposal StatusQuo(int actor) => new(actor, actor, [], []);
}
