using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Backtesting;
using Parley.Core.Blocs;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;
using Parley.Core.Uncertainty;
using Parley.Core.WhatIf;
using Parley.Formats;
using Parley.Formats.Backtesting;
using Parley.Formats.Calibration;
using Parley.Formats.Deu;
using Parley.Formats.Overlays;

namespace Parley.Application;

/// <summary>
/// Parley's analyses, request in, result out: the one entry point the CLI (and later the server)
/// calls. Each <c>PlanX</c> loads the scenario and checks every option once, returning either a plan
/// ready to run or every problem found (<see cref="Outcome{T}"/>); the plan's <c>Run</c> does the work,
/// with cancellation and, for the long analyses, progress. Nothing here writes to a console or a file.
/// </summary>
public static partial class ParleyApplication
{
    /// <summary>Checks a forecast request: scenario, blocs, models and options.</summary>
    public static Outcome<ForecastPlan> PlanForecast(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = LoadWithBlocs(request.Scenario, request.Blocs);
        if (loaded.Value is not { } scenario)
        {
            return loaded.As<ForecastPlan>();
        }

        var setup = ModelChoice.Resolve(request.Models);
        if (setup.Value is not { } chosen)
        {
            return setup.As<ForecastPlan>();
        }

        if (request.Calibration is not { } source)
        {
            return Outcome<ForecastPlan>.Success(new ForecastPlan(scenario, chosen, request.Stages));
        }

        var calibration = LoadCalibration(source, chosen);
        return calibration.Value is { } resolved
            ? Outcome<ForecastPlan>.Success(new ForecastPlan(scenario, chosen, request.Stages) { Calibration = resolved })
            : calibration.As<ForecastPlan>();
    }

    /// <summary>
    /// Reads a calibration file and picks each model's entry (same id and options); a file that is
    /// broken or does not calibrate every model of <paramref name="setup"/> gives located problems.
    /// </summary>
    private static Outcome<ForecastCalibration> LoadCalibration(ScenarioSource source, ModelSetup setup)
    {
        var keys = setup.Models.Select(m => (Model: m.Info.Id, Options: new BacktestModel(m, setup.Options).Describe())).ToArray();
        var (calibration, diagnostics) = source.Path is { } path
            ? IntervalCalibrationReader.Read(path, keys)
            : IntervalCalibrationReader.ReadText(source.Text ?? string.Empty, source.Name, keys);
        if (calibration is null)
        {
            return Outcome<ForecastCalibration>.Invalid(diagnostics);
        }

        var entries = keys.ToImmutableDictionary(k => k.Model, k => calibration.For(k.Model, k.Options)!, StringComparer.Ordinal);
        return Outcome<ForecastCalibration>.Success(new ForecastCalibration(source.Path ?? source.Name, calibration, entries));
    }

    /// <summary>Checks and runs a forecast.</summary>
    public static Outcome<ForecastRun> Forecast(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        var plan = PlanForecast(request);
        return plan.Value is { } ready ? Outcome<ForecastRun>.Success(ready.Run(cancellationToken)) : plan.As<ForecastRun>();
    }

    /// <summary>Checks and runs a what-if: every edit's problem is reported, all at once.</summary>
    public static Outcome<WhatIfRun> WhatIf(WhatIfRequest request, CancellationToken cancellationToken = default)
    {
        var plan = PlanWhatIf(request);
        return plan.Value is { } ready ? Outcome<WhatIfRun>.Success(ready.Run(cancellationToken)) : plan.As<WhatIfRun>();
    }

