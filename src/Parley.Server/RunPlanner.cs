using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Parley.Application;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Formats;
using Parley.Reports;
using Parley.Reports.Html;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// Turns <c>POST /runs/{kind}</c> bodies into application-layer requests and checks them
/// (<see cref="ParleyApplication"/>), exactly as the CLI's commands do: the same plans, the same
/// checks, the same result documents (Parley.Reports), and the same arguments recorded, so that
/// <c>parley runs rerun</c> replays a run the server recorded.
/// </summary>
internal static class RunPlanner
{
    /// <summary>The analyses, as <c>POST /runs/{kind}</c> names them.</summary>
    public static ImmutableArray<string> Kinds { get; } = ["forecast", "stages", "whatif", "influence", "montecarlo", "sensitivity", "backtest", "report"];

    /// <summary>The analyses that answer in the request by default (the others are jobs).</summary>
    public static bool IsShort(string kind) => kind is "forecast" or "stages" or "whatif";

    /// <summary>The fields each analysis takes besides the scenario, models, rounds, tolerance, seed and parameters.</summary>
    private static readonly ImmutableDictionary<string, ImmutableHashSet<string>> Fields = new Dictionary<string, ImmutableHashSet<string>>
    {
        ["forecast"] = ["blocs", "stages"],
        ["stages"] = ["blocs"],
        ["whatif"] = ["blocs", "stages", "set", "remove_actors", "add_stages", "overlay"],
        ["influence"] = ["blocs", "stages", "shift", "samples", "exact_limit", "search", "inputs", "issues"],
        ["montecarlo"] = ["draws", "threads", "spread", "bins"],
        ["sensitivity"] = ["draws", "threads", "spread"],
        ["backtest"] = ["capability", "mode", "cross_validate", "draws"],
        ["report"] = ["stages", "draws", "threads", "analysis_model"],
    }.ToImmutableDictionary();

    /// <summary>
    /// The run <paramref name="body"/> asks for, or the problem to answer: 404 for an unknown analysis
    /// or stored scenario, 400 with every problem found in the input.
    /// </summary>
    public static (PlannedRun? Run, IResult? Problem) Plan(string kind, RunBody body, ParleyStore store)
    {
        if (!Kinds.Contains(kind))
        {
            return (null, ApiProblems.NotFound($"there is no analysis '{kind}'; POST /runs/KIND with KIND one of {string.Join(", ", Kinds)}"));
        }

        var refused = Given(body).Where(field => !Fields[kind].Contains(field)).ToList();
        if (refused.Count > 0)
        {
            return (null, ApiProblems.Invalid([.. refused.Select(f => $"'{f}' is not an option of {kind}; {kind} takes scenario, models, rounds, tolerance, seed, parameters{string.Concat(Fields[kind].Order().Select(x => ", " + x))}")]));
        }

        var (source, sourceProblem) = ScenarioSources.Resolve(body.Scenario, store, out var stored);
        if (source is null)
        {
            return (null, sourceProblem);
        }

        var flags = new Flags();
        var (models, modelProblem) = Models(kind, body, flags);
        if (models is null)
        {
            return (null, modelProblem);
        }

        // As the CLI's --proposal: runs rerun and the workbench's charts choose the same proposal of a DEU data set.
        flags.Add("--proposal", source.Proposal);
        var builtIn = IsBuiltIn(body);
        if (builtIn)
        {
            // As the CLI records a run of the built-in scenario (no file named).
            flags.Default("scenario", "built-in");
        }

        var (run, problem) = kind switch
        {
            "forecast" or "stages" => Forecast(kind, body, source, models, flags),
            "whatif" => WhatIf(body, source, models, flags),
            "influence" => Influence(body, source, models, flags),
            "montecarlo" or "sensitivity" => Uncertainty(kind, body, source, models, flags),
            "backtest" => Backtest(body, source, models, flags),
            _ => Report(body, source, models, flags, ReportScenario(body, source, stored)),
        };

        if (run is not null && body.Scenario is { Content: not null } inline
            && ScenarioSources.Unnamed(run.Request.Scenario, !string.IsNullOrWhiteSpace(inline.FileName), "scenario.file_name") is { } unnamed)
        {
            return (null, unnamed);
        }

        if (run is not null && stored is null && builtIn)
        {
            // The built-in text, when the scenario's latest version is another (a team's edit) but an earlier one
            // holds it: recorded as that version, so a run of the built-in never makes it the latest again.
            var history = store.History(run.Request.Scenario.Name);
            if (history.Count > 0 && history[^1].Content != run.Request.Scenario.Content)
            {
                stored = history.LastOrDefault(v => v.Content == run.Request.Scenario.Content);
            }
        }

        // A stored version is recorded as the version run, not saved again as a new one.
        return (run is null || stored is null ? run : run with { Request = run.Request with { VersionId = stored.Id } }, problem);
    }

