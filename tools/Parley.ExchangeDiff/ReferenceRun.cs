using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Parley.ExchangeDiff;

/// <summary>
/// What one run of the Decide reference gave: each round's voting outcome per issue (on the
/// issue's scale) and exchange count, or the error it stopped with.
/// </summary>
internal sealed record ReferenceRun(
    int Seed,
    ImmutableArray<ImmutableDictionary<string, double>> Voting,
    ImmutableArray<int> ExchangesPerRound,
    string? Error,
    double CpuSeconds)
{
    /// <summary>Whether the reference stopped with an error (its last line is <see cref="Error"/>).</summary>
    public bool Crashed => Error is not null;

    /// <summary>Reads the JSON the peer's <c>run</c> script writes.</summary>
    public static ReferenceRun FromJson(int seed, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var voting = root.GetProperty("rounds").EnumerateArray()
            .Select(r => r.GetProperty("voting").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetDouble()))
            .ToImmutableArray();
        var counts = root.GetProperty("exchanges_per_round").EnumerateArray().Select(c => c.GetInt32()).ToImmutableArray();
        return new ReferenceRun(seed, voting, counts, null, root.GetProperty("model_cpu_s").GetDouble());
    }
}

/// <summary>
/// Runs the Decide reference (<c>../shared/peers/decide/run</c>) on a scenario file, and keeps
/// each run's output beside the file (<c>NAME.p0.s3.json</c>, or <c>.err</c> when it failed) so
/// that a campaign can be resumed and Parley re-compared without running the reference again.
/// </summary>
internal sealed class ReferenceRunner(string runScript, TimeSpan timeout, bool cachedOnly = false)
{
    /// <summary>The reference's <c>run</c> script beside a repository at <paramref name="repositoryRoot"/>, or <c>null</c> when absent.</summary>
    public static string? Locate(string repositoryRoot)
    {
        var path = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "peers", "decide", "run"));
        return File.Exists(path) ? path : null;
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
            return ReferenceRun.FromJson(seed, await File.ReadAllTextAsync(output, cancellationToken));
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
