using Parley.Core.Domain;

namespace Parley.Formats.Deu;

/// <summary>One negotiation in a DEU data set: a legislative proposal and its contested issues.</summary>
/// <param name="Id">The id <c>--proposal</c> takes: the proposal's id (<c>prnr</c>) or, without one, its number.</param>
/// <param name="Number">The proposal number (<c>prnrnmc</c>) that groups its rows.</param>
/// <param name="Name">The proposal's name, or its id.</param>
/// <param name="Scenario">Its issues as one scenario (<see cref="DeuDataset.Merge"/>).</param>
public sealed record DeuProposal(string Id, string Number, string Name, Scenario Scenario);
