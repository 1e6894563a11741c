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
using Parley.Formats.Deu;
using Parley.Formats.Overlays;

namespace Parley.Application;

/// <summary>
/// Parley's analyses, request in, result out: the one entry point the CLI (and later the server)
/// calls. Each <c>PlanX</c> loads the scenario and checks every option once, returning either a plan
/// ready to run or every problem found (<see cref="Outcome{T}"/>); the plan's <c>Run</c> does the work,
/// with cancellation and, for the long analyses, progress. Nothing here writes to a console or a file.
/// </summary>
public static class ParleyApplication
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
        return setup.Value is { } chosen
            ? Outcome<ForecastPlan>.Success(new ForecastPlan(scenario, chosen, request.Stages))
            : setup.As<ForecastPlan>();
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
        ArgumentNullException.ThrowIfNull(request);
        var loaded = ScenarioLoader.Load(request.Scenario);
        if (loaded.Value is not { } scenario)
        {
            return loaded.As<WhatIfRun>();
        }

        var setup = ModelChoice.Resolve(request.Models);
        if (setup.Value is not { } chosen)
        {
            return setup.As<WhatIfRun>();
        }

        var overlay = ScenarioOverlay.Empty;
        if (request.Overlay is { } source)
        {
            var (fromFile, diagnostics) = source.Path is { } path ? OverlayFileReader.Read(path) : OverlayFileReader.ReadText(source.Text!, source.Name);
            if (fromFile is null)
            {
                return Outcome<WhatIfRun>.Invalid(diagnostics);
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
            return Outcome<WhatIfRun>.Invalid(errors.Select(e => e.ToString()));
        }

        if (ScenarioLoader.ParseBlocs(request.Blocs, out var mode) is { } blocsError)
        {
            return Outcome<WhatIfRun>.Invalid(blocsError);
        }

        var baseline = BlocTransform.Apply(scenario, mode);
        var variant = BlocTransform.Apply(applied.Scenario!, mode);
        if (!request.Stages && overlay.AddedStages.IsEmpty)
        {
            // One round of talks with everyone, as a forecast without stages.
            baseline = baseline with { Stages = [] };
            variant = variant with { Stages = [] };
        }

        var options = chosen.Options;
        var comparisons = chosen.Models.Select(model => (model.Info.Id, ForecastComparison.Compare(
            baseline,
            StagedForecaster.Run(baseline, model, options, cancellationToken),
            StagedForecaster.Run(variant, model, options, cancellationToken)))).ToImmutableArray();
        return Outcome<WhatIfRun>.Success(new WhatIfRun(scenario, baseline, overlay, comparisons));
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

        if (problems.Count > 0)
        {
            return Outcome<InfluencePlan>.Invalid(problems);
        }

        var options = new InfluenceOptions
        {
            Shift = request.Shift,
            Permutations = request.Samples,
            ExactLimit = request.ExactLimit,
            Seed = chosen.Options.Seed,
            SearchSmallestChange = request.SearchSmallestChange,
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

    /// <summary>Checks and runs a backtest.</summary>
    public static Outcome<BacktestRun> Backtest(BacktestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ScenarioLoader.ParseFormat(request.Format, out var format) is { } formatError)
        {
            return Outcome<BacktestRun>.Invalid(formatError);
        }

        if (DeuReader.ParseCapability(request.Capability) is not { } capability)
        {
            return Outcome<BacktestRun>.Invalid($"--capability '{request.Capability}' is not known; use one of {DeuReader.CapabilityNames}");
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
            return Outcome<BacktestRun>.Invalid($"--mode '{request.Mode}' is not known; use proposal, issue or both");
        }

        var setup = ModelChoice.Resolve(request.Models with { AllowSeveral = true });
        if (setup.Value is not { } chosen)
        {
            return setup.As<BacktestRun>();
        }

        var input = BacktestInput.Load(request.Inputs, format, capability);
        if (!input.Succeeded)
        {
            return Outcome<BacktestRun>.Invalid(input.Diagnostics);
        }

        if (input.Cases.IsEmpty)
        {
            return Outcome<BacktestRun>.Invalid("no case with a known outcome to test; give issues an outcome");
        }

        var groups = input.Cases.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();
        if (request.CrossValidate is { } k && (k < 2 || k > groups))
        {
            return Outcome<BacktestRun>.Invalid($"--cross-validate {k} is not allowed; use from 2 to the number of groups ({groups})");
        }

        if (request.CalibrationDraws is < 0 or (> 0 and < 10) or > 100_000)
        {
            return Outcome<BacktestRun>.Invalid($"--draws {request.CalibrationDraws} is not allowed; use 0 (no interval calibration) or 10 to 100000");
        }

        var folds = request.CrossValidate ?? Math.Min(CrossValidation.DefaultFolds, groups);
        var models = chosen.Models.Select(m => new BacktestModel(m, chosen.Options)).ToArray();
        var runs = ImmutableArray.CreateBuilder<BacktestModeRun>(modes.Length);
        foreach (var mode in modes)
        {
            var cases = BacktestCase.For(input.Cases, mode);
            var result = Backtester.Run(cases, models, cancellationToken);
            var selection = groups >= 3 ? CrossValidation.Nested(cases, RecommendedSelection.Candidates, folds, CrossValidation.DefaultFolds, cancellationToken) : null;
            result = WithSelection(result, models, selection);
            if (request.CalibrationDraws > 0)
            {
                var calibration = new CalibrationOptions { Draws = request.CalibrationDraws, Folds = folds };
                result = result with { Models = [.. result.Models.Select((accuracy, m) => accuracy with { Calibration = Calibration.Run(cases, models[m], calibration, cancellationToken) })] };
            }

            runs.Add(new BacktestModeRun(mode, result, selection));
        }

        return Outcome<BacktestRun>.Success(new BacktestRun(
            input.Dataset,
            input.ReadDeu ? DeuReader.CapabilityName(capability) : null,
            runs.MoveToImmutable()));
    }

    /// <summary>
    /// Attaches the selection procedure's nested cross-validation to the models it chooses: the
    /// recommended model run with its shipped defaults (with exponents set by hand, nothing was chosen from data).
    /// </summary>
    private static BacktestResult WithSelection(BacktestResult result, IReadOnlyList<BacktestModel> models, NestedCrossValidationResult? selection)
    {
        if (selection is null)
        {
            return result;
        }

        return result with
        {
            Models = [.. result.Models.Select((accuracy, m) => models[m].Model is TemperedCompromiseModel
                && !models[m].Options.Parameters.Keys.Any(name => TemperedCompromiseModel.CapabilityExponent.Name == name || TemperedCompromiseModel.SalienceExponent.Name == name)
                ? accuracy with { NestedCrossValidation = selection }
                : accuracy)],
        };
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
        if (draws < minDraws || draws > maxDraws)
        {
            return Outcome<UncertaintyInputs>.Invalid(string.Create(CultureInfo.InvariantCulture, $"--draws {draws} is not allowed; use {minDraws} to {maxDraws:N0}"));
        }

        if (request.Threads is < 0 or > 1024)
        {
            return Outcome<UncertaintyInputs>.Invalid($"--threads {request.Threads} is not allowed; use 0 (one per processor) to 1024");
        }

        DefaultSpread? spread = null;
        if (request.Spread is { } value)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                return Outcome<UncertaintyInputs>.Invalid(string.Create(CultureInfo.InvariantCulture, $"--spread {value} is not allowed; use a number from 0 to 1 (0.1 = +-10% of the scale)"));
            }

            spread = DefaultSpread.Uniform(value);
        }

        return Outcome<UncertaintyInputs>.Success(new UncertaintyInputs(scenario, chosen, spread, draws));
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
}