    /// <summary>
    /// The checked forecast <paramref name="body"/> asks for (traced, as every forecast the server
    /// runs), without recording anything: the workbench's charts re-plan a stored run with it.
    /// </summary>
    public static (ForecastPlan? Plan, IResult? Problem) PlanForecast(RunBody body, bool stages, ParleyStore store)
    {
        var (source, sourceProblem) = ScenarioSources.Resolve(body.Scenario, store, out _);
        if (source is null)
        {
            return (null, sourceProblem);
        }

        var flags = new Flags();
        var (models, modelProblem) = Models("forecast", body, flags);
        if (models is null)
        {
            return (null, modelProblem);
        }

        var planned = ForecastPlanOf(body, stages, source, models, flags);
        return planned.Value is { } plan ? (plan, null) : (null, ApiProblems.Invalid(planned));
    }

    private static Outcome<ForecastPlan> ForecastPlanOf(RunBody body, bool stages, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var blocs = flags.Add("--blocs", body.Blocs, "as-written");
        flags.Switch("--stages", stages);
        flags.Default("trace", "false");
        return ParleyApplication.PlanForecast(new ForecastRequest { Scenario = source, Models = models with { Trace = true }, Blocs = blocs, Stages = stages });
    }

    private static (PlannedRun?, IResult?) Forecast(string kind, RunBody body, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var planned = ForecastPlanOf(body, kind == "stages" || body.Stages == true, source, models, flags);
        if (planned.Value is not { } plan)
        {
            return (null, ApiProblems.Invalid(planned));
        }

        return Planned("forecast", kind, source, [.. plan.Setup.Models.Select(m => m.Info.Id)], models.Seed, flags, plan.TotalSteps, (progress, token) =>
        {
            var run = plan.Run(progress, token);
            return new RunOutput(ForecastDocument.ToJson(run.Scenario, run.Finals, run.IsStaged ? run.Staged : null), run.Partial);
        });
    }

    private static (PlannedRun?, IResult?) WhatIf(RunBody body, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var blocs = flags.Add("--blocs", body.Blocs, "as-written");
        flags.Switch("--stages", body.Stages == true);
        flags.AddEach("--set", body.Set);
        flags.AddEach("--remove-actor", body.RemoveActors);
        flags.AddEach("--add-stage", body.AddStages);
        flags.Record("overlay", body.Overlay);
        flags.Default("only-changed", "false");

        var planned = ParleyApplication.PlanWhatIf(new WhatIfRequest
        {
            Scenario = source,
            Models = models,
            Blocs = blocs,
            Stages = body.Stages == true,
            Overlay = body.Overlay is { } overlay ? ScenarioSource.FromText(overlay, "overlay") : null,
            Settings = [.. body.Set ?? []],
            RemoveActors = [.. body.RemoveActors ?? []],
            AddStages = [.. body.AddStages ?? []],
        });
        if (planned.Value is not { } plan)
        {
            return (null, ApiProblems.Invalid(planned));
        }

        return Planned("whatif", "whatif", source, [.. plan.Models.Select(m => m.Info.Id)], models.Seed, flags, 1, (progress, token) =>
        {
            var run = plan.Run(token);
            progress?.Report(1);
            return new RunOutput(WhatIfDocument.ToJson(run.Original, run.Overlay, run.Comparisons), false);
        });
    }

