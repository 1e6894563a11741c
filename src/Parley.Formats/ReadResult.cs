using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Formats;

/// <summary>
/// What reading a scenario file gave: the scenario, or every problem found in it. A result with
/// any diagnostic has no scenario: nothing half-read reaches a model.
/// </summary>
public sealed record ReadResult
{
    private ReadResult(Scenario? scenario, ImmutableArray<Diagnostic> diagnostics)
    {
        Scenario = scenario;
        Diagnostics = diagnostics;
    }

    /// <summary>The scenario, when the file is valid.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every problem found, in file order; empty when the file is valid.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// What the analyst must still decide when the file is a valid draft (open positions,
    /// saliences and capabilities), located like diagnostics; empty for a complete scenario.
    /// </summary>
    public ImmutableArray<Diagnostic> OpenJudgements { get; init; } = [];

    /// <summary>Whether the file was valid.</summary>
    public bool Succeeded => Scenario is not null;

    /// <summary>A valid file's scenario.</summary>
    public static ReadResult Success(Scenario scenario) => new(scenario, []);

    /// <summary>
    /// A file with problems, sorted by line then column; past <see cref="DiagnosticList.Limit"/>
    /// they are cut and counted (<see cref="DiagnosticList.Summarize"/>).
    /// </summary>
    public static ReadResult Failure(IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = DiagnosticList.Summarize(diagnostics);
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A failed read needs at least one diagnostic.", nameof(diagnostics));
        }

        return new(null, sorted);
    }

    /// <summary>The scenario if <paramref name="diagnostics"/> is empty, else the failure.</summary>
    public static ReadResult From(Scenario scenario, IReadOnlyCollection<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? Success(scenario) : Failure(diagnostics);
}
