using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Parley.ExchangeDiff;

/// <summary>
/// What one run of the Decide reference gave: each round's voting outcome per issue (on the
/// issue's scale) and exchange count, or the error it stopped with; and per round how many of its
/// cut checks came out <c>short</c> (tools/decide_observed.py: its <c>Decimal</c> left an outcome
/// that exact arithmetic puts on the demander 1e-26 short of it, and the move was cut to nothing).
/// </summary>
internal sealed record ReferenceRun(
    int Seed,
    ImmutableArray<ImmutableDictionary<string, double>> Voting,
    ImmutableArray<int> ExchangesPerRound,
    string? Error,
    double CpuSeconds,
    ImmutableArray<int> ShortBoundaryChecks = default)
{
    /// <summary>Whether the reference stopped with an error (its last line is <see cref="Error"/>).</summary>
    public bool Crashed => Error is not null;

    /// <summary>
    /// The first round (1-based) in which a cut check came out <c>short</c>, or <c>null</c> when none
    /// did (or the run was made without the observed runner and has no boundary log).
    /// </summary>
    public int? FirstShortRound
    {
        get
        {
            for (var round = 0; !ShortBoundaryChecks.IsDefault && round < ShortBoundaryChecks.Length; round++)
            {
                if (ShortBoundaryChecks[round] > 0)
                {
                    return round + 1;
                }
            }

            return null;
        }
    }

    /// <summary>Reads the JSON the peer's <c>run</c> script writes.</summary>
    public static ReferenceRun FromJson(int seed, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var voting = root.GetProperty("rounds").EnumerateArray()
            .Select(r => r.GetProperty("voting").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetDouble()))
            .ToImmutableArray();
        var counts = root.GetProperty("exchanges_per_round").EnumerateArray().Select(c => c.GetInt32()).ToImmutableArray();
        var shortChecks = root.TryGetProperty("boundary", out var boundary)
            ? boundary.EnumerateArray().Select(r => r.GetProperty("short").GetInt32()).ToImmutableArray()
            : default;
        return new ReferenceRun(seed, voting, counts, null, root.GetProperty("model_cpu_s").GetDouble(), shortChecks);
    }

    /// <summary>Whether a cached output has the boundary log (a run made by the observed runner, tools/exchange-diff-reference.py).</summary>
    public bool HasBoundaryLog => !ShortBoundaryChecks.IsDefault;
}

/// <summary>
/// Runs the Decide reference (<c>../shared/peers/decide</c>, unmodified) on a scenario file through
/// <c>tools/exchange-diff-reference.py</c>, which runs it as its own <c>run</c> script does while
/// observing its cut check, and keeps each run's output with its boundary log beside the file
/// (<c>NAME.p0.r10.s3.json</c>, or <c>.err</c> when it failed) so that a campaign can be resumed
/// and Parley re-compared without running the reference again.
/// </summary>
internal sealed class ReferenceRunner(string runScript, TimeSpan timeout, bool cachedOnly = false)
{
    /// <summary>
    /// The observed runner (<c>tools/exchange-diff-reference.py</c>) when the reference's <c>run</c>
    /// script is beside the repository at <paramref name="repositoryRoot"/>, or <c>null</c> when absent.
    /// </summary>
    public static string? Locate(string repositoryRoot)
    {
        var reference = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "peers", "decide", "run"));
        var runner = Path.Combine(repositoryRoot, "tools", "exchange-diff-reference.py");
        return File.Exists(reference) && File.Exists(runner) ? runner : null;
    }

    /// <summary>Runs (or reads back) the reference on <paramref name="file"/> for REX value <paramref name="p"/> and tie seed <paramref name="seed"/>.</summary>
    /// <returns>
    /// The run, or <c>null</c> when only cached runs are wanted and this one is not cached, or when
    /// it timed out or the run script failed before the reference ran (a loaded or busy machine,
    /// not a property of the scenario): it is neither cached nor taken for a crash, and the case
    /// is not compared.
    /// </returns>
    public async Task<ReferenceRun?> RunAsync(string file, string p, int seed, int rounds, CancellationToken cancellationToken)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{Path.ChangeExtension(file, null)}.p{p}.r{rounds}.s{seed}");
        var output = stem + ".json";
        var failure = stem + ".err";
        if (File.Exists(output))
        {
            // An output cached without the boundary log (made by the reference's own run script)
            // cannot be checked for rule decimal-leak: it is made again.
            var cached = ReferenceRun.FromJson(seed, await File.ReadAllTextAsync(output, cancellationToken));
            if (cached.HasBoundaryLog || cachedOnly)
            {
                return cached;
            }
        }

        if (File.Exists(failure))
        {
            return new ReferenceRun(seed, [], [], await File.ReadAllTextAsync(failure, cancellationToken), 0);
        }

        if (cachedOnly)
        {
            return null;
        }

        var start = new ProcessStartInfo(runScript)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { file, "-i", rounds.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--p", p, "--out", output + ".part" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {runScript}");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return null;
        }

        await standardOutput;
        var stderr = await errors;
        if (process.ExitCode != 0 || !File.Exists(output + ".part"))
        {
            // Only the reference's own errors (a Python traceback) are kept as its result; a
            // failure of the run script itself (its first-use apt-get finding the package lock
            // taken) says nothing about the scenario, and the case is not compared.
            if (!stderr.Contains("Traceback (most recent call last)", StringComparison.Ordinal))
            {
                return null;
            }

            var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
            await File.WriteAllTextAsync(failure, last, cancellationToken);
            return new ReferenceRun(seed, [], [], last, 0);
        }

        File.Move(output + ".part", output, overwrite: true);
        return ReferenceRun.FromJson(seed, await File.ReadAllTextAsync(output, cancellationToken));
    }
}
