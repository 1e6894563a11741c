using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// A checked run request, ready to record and run: what the store keeps (command, models, options,
/// the equivalent command-line arguments, seed, scenario) and the work that produces the result document.
/// </summary>
/// <param name="Kind">The analysis: forecast, stages, whatif, influence, montecarlo, sensitivity, backtest or report.</param>
/// <param name="Request">What the store records.</param>
/// <param name="TotalSteps">The count progress is reported towards.</param>
/// <param name="MediaType">The result document's media type (<c>application/json</c>, or <c>text/html</c> for a report).</param>
/// <param name="Execute">The work: reports progress (none when run within the request), stops when cancelled; returns the document, or a partial one.</param>
internal sealed record PlannedRun(
    string Kind,
    RunRequest Request,
    long TotalSteps,
    string MediaType,
    Func<IRunProgress?, CancellationToken, RunOutput> Execute);

/// <summary>What a run produced: its document, or a partial one (cancelled Monte Carlo or sensitivity: not kept).</summary>
/// <param name="Document">The result document, byte for byte what the CLI prints with <c>--json</c> (or the report's HTML).</param>
/// <param name="Partial">Whether the work was cancelled before the end.</param>
internal sealed record RunOutput(string Document, bool Partial);
