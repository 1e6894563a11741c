using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.WhatIf;

namespace Parley.Application;

/// <summary>A what-if's result: per model, the baseline and the edited forecast side by side per stage and issue.</summary>
/// <param name="Original">The scenario as loaded.</param>
/// <param name="Baseline">The scenario the baseline ran on (blocs applied; without stages unless staged).</param>
/// <param name="Overlay">Every edit, in the order applied.</param>
/// <param name="Comparisons">Per model id, the comparison rows.</param>
public sealed record WhatIfRun(Scenario Original, Scenario Baseline, ScenarioOverlay Overlay, ImmutableArray<(string Model, ImmutableArray<ComparisonRow> Rows)> Comparisons);
