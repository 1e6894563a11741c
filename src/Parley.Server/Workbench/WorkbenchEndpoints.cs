using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Formats;
using Parley.Formats.Native;
using Parley.Reports;
using Parley.Reports.Charts;
using Parley.Storage;

namespace Parley.Server.Workbench;

/// <summary>
/// The workbench (docs/workbench.md): the page at <c>/</c>, its assets under <c>/workbench/</c> (its icon also at
/// <c>/favicon.ico</c>), and the
/// few endpoints the page needs beside the JSON API: check a scenario text as <c>parley validate</c> does,
/// read a stored version as native JSON for the editor, and a stored run's charts (a forecast's with its
/// round-by-round positions).
/// </summary>
internal static class WorkbenchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => WorkbenchAssets.Serve(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/workbench/{file}", (string file, HttpContext context) => WorkbenchAssets.Serve(context, file)).ExcludeFromDescription();

        // Browsers ask for /favicon.ico on every page without an icon link (the API docs); a 404 there is a console error.
        app.MapGet("/favicon.ico", (HttpContext context) => WorkbenchAssets.Serve(context, "favicon.svg")).ExcludeFromDescription();

        var scenarios = app.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapPost("/check", Check)
            .WithSummary("Check a scenario text as 'parley validate' does, without saving it: every problem located (line, column), or the counts")
            .Accepts<string>(ScenarioEndpoints.BodyTypes[0], ScenarioEndpoints.BodyTypes[1..])
            .Produces<CheckView>().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        scenarios.MapGet("/{name}/document", Document)
            .WithSummary("A stored version (?version=N, default the latest) as Parley's native JSON, whatever format it was saved in")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/runs/{id:long}/charts", Charts).WithTags("Runs")
            .WithSummary("A completed run's charts (ECharts options built from the report's chart definitions): a forecast's, with each dynamic model's positions round by round; a Monte Carlo run's distributions, a sensitivity run's tornadoes, an influence run's Shapley values")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Check(HttpContext context, ServerOptions options, string? format, [FromQuery(Name = "file_name")] string? fileName, string? proposal)
    {
        var name = ScenarioSources.DisplayName(fileName);
        var (text, problem) = await RequestBody.ReadTextAsync(context.Request, options.MaxRequestBodyBytes, name, context.RequestAborted).ConfigureAwait(false);
        if (text is null)
        {
            return problem!;
        }

        if (Application.ScenarioLoader.ParseFormat(format, out var chosen) is { } error)
        {
            return ApiProblems.Invalid(error);
        }

        var result = ScenarioFiles.ReadText(text, name, chosen);
        if (proposal is not null && result.Scenario is not null)
        {
            // As POST /scenarios would save it: the proposal of a DEU data set, or the refusal of an unknown one.
            var loaded = ScenarioLoader.Load(ScenarioSource.FromText(text, name, format) with { Proposal = proposal });
            if (loaded.Value is not { } chosenProposal)
            {
                return ApiProblems.Invalid(loaded);
            }

            return Results.Json(CheckView.From(name, result) with { Summary = ValidationSummary.For(name, chosenProposal) }, ApiJson.Response);
        }

        return Results.Json(CheckView.From(name, result), ApiJson.Response);
    }

    private static IResult Document(string name, int? version, ParleyStore store)
    {
        var reference = version is { } number ? $"{name}@{number.ToString(CultureInfo.InvariantCulture)}" : name;
        var (found, problem) = ScenarioSources.FindVersion(store, reference);
        if (found is null)
        {
            return problem!;
        }

        return Results.Text(NativeScenarioWriter.ToJson(Whole(found)), "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// A stored version read again from the text as saved, so sources, evidence and outcomes come back whole
    /// (a DEU data set saved as one of its proposals: that proposal, as a run of the version reads it).
    /// </summary>
    private static Scenario Whole(ScenarioVersion found) =>
        (found.Format == "deu" ? ScenarioLoader.Load(ScenarioSources.FromVersion(found)).Value : null)
        ?? ScenarioFiles.ReadText(found.Content, found.FileName, ScenarioFiles.ParseFormatName(found.Format)).Scenario ?? found.ToScenario();

    private static IResult Charts(long id, ParleyStore store, HttpContext context)
    {
        if (store.FindRun(id) is not { } run)
        {
            return RunEndpoints.NoRun(id);
        }

        if (!ChartedCommands.Contains(run.Summary.Command) || run.Summary.Status != RunStatus.Completed || run.Result is null)
        {
            return ApiProblems.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"run {id} is a {ParleyStore.StatusName(run.Summary.Status)} {run.Summary.Command} run; charts are drawn for completed {string.Join(", ", ChartedCommands)} runs"));
        }

        if (run.Summary.Command != "forecast")
        {
            return AnalysisCharts(run, store);
        }

        var stages = run.Options.GetValueOrDefault("stages") == "true";
        var (plan, problem) = RunPlanner.PlanForecast(RecordedBody(run), stages, store);
        if (plan is null)
        {
            return problem!;
        }

        // The forecast is run again from the recorded version and options: the models are
        // deterministic, so this is the stored run's result, with the traces the charts read.
        var forecast = plan.Run(context.RequestAborted);
        var scenario = forecast.Scenario;
        var charts = new List<ChartSpec>(NegotiationCharts.Forecasts(scenario, forecast.Finals));
        foreach (var result in forecast.Results)
        {
            charts.AddRange(NegotiationCharts.Bargaining(scenario, result));
            if (NegotiationCharts.ExchangeGains(scenario, result) is { } gains)
            {
                charts.Add(gains);
            }
        }

        foreach (var staged in forecast.Staged)
        {
            charts.Add(NegotiationCharts.Stages(scenario, staged));
        }

        return ChartsResponse(id, charts, forecast.Results.Where(r => !r.Rounds.IsDefaultOrEmpty).Select(r => Playback(scenario, r)));
    }

    /// <summary>The runs whose charts <c>GET /runs/{id}/charts</c> draws.</summary>
    private static readonly ImmutableArray<string> ChartedCommands = ["forecast", "montecarlo", "sensitivity", "influence"];

    /// <summary>
    /// A Monte Carlo, sensitivity or influence run's charts, as its report draws them: read from the stored result
    /// rather than computed again (an influence analysis may take seconds to minutes), on the scenario version it ran.
    /// </summary>
    private static IResult AnalysisCharts(StoredRun run, ParleyStore store)
    {
        var (found, problem) = ScenarioSources.FindVersion(store, VersionRan(run));
        if (found is null)
        {
            return problem!;
        }

        var scenario = Whole(found);
        var document = run.Result!;
        var charts = run.Summary.Command switch
        {
            "montecarlo" => NegotiationCharts.Distributions(scenario, AnalysisDocuments.ReadMonteCarlo(document)),
            "sensitivity" => NegotiationCharts.Tornadoes(scenario, AnalysisDocuments.ReadSensitivity(document)),
            _ => NegotiationCharts.Influence(scenario, AnalysisDocuments.ReadInfluence(document)),
        };
        return ChartsResponse(run.Summary.Id, charts, []);
    }

    private static IResult ChartsResponse(long id, IEnumerable<ChartSpec> charts, IEnumerable<object> playback) => Results.Json(new
    {
        Run = id,
        Charts = charts.Select(c => new { c.Id, c.Title, c.Caption, c.Height, Option = EChartsOptions.ToOption(c) }),
        Playback = playback,
    }, ApiJson.Response);

    /// <summary>The scenario version <paramref name="run"/> ran on, as a reference: <c>NAME@VERSION</c>.</summary>
    private static string VersionRan(StoredRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Summary.ScenarioName}@{run.Summary.ScenarioVersion}");

    /// <summary>The run body that plans <paramref name="run"/> again: its scenario version, models and recorded options.</summary>
    private static RunBody RecordedBody(StoredRun run)
    {
        var options = run.Options;
        string? Text(string name) => options.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;
        var parameters = new ModelParameterValues();
        foreach (var setting in (Text("param") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parameters[setting[..equals]] = System.Text.Json.JsonSerializer.SerializeToElement(setting[(equals + 1)..]);
            }
        }

        return new RunBody
        {
            Scenario = new ScenarioBody { Ref = VersionRan(run), Proposal = Text("proposal") },
            Models = string.Join(",", run.Summary.Models),
            Rounds = Text("rounds") is { } rounds ? int.Parse(rounds, CultureInfo.InvariantCulture) : null,
            Tolerance = Text("tolerance") is { } tolerance ? double.Parse(tolerance, CultureInfo.InvariantCulture) : null,
            Seed = run.Seed,
            Blocs = Text("blocs"),
            Parameters = parameters.Count == 0 ? null : parameters,
        };
    }

    /// <summary>A dynamic model's positions per round and issue (round 0 = the stances), for the workbench's slider.</summary>
    private static object Playback(Scenario scenario, Core.Models.ModelResult result)
    {
        var issues = scenario.Issues.Where(i => result.ForIssue(i.Id) is not null).Select(issue =>
        {
            var history = BargainingHistory.Positions(scenario, result, issue.Id);
            var actors = scenario.StancesOn(issue.Id).Select(s => s.ActorId).ToImmutableArray();
            return new
            {
                issue.Id,
                issue.Name,
                Min = issue.ScaleMin,
                Max = issue.ScaleMax,
                issue.StatusQuo,
                Actors = actors.Select(a => new { Id = a, Name = scenario.FindActor(a)?.Name ?? a }),
                Positions = history.Select(round => actors.Select(a => round.TryGetValue(a, out var p) ? (double?)p : null)),
                Outcomes = BargainingHistory.Outcomes(result, issue.Id),
                Forecast = result.ForIssue(issue.Id)!.Forecast,
            };
        }).ToList();
        return new { Model = result.Model.Id, result.Model.Name, Rounds = issues.Count == 0 ? 0 : issues.Max(i => i.Positions.Count() - 1), Issues = issues };
    }
}

/// <summary>What <c>POST /scenarios/check</c> answers: as <c>parley validate</c> reports a file.</summary>
/// <param name="Valid">Whether the text is a valid scenario (a valid draft counts, with its open judgements).</param>
/// <param name="Summary">The line <c>parley validate</c> prints for a valid file.</param>
/// <param name="Diagnostics">Every problem, located, in file order.</param>
/// <param name="OpenJudgements">A draft's judgements still to make, located.</param>
internal sealed record CheckView(bool Valid, string? Summary, ImmutableArray<ApiProblems.DiagnosticBody> Diagnostics, ImmutableArray<ApiProblems.DiagnosticBody> OpenJudgements)
{
    public static CheckView From(string name, ReadResult result) => new(
        result.Succeeded,
        result.Scenario switch
        {
            { } scenario => ValidationSummary.For(name, scenario),
            null => null,
        },
        [.. result.Diagnostics.Select(Body)],
        [.. result.OpenJudgements.Select(Body)]);

    private static ApiProblems.DiagnosticBody Body(Diagnostic d) => new(d.File, d.Line, d.Column, d.Message);
}
