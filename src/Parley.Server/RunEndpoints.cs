using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// <c>/runs</c>: start any analysis (short ones answer in the request, long ones are jobs), follow a
/// job's progress by server-sent events, cancel it, and read results (JSON, or the report's HTML).
/// </summary>
internal static class RunEndpoints
{
    /// <summary>How often the event stream looks at a job's progress.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public static void Map(IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/{kind}", Start)
            .WithSummary("Start an analysis: forecast, stages, whatif, influence, montecarlo, sensitivity, backtest or report")
            .WithDescription("forecast, stages and whatif answer in the request (201 with the result) unless ?mode=job; the others are jobs (202; follow /runs/{id}/events) unless ?mode=wait. Every run is recorded in the store: running, then completed, failed or cancelled.")
            .Accepts<RunBody>("application/json")
            .Produces(StatusCodes.Status201Created, contentType: "application/json")
            .Produces(StatusCodes.Status202Accepted, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        runs.MapGet("/", List).WithSummary("The newest runs, newest first").Produces<RunView[]>();
        runs.MapGet("/{id:long}", Show).WithSummary("Everything recorded about a run, and a job's progress").Produces<RunView>().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id:long}/result", Result).WithSummary("A completed run's result document, byte for byte as stored (JSON; HTML for a report run)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{id:long}/report", Report).WithSummary("A completed report run's self-contained HTML report")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{id:long}/events", Events).WithSummary("Server-sent events: progress while the run works, then its final status")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound).DisableRequestTimeout();
        runs.MapDelete("/{id:long}", Cancel).WithSummary("Cancel a job").Produces<RunView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/{id:long}/cancel", Cancel).WithSummary("Cancel a job (as DELETE)").Produces<RunView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{id:long}/diff/{other:long}", Diff).WithSummary("What differs between two runs: scenario, options and every value of the results")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Start(string kind, string? mode, HttpContext context, ParleyStore store, RunService service, ServerOptions options)
    {
        if (service.Stopping)
        {
            return ApiProblems.Unavailable("the server is stopping; start the run again when it is back");
        }

        if (mode is not (null or "wait" or "job"))
        {
            return ApiProblems.Invalid($"mode '{mode}' is not allowed; use wait (answer in the request) or job (answer 202 and run in the background)");
        }

        if (string.IsNullOrWhiteSpace(context.Request.ContentType) && (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0))
        {
            // Routing refuses other types with 415 but lets a body without a type through: a run's body is JSON, said so.
            return ParleyServer.UnsupportedMediaType(context.Request);
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<RunBody>(context.Request, options.MaxRequestBodyBytes, ApiJson.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var (plan, invalid) = RunPlanner.Plan(kind, body, store);
        if (plan is null)
        {
            return invalid!;
        }

        var id = service.Record(plan);
        if (mode == "job" || (mode is null && !RunPlanner.IsShort(kind)))
        {
            var job = service.StartJob(id, plan);
            var view = RunView.From(store.FindRun(id)!.Summary, job);
            context.Response.Headers.Location = view.Links.Self;
            return Results.Json(view, ApiJson.Response, statusCode: StatusCodes.Status202Accepted);
        }

        var end = service.RunNow(id, plan, context.RequestAborted);
        if (end.Status == RunStatus.Cancelled)
        {
            // The request timed out or the client left: the timeout middleware answers 503 (nobody hears otherwise).
            context.RequestAborted.ThrowIfCancellationRequested();
            if (service.Stopping)
            {
                return ApiProblems.Unavailable(string.Create(CultureInfo.InvariantCulture,
                    $"the server is stopping; run {id} was recorded cancelled ({RunService.StoppedReason}); start it again when the server is back"));
            }
        }

        if (end.Status != RunStatus.Completed)
        {
            return end.BadInput
                ? ApiProblems.Invalid(end.Error!)
                : Results.Problem(statusCode: StatusCodes.Status500InternalServerError, type: "urn:parley:problem:run-failed", title: "The run failed",
                    detail: string.Create(CultureInfo.InvariantCulture, $"run {id} failed: {end.Error}; it is recorded as failed (GET /runs/{id})"));
        }

        context.Response.Headers.Location = $"/runs/{id}";
        if (plan.MediaType.StartsWith("text/html", StringComparison.Ordinal))
        {
            return Results.Text(end.Document!, plan.MediaType, Encoding.UTF8, StatusCodes.Status201Created);
        }

        var summary = store.FindRun(id)!.Summary;
        return Results.Text(ApiJson.WithResult(RunView.From(summary, null), end.Document!), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static IResult List(ParleyStore store, RunService service, int? limit, string? scenario)
    {
        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid("limit must be from 1 to 1000 (default 50)");
        }

        return Results.Json(store.ListRuns(limit ?? 50, scenario).Select(r => RunView.From(r, service.FindJob(r.Id))).ToArray(), ApiJson.Response);
    }

    private static IResult Show(long id, ParleyStore store, RunService service) =>
        store.FindRun(id) is { } run ? Results.Json(RunView.From(run, service.FindJob(id)), ApiJson.Response) : NoRun(id);

    private static IResult Result(long id, ParleyStore store)
    {
        if (store.FindRun(id) is not { } run)
        {
            return NoRun(id);
        }

        if (run.Result is not { } document)
        {
            return NotCompleted(run);
        }

        return Results.Text(document, run.Summary.Command == "report" ? "text/html; charset=utf-8" : "application/json", Encoding.UTF8);
    }

    private static IResult Report(long id, ParleyStore store)
    {
        if (store.FindRun(id) is not { } run)
        {
            return NoRun(id);
        }

        if (run.Summary.Command != "report")
        {
            return ApiProblems.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"run {id} is a {run.Summary.Command} run; its result is JSON (GET /runs/{id}/result). For the HTML report start a report run: POST /runs/report with the same scenario and models"));
        }

        return run.Result is { } html ? Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8) : NotCompleted(run);
    }

    private static async Task Events(long id, HttpContext context, ParleyStore store, RunService service)
    {
        if (store.FindRun(id) is not { } run)
        {
            await NoRun(id).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var token = context.RequestAborted;
        try
        {
            var job = service.FindJob(id);
            if (job is not null)
            {
                RunProgress? shown = null;
                var quiet = TimeSpan.Zero;
                while (!job.Completion.IsCompleted)
                {
                    if (job.Progress is var now && now != shown)
                    {
                        shown = now;
                        quiet = TimeSpan.Zero;
                        await Send(response, "progress", now, token).ConfigureAwait(false);
                    }
                    else if ((quiet += ProgressInterval) >= TimeSpan.FromSeconds(15))
                    {
                        // A comment line keeps proxies from closing a quiet stream.
                        quiet = TimeSpan.Zero;
                        await response.WriteAsync(": still working\n\n", token).ConfigureAwait(false);
                        await response.Body.FlushAsync(token).ConfigureAwait(false);
                    }

                    await Task.WhenAny(job.Completion, Task.Delay(ProgressInterval, token)).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                }

                await Send(response, "progress", job.Progress, token).ConfigureAwait(false);
                run = store.FindRun(id)!;
            }
            else if (service.EndedProgress(id) is { } last)
            {
                // The job ended between the client's request and this one: its last progress, then
                // its status as stored now (the run read above may still say running).
                await Send(response, "progress", last, token).ConfigureAwait(false);
                run = store.FindRun(id)!;
            }

            // A run that works elsewhere (another process on the store, or a request of this server) is followed in the store until it ends.
            var silent = TimeSpan.Zero;
            while (run.Summary.Status == RunStatus.Running)
            {
                await Task.Delay(StorePollInterval, token).ConfigureAwait(false);
                if ((silent += StorePollInterval) >= TimeSpan.FromSeconds(15))
                {
                    silent = TimeSpan.Zero;
                    await response.WriteAsync(": still working\n\n", token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                }

                try
                {
                    run = store.FindRun(id) ?? run;
                }
                catch (StoreException)
                {
                    // The store is out of reach for now: asked again at the next interval.
                }
            }

            await Send(response, ParleyStore.StatusName(run.Summary.Status), RunView.From(run, null), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client stopped listening; the run goes on.
        }
    }

    /// <summary>How often the events of a run that is not a job of this server read its status from the store.</summary>
    private static readonly TimeSpan StorePollInterval = TimeSpan.FromSeconds(1);

    private static async Task Send<T>(HttpResponse response, string name, T data, CancellationToken token)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ApiJson.Response)}\n\n", token).ConfigureAwait(false);
        await response.Body.FlushAsync(token).ConfigureAwait(false);
    }

    private static IResult Cancel(long id, ParleyStore store, RunService service)
    {
        if (store.FindRun(id) is not { } run)
        {
            return NoRun(id);
        }

        // A job's end is recorded in the store just before the job is dropped from the service, so a
        // run the store already holds as ended is over even while its job is still found.
        if (run.Summary.Status != RunStatus.Running || service.FindJob(id) is not { } job)
        {
            return ApiProblems.Conflict(run.Summary.Status == RunStatus.Running
                ? string.Create(CultureInfo.InvariantCulture, $"run {id} is not a job of this server (it works in a request, or in another process); it cannot be cancelled here")
                : string.Create(CultureInfo.InvariantCulture, $"run {id} has already ended ({ParleyStore.StatusName(run.Summary.Status)}); a finished run never changes"));
        }

        job.Cancel(string.Create(CultureInfo.InvariantCulture, $"cancelled on request (DELETE /runs/{id})"));
        return Results.Json(RunView.From(run.Summary, job), ApiJson.Response, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Diff(long id, long other, ParleyStore store, int? limit)
    {
        if (store.FindRun(id) is not { } a)
        {
            return NoRun(id);
        }

        if (store.FindRun(other) is not { } b)
        {
            return NoRun(other);
        }

        if (a.Result is null || b.Result is null)
        {
            return NotCompleted(a.Result is null ? a : b);
        }

        var scenarioA = store.FindRunScenario(id)!;
        var scenarioB = store.FindRunScenario(other)!;
        var options = a.Options.Keys.Union(b.Options.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.Options.GetValueOrDefault(k) != b.Options.GetValueOrDefault(k))
            .Select(k => new { Option = k, Before = a.Options.GetValueOrDefault(k), After = b.Options.GetValueOrDefault(k) })
            .ToArray();
        var results = ResultDiff.Between(a.Result, b.Result);
        return Results.Json(new
        {
            From = RunView.From(a.Summary, null),
            To = RunView.From(b.Summary, null),
            Scenario = scenarioA.Hash == scenarioB.Hash ? [] : ScenarioDiff.Between(scenarioA.ToScenario(), scenarioB.ToScenario()),
            Options = options,
            ResultChanges = results.Length,
            Result = results.Take(Math.Clamp(limit ?? 1000, 1, 100_000)).Select(c => new { c.Path, c.Before, c.After, c.Delta }),
        }, ApiJson.Response);
    }

    /// <summary>The 404 of a run id the store does not hold.</summary>
    internal static IResult NoRun(long id) =>
        ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"no run {id} in the store; GET /runs lists them"));

    private static IResult NotCompleted(StoredRun run) => ApiProblems.Conflict(run.Summary.Status == RunStatus.Running
        ? string.Create(CultureInfo.InvariantCulture, $"run {run.Summary.Id} is still running; follow GET /runs/{run.Summary.Id}/events")
        : string.Create(CultureInfo.InvariantCulture, $"run {run.Summary.Id} has no result: it {ParleyStore.StatusName(run.Summary.Status)} ({run.Error})"));
}