    /// <summary>Checks a what-if (scenario, models, overlay file and edits, blocs): every edit's problem is reported, all at once.</summary>
    public static Outcome<WhatIfPlan> PlanWhatIf(WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = ScenarioLoader.Load(request.Scenario);
        if (loaded.Value is not { } scenario)
        {
            return loaded.As<WhatIfPlan>();
        }

        var setup = ModelChoice.Resolve(request.Models);
        if (setup.Value is not { } chosen)
        {
            return setup.As<WhatIfPlan>();
        }

        var overlay = ScenarioOverlay.Empty;
        if (request.Overlay is { } source)
        {
            var (fromFile, diagnostics) = source.Path is { } path ? OverlayFileReader.Read(path) : OverlayFileReader.ReadText(source.Text!, source.Name);
            if (fromFile is null)
            {
                return Outcome<WhatIfPlan>.Invalid(diagnostics);
            }

            overlay = fromFile;
        }

        var errors = new List<OverlayError>();
        var settings = ImmutableArray.CreateBuilder<OverlaySetting>();
        foreach (var text in request.Settings)
        {
            var (setting, error) = ScenarioOverlay.ParseSetting(text);
            Collect(setting, error, settings, errors);
        }

        var stages = ImmutableArray.CreateBuilder<OverlayStage>();
        foreach (var text in request.AddStages)
        {
            var (stage, error) = ScenarioOverlay.ParseStage(text);
            Collect(stage, error, stages, errors);
        }

        overlay = overlay.Then(new ScenarioOverlay
        {
            Settings = settings.ToImmutable(),
            Removals = [.. request.RemoveActors.Select(id => new OverlayRemoval(id, $"--remove-actor {id}"))],
            AddedStages = stages.ToImmutable(),
        });
        var applied = overlay.ApplyTo(scenario);
        errors.AddRange(applied.Errors);
        if (overlay.IsEmpty && errors.Count == 0)
        {
            errors.Add(new OverlayError("whatif", "no edits given; use --set PATH=VALUE, --remove-actor ID, --add-stage SPEC or --overlay FILE"));
        }

        if (errors.Count > 0)
        {
            return Outcome<WhatIfPlan>.Invalid(errors.Select(e => e.ToString()));
        }

        if (ScenarioLoader.ParseBlocs(request.Blocs, out var mode) is { } blocsError)
        {
            return Outcome<WhatIfPlan>.Invalid(blocsError);
        }

        var baseline = BlocTransform.Apply(scenario, mode);
        var variant = BlocTransform.Apply(applied.Scenario!, mode);
        if (!request.Stages && overlay.AddedStages.IsEmpty)
        {
            // One round of talks with everyone, as a forecast without stages.
            baseline = baseline with { Stages = [] };
            variant = variant with { Stages = [] };
        }

        return Outcome<WhatIfPlan>.Success(new WhatIfPlan(scenario, baseline, variant, overlay, chosen.Models, chosen.Options));
    }

    /// <summary>Checks an influence request: scenario, blocs, one model, shift, samples, exact limit and issues.</summary>
    public static Outcome<InfluencePlan> PlanInfluence(InfluenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = LoadWithBlocs(request.Scenario, request.Blocs);
        if (loaded.Value is not { } scenario)
        {
            return loaded.As<InfluencePlan>();
        }

        var setup = ModelChoice.Resolve(request.Models with { AllowSeveral = false });
        if (setup.Value is not { } chosen)
        {
            return setup.As<InfluencePlan>();
        }

        var problems = new List<string>();
        if (!double.IsFinite(request.Shift) || request.Shift <= 0)
        {
            problems.Add($"--shift {request.Shift.ToString(CultureInfo.InvariantCulture)} is not allowed; use a positive number on the issues' scale");
        }

        if (request.Samples < 1)
        {
            problems.Add("--samples must be 1 or more");
        }

        if (request.ExactLimit is < 0 or > 20)
        {
            problems.Add("--exact-limit must be from 0 to 20");
        }

        foreach (var id in request.Issues.Where(id => scenario.FindIssue(id) is null))
        {
            problems.Add($"--issue '{id}' is not an issue; issues are {string.Join(", ", scenario.Issues.Select(i => i.Id))}");
        }

        foreach (var input in request.SearchedInputs.Where(input => !InfluenceOptions.InputNames.Contains(input)))
        {
            problems.Add($"--inputs '{input}' is not an input; use {string.Join(", ", InfluenceOptions.InputNames)} (one or more, separated by commas)");
        }

        if (problems.Count > 0)
        {
            return Outcome<InfluencePlan>.Invalid(problems);
        }

        var options = new InfluenceOptions
        {
            Shift = request.Shift,
            Permutations = request.Samples,
            ShapleyControl = request.ShapleyControl,
            ExactLimit = request.ExactLimit,
            Seed = chosen.Options.Seed,
            SearchSmallestChange = request.SearchSmallestChange,
            SearchedInputs = request.SearchedInputs.IsEmpty ? InfluenceOptions.InputNames : [.. InfluenceOptions.InputNames.Where(request.SearchedInputs.Contains)],
            Issues = request.Issues,
        };
        var analysed = request.Stages ? scenario : scenario with { Stages = [] };
        return Outcome<InfluencePlan>.Success(new InfluencePlan(analysed, chosen.Models[0], chosen.Options, options, request.Stages));
    }

