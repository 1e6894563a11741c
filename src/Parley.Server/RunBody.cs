namespace Parley.Server;

/// <summary>
/// The body of <c>POST /runs/{kind}</c>: the scenario, the models and their options, and the
/// options of the analysis. Fields an analysis does not take are refused (docs/server.md lists
/// them per analysis); absent fields take the command line's defaults.
/// </summary>
public sealed class RunBody
{
    /// <summary>The scenario; absent for the built-in Alaska summit scenario.</summary>
    public ScenarioBody? Scenario { get; set; }

    /// <summary>Model ids, comma-separated, or <c>all</c> (forecast, stages, what-if, backtest, report); one id for influence, Monte Carlo and sensitivity.</summary>
    public string? Models { get; set; }

    /// <summary>Dynamic models: exactly this many rounds (1 to 10,000).</summary>
    public int? Rounds { get; set; }

    /// <summary>Dynamic models: stop when outcomes move less than this (above 0).</summary>
    public double? Tolerance { get; set; }

    /// <summary>Seed of the run's randomness (default 0).</summary>
    public ulong? Seed { get; set; }

    /// <summary>Model parameters by name, from the models' option descriptions (see <c>GET /models</c>).</summary>
    public ModelParameterValues? Parameters { get; set; }

    /// <summary>Blocs and delegations: as-written (default), merge or split.</summary>
    public string? Blocs { get; set; }

    /// <summary>Run the scenario's stages in order (forecast, what-if, influence, report).</summary>
    public bool? Stages { get; set; }

    /// <summary>Monte Carlo and sensitivity draws; the report's draws (0: no uncertainty section).</summary>
    public int? Draws { get; set; }

    /// <summary>Worker threads of the draws (0: one per processor); results do not depend on it.</summary>
    public int? Threads { get; set; }

    /// <summary>Default spread 0-1 of inputs without a range.</summary>
    public double? Spread { get; set; }

    /// <summary>Monte Carlo histogram bins (1-1000).</summary>
    public int? Bins { get; set; }

    /// <summary>Influence: how far the smallest change must move the forecast.</summary>
    public double? Shift { get; set; }

    /// <summary>Influence: random orders sampled above the exact limit.</summary>
    public int? Samples { get; set; }

    /// <summary>Influence: exact Shapley values up to this many players (0-20).</summary>
    public int? ExactLimit { get; set; }

    /// <summary>Influence: whether to search the smallest change that moves each forecast (default true).</summary>
    public bool? Search { get; set; }

    /// <summary>Influence: search only these inputs of each stance (position, salience, capability; all three by default).</summary>
    public List<string>? Inputs { get; set; }

    /// <summary>Influence: only these issues.</summary>
    public List<string>? Issues { get; set; }

    /// <summary>What-if: edits <c>PATH=VALUE</c>, e.g. <c>usa.sanctions.position=80</c>.</summary>
    public List<string>? Set { get; set; }

    /// <summary>What-if: actors to take out.</summary>
    public List<string>? RemoveActors { get; set; }

    /// <summary>What-if: stages to append, <c>ID:PARTICIPANTS[:ISSUES[:MODEL]]</c>.</summary>
    public List<string>? AddStages { get; set; }

    /// <summary>What-if: an overlay's YAML text (set, remove_actors, add_stages), applied before the other edits.</summary>
    public string? Overlay { get; set; }

    /// <summary>Backtest: DEU capabilities, equal (default), gdp or votes.</summary>
    public string? Capability { get; set; }

    /// <summary>Backtest: proposal (each case with all its issues), issue (each issue alone) or both (default).</summary>
    public string? Mode { get; set; }

    /// <summary>Backtest: outer folds of the nested cross-validation of the recommended model's selection.</summary>
    public int? CrossValidate { get; set; }

    /// <summary>Report: the model of the uncertainty and influence sections.</summary>
    public string? AnalysisModel { get; set; }
}
