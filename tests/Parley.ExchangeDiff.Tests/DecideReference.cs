using System.Diagnostics;

namespace Parley.ExchangeDiff.Tests;

/// <summary>
/// Whether the Decide reference can run here: its <c>run</c> script in ../shared/peers/decide,
/// /usr/bin/python3, and its Debian dependencies (the script installs them on first use, which
/// needs root). Probed once, by a run on a small generated scenario.
/// </summary>
internal static class DecideReference
{
    private static readonly Lazy<(string? Run, string? SkipReason)> Probe = new(ProbeOnce);

    /// <summary>The reference's run script (when <see cref="SkipReason"/> is null).</summary>
    public static string Run => Probe.Value.Run ?? throw new InvalidOperationException(SkipReason);

    /// <summary>Why tests that run the reference skip, or <c>null</c> when it runs.</summary>
    public static string? SkipReason => Probe.Value.SkipReason;

    private static (string?, string?) ProbeOnce()
    {
        var run = ReferenceRunner.Locate(CampaignOptions.RepositoryRoot());
        if (run is null)
        {
            return (null, "../shared/peers/decide/run is absent beside the repository; the differential test runs the Decide reference");
        }

        if (!File.Exists("/usr/bin/python3"))
        {
            return (null, "/usr/bin/python3 is not installed; the Decide reference needs it");
        }

        var directory = Directory.CreateTempSubdirectory("parley-decide-probe-").FullName;
        try
        {
            var file = Path.Combine(directory, "probe.txt");
            File.WriteAllText(file, ScenarioGenerator.Generate(1, 0).ToDecide());
            var start = new ProcessStartInfo(run) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { file, "-i", "1", "--out", Path.Combine(directory, "probe.json") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return (null, "the Decide reference did not finish a one-round probe run in 5 minutes");
            }

            if (process.ExitCode != 0)
            {
                var last = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                return (null, $"the Decide reference cannot run here (its Debian dependencies python3-typer, python3-structlog, python3-peewee missing and not installable?): {last}");
            }

            return (run, null);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>A fact that runs the Decide reference; it skips, saying why, when the reference cannot run here.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DecideReferenceFactAttribute : FactAttribute
{
    public DecideReferenceFactAttribute()
    {
        Skip = DecideReference.SkipReason;
    }
}