    /// <summary>Checks a Monte Carlo request: scenario, one model, draws (1 to 1,000,000,000), threads, spread and bins.</summary>
    public static Outcome<MonteCarloPlan> PlanMonteCarlo(UncertaintyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedInputs = CheckUncertainty(request, MonteCarloOptions.DefaultDraws, 1, MonteCarloOptions.MaxDraws);
        if (checkedInputs.Value is not { } inputs)
        {
            return checkedInputs.As<MonteCarloPlan>();
        }

        if (request.Bins is < 1 or > 1000)
        {
            return Outcome<MonteCarloPlan>.Invalid($"--bins {request.Bins} is not allowed; use 1 to 1000");
        }

        return Outcome<MonteCarloPlan>.Success(new MonteCarloPlan(inputs.Scenario, inputs.Setup.Models[0], new MonteCarloOptions
        {
            Draws = inputs.Draws,
            Seed = inputs.Setup.Options.Seed,
            Threads = request.Threads,
            ModelOptions = inputs.Setup.Options,
            Spread = inputs.Spread,
            HistogramBins = request.Bins,
        }));
    }

    /// <summary>Checks a sensitivity request: scenario, one model, draws (0 to 100,000), threads and spread.</summary>
    public static Outcome<SensitivityPlan> PlanSensitivity(UncertaintyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedInputs = CheckUncertainty(request, SensitivityOptions.DefaultDraws, 0, Sensitivity.MaxDraws);
        return checkedInputs.Value is { } inputs
            ? Outcome<SensitivityPlan>.Success(new SensitivityPlan(inputs.Scenario, inputs.Setup.Models[0], new SensitivityOptions
            {
                Draws = inputs.Draws,
                Seed = inputs.Setup.Options.Seed,
                Threads = request.Threads,
                ModelOptions = inputs.Setup.Options,
                Spread = inputs.Spread,
            }))
            : checkedInputs.As<SensitivityPlan>();
    }

    /// <summary>
    /// Checks a report request: the forecast of every model, the influence analysis of the analysis
    /// model and, with draws, its Monte Carlo and sensitivity analyses, each checked like its own request.
    /// </summary>
    public static Outcome<ReportPlan> PlanReport(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Draws is < 0 or > MonteCarloOptions.MaxDraws)
        {
            return Outcome<ReportPlan>.Invalid(string.Create(CultureInfo.InvariantCulture, $"--draws {request.Draws} is not allowed; use 0 (no uncertainty section) to {MonteCarloOptions.MaxDraws:N0}"));
        }

        var planned = PlanForecast(new ForecastRequest { Scenario = request.Scenario, Models = request.Models with { Trace = true }, Calibration = request.Calibration });
        if (planned.Value is not { } forecast)
        {
            return planned.As<ReportPlan>();
        }

        var analysis = request.Models with { Models = request.AnalysisModel ?? ReportPlan.DefaultAnalysisModel(forecast.Setup), AllowSeveral = false };
        var influence = PlanInfluence(new InfluenceRequest { Scenario = request.Scenario, Models = analysis, SearchSmallestChange = false });
        if (influence.Value is not { } keys)
        {
            return influence.As<ReportPlan>();
        }

