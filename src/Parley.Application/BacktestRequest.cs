using System.Collections.Immutable;

namespace Parley.Application;

/// <summary>A backtest: models against known outcomes in DEU data sets or scenario files with <c>outcome:</c>.</summary>
public sealed record BacktestRequest
{
    /// <summary>Files or folders, as the user named them.</summary>
    public ImmutableArray<string> Inputs { get; init; } = [];

    /// <summary>Uploaded inputs (a server's: never paths), read as <see cref="Inputs"/> are; used when <see cref="Inputs"/> is empty.</summary>
    public ImmutableArray<ScenarioSource> Texts { get; init; } = [];

    /// <summary>The inputs' format name, or <c>null</c> to detect it.</summary>
    public string? Format { get; init; }

    /// <summary>The models (ids, comma-separated, or <c>all</c>) and parameters given to every model.</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>DEU capabilities: <c>equal</c>, <c>gdp</c> or <c>votes</c>.</summary>
    public string Capability { get; init; } = "equal";

    /// <summary>DEU cases: <c>issue</c> (one-issue scenario per row) or <c>proposal</c>.</summary>
    public string Unit { get; init; } = "issue";

    /// <summary>Also cross-validate the recommended model's exponents with this many folds (2 to the number of groups).</summary>
    public int? CrossValidate { get; init; }
}
