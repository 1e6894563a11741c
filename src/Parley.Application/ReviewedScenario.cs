using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Application;

/// <summary>A scenario loaded to be shown rather than run: possibly a draft, with what the analyst must still decide.</summary>
/// <param name="Scenario">The scenario (a draft when <see cref="Scenario.IsDraft"/>).</param>
/// <param name="OpenJudgements">A draft's open judgements, each <c>file:line:column: what is to decide</c>; empty for a complete scenario.</param>
public sealed record ReviewedScenario(Scenario Scenario, ImmutableArray<string> OpenJudgements);
