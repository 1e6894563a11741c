using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Drafting.Sources;

namespace Parley.Drafting;

/// <summary>A drafted scenario, the sources it was drafted from, and notes for the analyst.</summary>
/// <param name="Scenario">The draft: actors, people grouped under them, issues, and draft stances with candidate evidence (<c>position: null</c>).</param>
/// <param name="Sources">The documents read, whose texts the candidates' offsets index.</param>
/// <param name="Notes">What the analyst should know: entities mentioned but not proposed, how issues were matched.</param>
public sealed record DraftResult(Scenario Scenario, ImmutableArray<SourceDocument> Sources, ImmutableArray<string> Notes);
