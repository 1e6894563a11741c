using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parley.ExchangeDiff;

// The differential campaign: random Decide scenarios through the reference (5 tie seeds) and
// Parley, compared after round 1 and round 10. tools/exchange-diff runs it under nice; see
// docs/models/exchange.md, "Differential test", for the rules and the figures.
if (args is ["trace", var traced, .. var traceArgs])
{
    // exchange-diff trace FILE [ROUNDS] [P] [SEED] [TIES] [BOUNDARY]: Parley's realised exchanges, one line each,
    // in the order and units of the reference's own trace, to find where two runs part.
    return TraceCommand.Run(traced, traceArgs);
}

var options = CampaignOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(CampaignOptions.Usage);
    return 2;
}

var runScript = options.Reference ?? ReferenceRunner.Locate(CampaignOptions.RepositoryRoot());
if (runScript is null || !File.Exists(runScript))
{
    Console.Error.WriteLine("exchange-diff: the observed runner (tools/exchange-diff-reference.py) or the Decide reference (../shared/peers/decide beside the repository) is missing; give --reference PATH");
    return 2;
}

var work = Path.GetFullPath(options.Work);
var differential = new Differential(new ReferenceRunner(runScript, TimeSpan.FromSeconds(options.TimeoutSeconds), options.CachedOnly), Path.Combine(work, "cases"), parleyTies: options.ParleyTies);
var jobs = new List<(int Index, string P)>();
for (var index = options.First; index < options.First + options.Count; index++)
{
    foreach (var p in options.PValues)
    {
        if (p == "0" || index - options.First < options.RexCount)
        {
            jobs.Add((index, p));
        }
    }
}

var results = new ConcurrentBag<CaseResult>();
var clock = Stopwatch.StartNew();
var done = 0;
var notCompared = 0;
await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, async (job, token) =>
{
    if (await differential.CompareAsync(ScenarioGenerator.Generate(options.Seed, job.Index), job.P, token) is not { } result)
    {
        Interlocked.Increment(ref notCompared);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:hh\\:mm\\:ss}] s{options.Seed}-{job.Index:D4} p={job.P}: not compared (a reference run timed out, or is not cached)"));
        return;
    }

    results.Add(result);
    var finished = Interlocked.Increment(ref done);
    if (result.Failed || finished % 25 == 0)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:hh\\:mm\\:ss}] {finished}/{jobs.Count} {result.Scenario.Name} p={job.P}{(result.Failed ? ": " + string.Join("; ", result.Misses()) : string.Empty)}"));
    }
});

var ordered = results.OrderBy(r => r.Scenario.Name, StringComparer.Ordinal).ThenBy(r => r.P, StringComparer.Ordinal).ToList();

// Five samples of a random process understate its spread: a failing case whose reference runs
// diverged through ties is compared once more against more tie seeds (the first five reused).
var widened = new List<(CaseResult Five, CaseResult More)>();
if (options.MoreSeeds > Differential.ReferenceSeeds.Length)
{
    foreach (var failing in ordered.Where(r => r.Failed && r.TieDivergent).ToList())
    {
        if (await differential.CompareAsync(failing.Scenario, failing.P, Enumerable.Range(1, options.MoreSeeds), CancellationToken.None) is { } more)
        {
            widened.Add((failing, more));
            ordered[ordered.IndexOf(failing)] = more;
        }
    }
}

// Rule decimal-boundary: a failing case that lies inside when Parley reads an outcome sitting on a
// demander as the reference's Decimal rounding does (boundary=short) is explained by it.
// The set holds the results themselves: the rule applies at p = 0 only, and the same scenario may run at other p.
var boundaryExplained = new HashSet<CaseResult>(ordered.Where(differential.ExplainedByDecimalBoundary), ReferenceEqualityComparer.Instance);

var shrunk = new List<CaseResult>();
if (options.ShrinkBudget > 0)
{
    var failuresDirectory = Path.Combine(work, "failures");
    Directory.CreateDirectory(failuresDirectory);
    foreach (var failing in ordered.Where(r => r.Failed && !boundaryExplained.Contains(r)).Take(options.ShrinkCases))
    {
        var small = await Shrinker.ShrinkAsync(failing, differential, options.ShrinkBudget, CancellationToken.None);
        shrunk.Add(small);
        var stem = Path.Combine(failuresDirectory, $"{failing.Scenario.Name}.p{failing.P}");
        await File.WriteAllTextAsync(stem + ".txt", small.Scenario.ToDecide());
        await File.WriteAllTextAsync(stem + ".md", Report.Failure(failing, small));
    }
}

var summary = Report.Summary(options, ordered, shrunk, widened, clock.Elapsed, notCompared, boundaryExplained);
Directory.CreateDirectory(work);
await File.WriteAllTextAsync(Path.Combine(work, "summary.md"), summary, Encoding.UTF8);
Console.WriteLine(summary);
return 0;