    private static (PlannedRun?, IResult?) Influence(RunBody body, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var blocs = flags.Add("--blocs", body.Blocs, "as-written");
        flags.Switch("--stages", body.Stages == true);
        var defaults = new InfluenceRequest();
        var request = new InfluenceRequest
        {
            Scenario = source,
            Models = models,
            Blocs = blocs,
            Shift = flags.Add("--shift", body.Shift, defaults.Shift),
            Samples = flags.Add("--samples", body.Samples, defaults.Samples),
            ExactLimit = flags.Add("--exact-limit", body.ExactLimit, defaults.ExactLimit),
            SearchSmallestChange = body.Search != false,
            SearchedInputs = [.. body.Inputs ?? []],
            Issues = [.. body.Issues ?? []],
            Stages = body.Stages == true,
        };
        flags.Switch("--no-search", body.Search == false);
        flags.Default("no-control", "false");
        flags.Add("--inputs", body.Inputs is null ? null : string.Join(",", body.Inputs));
        flags.AddEach("--issue", body.Issues);
        var planned = ParleyApplication.PlanInfluence(request);
        if (planned.Value is not { } plan)
        {
            return (null, ApiProblems.Invalid(planned));
        }

        return Planned("influence", "influence", source, [plan.Model.Info.Id], models.Seed, flags, plan.TotalSteps, (progress, token) =>
        {
            var result = plan.Run(progress, PhaseCount.OfInfluence(progress), token);
            return new RunOutput(InfluenceDocument.ToJson(plan.Scenario, result), result.Partial);
        });
    }

    private static (PlannedRun?, IResult?) Uncertainty(string kind, RunBody body, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var request = new UncertaintyRequest
        {
            Scenario = source,
            Models = models,
            Draws = flags.Add("--draws", body.Draws, kind == "montecarlo" ? Core.Uncertainty.MonteCarloOptions.DefaultDraws : Core.Uncertainty.SensitivityOptions.DefaultDraws),
            Threads = flags.Add("--threads", body.Threads, 0),
            Spread = body.Spread,
            Bins = kind == "montecarlo" ? flags.Add("--bins", body.Bins, 20) : 20,
        };
        flags.Add("--spread", body.Spread);
        if (kind == "sensitivity")
        {
            flags.Default("top", "8");
        }

        if (kind == "montecarlo")
        {
            var planned = ParleyApplication.PlanMonteCarlo(request);
            if (planned.Value is not { } plan)
            {
                return (null, ApiProblems.Invalid(planned));
            }

            return Planned(kind, kind, source, [plan.Model.Info.Id], models.Seed, flags, plan.TotalSteps, (progress, token) =>
            {
                var result = plan.Run(progress, token);
                return new RunOutput(UncertaintyDocument.ToJson(plan.Scenario, result), result.Partial);
            });
        }

        var sensitivity = ParleyApplication.PlanSensitivity(request);
        if (sensitivity.Value is not { } swings)
        {
            return (null, ApiProblems.Invalid(sensitivity));
        }

        return Planned(kind, kind, source, [swings.Model.Info.Id], models.Seed, flags, swings.TotalSteps, (progress, token) =>
        {
            var result = swings.Run(progress, token);
            return new RunOutput(UncertaintyDocument.ToJson(swings.Scenario, result), result.Partial);
        });
    }

    private static (PlannedRun?, IResult?) Backtest(RunBody body, ScenarioSource source, ModelRequest models, Flags flags)
    {
        var text = ScenarioSources.Text(source);
        var planned = ParleyApplication.PlanBacktest(new BacktestRequest
        {
            Texts = [ScenarioSource.FromText(text.Text, source.Name)],
            Format = source.Format,
            Models = models,
            Capability = flags.Add("--capability", body.Capability, "equal"),
            Mode = flags.Add("--mode", body.Mode, "both"),
            CrossValidate = body.CrossValidate,
            CalibrationDraws = body.Draws ?? CalibrationOptions.DefaultDraws,
        });
        flags.Add("--cross-validate", body.CrossValidate);
        flags.Add("--draws", body.Draws);
        if (planned.Value is not { } plan)
        {
            return (null, ApiProblems.Invalid(planned));
        }

        // The store keeps the data set as the run's scenario (a DEU data set reads as one scenario of all its issues).
        var scenario = ScenarioFiles.ReadText(text.Text, source.Name, Format(source)).Scenario!;
        var snapshot = new ScenarioSnapshot(scenario, text.Text, text.FileName, text.Format);
        return (new PlannedRun("backtest", Request("backtest", [.. plan.Setup.Models.Select(m => m.Info.Id)], models.Seed, flags, snapshot), plan.TotalSteps, "application/json", (progress, token) =>
        {
            var run = plan.Run(progress, token);
            return new RunOutput(BacktestDocument.ToJson(run.Dataset, run.CapabilityLabel, run.Modes), false);
        }), null);
    }

