using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Formats.Deu;

namespace Parley.Application;

/// <summary>One negotiation in a DEU data set: a legislative proposal and its contested issues.</summary>
/// <param name="Id">The id <c>--proposal</c> takes: the proposal's id (<c>prid</c>) or, without one, its number.</param>
/// <param name="Name">The proposal's name, or its id.</param>
/// <param name="Scenario">Its issues as one scenario.</param>
public sealed record DeuProposal(string Id, string Name, Scenario Scenario)
{
    /// <summary>The proposals of <paramref name="dataset"/>, in order of first row.</summary>
    public static ImmutableArray<DeuProposal> From(DeuDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. dataset.Rows.GroupBy(r => r.ProposalNumber, StringComparer.Ordinal).Select(group =>
        {
            var first = group.First();
            var id = first.ProposalId.Length > 0 ? first.ProposalId : group.Key;
            var name = first.ProposalName.Length > 0 ? first.ProposalName : id;
            return new DeuProposal(id, name, DeuDataset.Merge([.. group], id, name, first.Scenario.Description));
        })];
    }
}