        // With outcomes recorded, the report scores every model on them (distributions with draws, else point forecasts).
        ScorePlan? trackRecord = null;
        if (forecast.Scenario.Issues.Any(i => i.Outcome is not null))
        {
            var scoring = PlanScore(new ScoreRequest { Scenarios = [request.Scenario], Models = request.Models with { Trace = false }, Draws = Math.Min(request.Draws, ReportPlan.TrackRecordDraws), Threads = request.Threads });
            if (scoring.Value is null)
            {
                return scoring.As<ReportPlan>();
            }

            trackRecord = scoring.Value;
        }

        if (request.Draws == 0)
        {
            return Outcome<ReportPlan>.Success(new ReportPlan(forecast, keys, null, null, request.Stages, trackRecord));
        }

        var uncertainty = new UncertaintyRequest { Scenario = request.Scenario, Models = analysis, Draws = request.Draws, Threads = request.Threads, Bins = 1000 };
        var draws = PlanMonteCarlo(uncertainty);

        // The tornado ranks one-at-a-time swings; the rank correlations over draws (parley sensitivity) are not drawn, so no draws are spent on them.
        var swings = PlanSensitivity(uncertainty with { Draws = 0 });
        if (draws.Value is not { } monteCarlo)
        {
            return draws.As<ReportPlan>();
        }