    /// <summary>Whether <paramref name="body"/> names no scenario, so that the built-in one runs.</summary>
    private static bool IsBuiltIn(RunBody body) => body.Scenario is null || (body.Scenario.Ref is null && body.Scenario.Content is null);

    /// <summary>
    /// How a report's footer names its scenario: the stored version (<c> of NAME@N</c>) and the file
    /// argument of the command that reproduces it (<c> FILE --format F [--proposal P]</c>); both empty
    /// for the built-in scenario, which <c>parley report</c> reports without a file.
    /// </summary>
    private static (string Of, string File) ReportScenario(RunBody body, ScenarioSource source, ScenarioVersion? stored)
    {
        if (IsBuiltIn(body))
        {
            return ("", "");
        }

        var text = ScenarioSources.Text(source);
        var proposal = source.Proposal is { } id ? $" --proposal {id}" : "";
        return (stored is null ? "" : $" of {stored.Reference}", $" {text.FileName} --format {text.Format}{proposal}");
    }

    private static (PlannedRun?, IResult?) Report(RunBody body, ScenarioSource source, ModelRequest models, Flags flags, (string Of, string File) scenario)
    {
        flags.Switch("--stages", body.Stages == true);
        var planned = ParleyApplication.PlanReport(new ReportRequest
        {
            Scenario = source,
            Models = models,
            AnalysisModel = flags.Add("--analysis-model", body.AnalysisModel),
            Draws = flags.Add("--draws", body.Draws, 0),
            Threads = flags.Add("--threads", body.Threads, 0),
            Stages = body.Stages == true,
        });
        if (planned.Value is not { } plan)
        {
            // Models refuse a draft; its report is made without them, as parley report makes it.
            return ScenarioLoader.LoadForReview(source).Value is { Scenario.IsDraft: true } draft
                ? DraftReport(source, models, flags, scenario, draft)
                : (null, ApiProblems.Invalid(planned));
        }

        var planModels = plan.Forecast.Setup.Models;
        var (report, problem) = Planned("report", "report", source, [.. planModels.Select(m => m.Info.Id)], models.Seed, flags, plan.TotalSteps, (progress, token) =>
        {
            var run = plan.Run(progress, progress, token);
            var input = new NegotiationReportInput
            {
                Scenario = run.Forecast.Scenario,
                Results = run.Forecast.Results,
                Staged = run.Staged,
                Uncertainty = run.Uncertainty,
                Sensitivity = run.Sensitivity,
                Influence = run.Influence,
                TrackRecord = run.TrackRecord,
                Seed = run.Forecast.Options.Seed,
                Command = string.Create(CultureInfo.InvariantCulture,
                    $"POST /runs/report{scenario.Of} (parley report{scenario.File} --model {string.Join(",", planModels.Select(m => m.Info.Id))} --analysis-model {plan.AnalysisModel} --draws {plan.MonteCarlo?.TotalSteps ?? 0} --seed {run.Forecast.Options.Seed}{(plan.Stages ? " --stages" : "")})"),
            };
            return new RunOutput(NegotiationReport.ToHtml(input), false);
        });
        return (AsHtml(report), problem);
    }

    /// <summary>
    /// The report of a draft, as <c>parley report draft.yaml</c> makes it: no model runs on a draft, so the report shows
    /// the scenario, its evidence and the judgements still open. The passages are shown as the evidence quotes them,
    /// without the surrounding text of their source files, which the server never reads for a request.
    /// </summary>
    private static (PlannedRun?, IResult?) DraftReport(ScenarioSource source, ModelRequest models, Flags flags, (string Of, string File) scenario, ReviewedScenario draft)
    {
        var (report, problem) = Planned("report", "report", source, [], models.Seed, flags, 1, (_, _) => new RunOutput(
            NegotiationReport.ToHtml(new NegotiationReportInput
            {
                Scenario = draft.Scenario,
                Results = [],
                OpenJudgements = draft.OpenJudgements,
                Command = $"POST /runs/report{scenario.Of} (parley report{scenario.File})",
            }),
            false), draft.Scenario);
        return (AsHtml(report), problem);
    }

    /// <summary>A report run, whose result is its HTML page.</summary>
    private static PlannedRun? AsHtml(PlannedRun? report) => report is null ? null : report with { MediaType = "text/html; charset=utf-8" };

    /// <summary>
    /// A planned run of a scenario loaded from <paramref name="source"/> (or, for a draft, which models refuse,
    /// <paramref name="draft"/> as reviewed), recorded under <paramref name="command"/>.
    /// </summary>
    private static (PlannedRun?, IResult?) Planned(
        string command, string kind, ScenarioSource source, ImmutableArray<string> models, ulong seed, Flags flags, long steps, Func<IRunProgress?, CancellationToken, RunOutput> execute, Scenario? draft = null)
    {
        // The store keeps the scenario as written (before blocs, edits or a proposal's choice).
        var scenario = draft ?? ScenarioLoader.Load(source).Value!;
        var text = ScenarioSources.Text(source);
        var snapshot = new ScenarioSnapshot(scenario, text.Text, text.FileName, text.Format);
        return (new PlannedRun(kind, Request(command, models, seed, flags, snapshot), Math.Max(1, steps), "application/json", execute), null);
    }

    private static RunRequest Request(string command, ImmutableArray<string> models, ulong seed, Flags flags, ScenarioSnapshot snapshot) =>
        new(command, flags.Arguments, models, flags.Options, seed, snapshot);

    private static ScenarioFormat? Format(ScenarioSource source) =>
        source.Format is { } name ? ScenarioFiles.ParseFormatName(name) : null;

    /// <summary>The models and their options, as <c>--model</c>, <c>--rounds</c>, <c>--tolerance</c>, <c>--seed</c> and <c>--param</c>.</summary>
    private static (ModelRequest?, IResult?) Models(string kind, RunBody body, Flags flags)
    {
        var several = kind is "forecast" or "stages" or "whatif" or "backtest" or "report";
        var models = flags.Add("--model", body.Models, several ? "all" : "compromise");
        var rounds = flags.Add("--rounds", body.Rounds);
        var tolerance = flags.Add("--tolerance", body.Tolerance);
        var seed = flags.Add("--seed", body.Seed, 0UL);
        var parameters = new List<ParameterSetting>();
        var problems = new List<string>();
        foreach (var (name, value) in body.Parameters ?? [])
        {
            if (ModelParameterValues.Text(value) is not { } text)
            {
                problems.Add($"parameters.{name}: {value.ValueKind.ToString().ToLowerInvariant()} is not allowed; give a number, a string or a boolean");
                continue;
            }

            parameters.Add(new ParameterSetting(name, text));
            flags.AddEach("--param", [$"{name}={text}"]);
        }

        return problems.Count > 0
            ? (null, ApiProblems.Invalid([.. problems]))
            : (new ModelRequest { Models = models, AllowSeveral = several, Rounds = rounds, Tolerance = tolerance, Seed = seed, Parameters = [.. parameters] }, null);
    }

    /// <summary>The body's fields that are set, by their JSON names.</summary>
    private static IEnumerable<string> Given(RunBody body)
    {
        (string Name, bool Set)[] fields =
        [
            ("blocs", body.Blocs is not null), ("stages", body.Stages is not null), ("draws", body.Draws is not null),
            ("threads", body.Threads is not null), ("spread", body.Spread is not null), ("bins", body.Bins is not null),
            ("shift", body.Shift is not null), ("samples", body.Samples is not null), ("exact_limit", body.ExactLimit is not null),
            ("search", body.Search is not null), ("inputs", body.Inputs is not null), ("issues", body.Issues is not null), ("set", body.Set is not null),
            ("remove_actors", body.RemoveActors is not null), ("add_stages", body.AddStages is not null), ("overlay", body.Overlay is not null),
            ("capability", body.Capability is not null), ("mode", body.Mode is not null), ("cross_validate", body.CrossValidate is not null),
            ("analysis_model", body.AnalysisModel is not null),
        ];
        return fields.Where(f => f.Set).Select(f => f.Name);
    }
}