        return swings.Value is { } sensitivity
            ? Outcome<ReportPlan>.Success(new ReportPlan(forecast, keys, monteCarlo, sensitivity, request.Stages, trackRecord))
            : swings.As<ReportPlan>();
    }

    /// <summary>Checks and runs a backtest.</summary>
    public static Outcome<BacktestRun> Backtest(BacktestRequest request, CancellationToken cancellationToken = default)
    {
        var plan = PlanBacktest(request);
        return plan.Value is { } ready ? Outcome<BacktestRun>.Success(ready.Run(null, cancellationToken)) : plan.As<BacktestRun>();
    }

    /// <summary>Checks a backtest request: format, capability, modes, models, the cases, the folds and the calibration draws.</summary>
    public static Outcome<BacktestPlan> PlanBacktest(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ScenarioLoader.ParseFormat(request.Format, out var format) is { } formatError)
        {
            return Outcome<BacktestPlan>.Invalid(formatError);
        }

        if (DeuReader.ParseCapability(request.Capability) is not { } capability)
        {
            return Outcome<BacktestPlan>.Invalid($"--capability '{request.Capability}' is not known; use one of {DeuReader.CapabilityNames}");
        }

        BacktestMode[]? modes = request.Mode.Trim().ToUpperInvariant() switch
        {
            "BOTH" => [BacktestMode.Proposal, BacktestMode.Issue],
            "PROPOSAL" => [BacktestMode.Proposal],
            "ISSUE" => [BacktestMode.Issue],
            _ => null,
        };
        if (modes is null)
        {
            return Outcome<BacktestPlan>.Invalid($"--mode '{request.Mode}' is not known; use proposal, issue or both");
        }

        var setup = ModelChoice.Resolve(request.Models with { AllowSeveral = true });
        if (setup.Value is not { } chosen)
        {
            return setup.As<BacktestPlan>();
        }

        var input = request.Inputs.IsEmpty && !request.Texts.IsEmpty
            ? BacktestInput.LoadTexts([.. request.Texts.Select(t => (DatasetName(t), t.Text ?? throw new ArgumentException("Backtest texts must be texts, not files.", nameof(request))))], format, capability)
            : BacktestInput.Load(request.Inputs, format, capability);
        if (!input.Succeeded)
        {
            return Outcome<BacktestPlan>.Invalid(input.Diagnostics);
        }

        if (input.Cases.IsEmpty)
        {
            return Outcome<BacktestPlan>.Invalid("no case with a known outcome to test; give issues an outcome");
        }

        var groups = input.Cases.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();
        if (request.CrossValidate is { } k && (k < 2 || k > groups))
        {
            return Outcome<BacktestPlan>.Invalid($"--cross-validate {k} is not allowed; use from 2 to the number of groups ({groups})");
        }

        if (request.CalibrationDraws is < 0 or (> 0 and < 10) or > 100_000)
        {
            return Outcome<BacktestPlan>.Invalid($"--draws {request.CalibrationDraws} is not allowed; use 0 (no interval calibration) or 10 to 100000");
        }

        var folds = request.CrossValidate ?? Math.Min(CrossValidation.DefaultFolds, groups);
        return Outcome<BacktestPlan>.Success(new BacktestPlan(input, capability, chosen, [.. modes], folds, groups, request.CalibrationDraws));
    }

    /// <summary>The scenario with the <c>--blocs</c> mode applied, or the problems in either.</summary>
    private static Outcome<Scenario> LoadWithBlocs(ScenarioSource source, string blocs)
    {
        var loaded = ScenarioLoader.Load(source);
        if (loaded.Value is not { } scenario)
        {
            return loaded;
        }

        return ScenarioLoader.ParseBlocs(blocs, out var mode) is { } error
            ? Outcome<Scenario>.Invalid(error)
            : Outcome<Scenario>.Success(BlocTransform.Apply(scenario, mode));
    }

    private static Outcome<UncertaintyInputs> CheckUncertainty(UncertaintyRequest request, int defaultDraws, int minDraws, int maxDraws)
    {
        var loaded = ScenarioLoader.Load(request.Scenario);
        if (loaded.Value is not { } scenario)
        {
            return loaded.As<UncertaintyInputs>();
        }

        var setup = ModelChoice.Resolve(request.Models with { AllowSeveral = false });
        if (setup.Value is not { } chosen)
        {
            return setup.As<UncertaintyInputs>();
        }

        var draws = request.Draws ?? defaultDraws;
        return CheckDrawSettings(draws, minDraws, maxDraws, request.Threads, request.Spread, out var spread) is { } error
            ? Outcome<UncertaintyInputs>.Invalid(error)
            : Outcome<UncertaintyInputs>.Success(new UncertaintyInputs(scenario, chosen, spread, draws));
    }

    /// <summary>The checks of <c>--draws</c>, <c>--threads</c> and <c>--spread</c> that every analysis with draws shares: the problem, or <c>null</c>.</summary>
    private static string? CheckDrawSettings(int draws, int minDraws, int maxDraws, int threads, double? spreadValue, out DefaultSpread? spread)
    {
        spread = null;
        if (draws < minDraws || draws > maxDraws)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--draws {draws} is not allowed; use {minDraws} to {maxDraws:N0}");
        }

        if (threads is < 0 or > 1024)
        {
            return $"--threads {threads} is not allowed; use 0 (one per processor) to 1024";
        }

        if (spreadValue is { } value)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"--spread {value} is not allowed; use a number from 0 to 1 (0.1 = +-10% of the scale)");
            }

            spread = DefaultSpread.Uniform(value);
        }

        return null;

    }

    private static void Collect<T>(T? item, OverlayError? error, ImmutableArray<T>.Builder items, List<OverlayError> errors)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
        else
        {
            items.Add(item!);
        }
    }

    /// <summary>What the Monte Carlo and sensitivity checks share.</summary>
    private sealed record UncertaintyInputs(Scenario Scenario, ModelSetup Setup, DefaultSpread? Spread, int Draws);

    /// <summary>
    /// The name a backtest's text input is reported under: the built-in scenario as its file, <c>alaska-2025.yaml</c>, which is
    /// the name a backtest of that file (a rerun of the stored run) reports, so that both documents are the same byte for byte.
    /// </summary>
    private static string DatasetName(ScenarioSource source) =>
        source.Name == BuiltInScenarios.AlaskaName ? BuiltInScenarios.AlaskaFileName : source.Name;
}
