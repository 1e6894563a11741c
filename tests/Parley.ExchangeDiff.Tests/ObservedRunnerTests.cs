using System.Diagnostics;
using System.Text.Json;

namespace Parley.ExchangeDiff.Tests;

/// <summary>
/// tools/exchange-diff-reference.py, the reference run while its cut check is observed: its
/// results are those of the reference's own run script, and it finds the reference's short cuts.
/// </summary>
public sealed class ObservedRunnerTests
{
    [DecideReferenceFact]
    public async Task ObservedRunner_GivesTheRunScriptsResults_AndLogsTheShortCuts()
    {
        // s1-0110 (campaign seed 1): with tie seed 1 the reference's Decimal cuts short in round 5.
        var directory = Directory.CreateTempSubdirectory("parley-observed-").FullName;
        try
        {
            var file = Path.Combine(directory, "s1-0110.txt");
            await File.WriteAllTextAsync(file, ScenarioGenerator.Generate(1, 110).ToDecide());
            var runScript = Path.GetFullPath(Path.Combine(CampaignOptions.RepositoryRoot(), "..", "shared", "peers", "decide", "run"));

            using var observed = JsonDocument.Parse(await RunAsync(DecideReference.Run, file, Path.Combine(directory, "observed.json")));
            using var plain = JsonDocument.Parse(await RunAsync(runScript, file, Path.Combine(directory, "plain.json")));

            Assert.Equal(plain.RootElement.GetProperty("rounds").GetRawText(), observed.RootElement.GetProperty("rounds").GetRawText());
            Assert.Equal(plain.RootElement.GetProperty("exchanges_per_round").GetRawText(), observed.RootElement.GetProperty("exchanges_per_round").GetRawText());
            var run = ReferenceRun.FromJson(1, observed.RootElement.GetRawText());
            Assert.Equal(10, run.ShortBoundaryChecks.Length);
            Assert.Equal(5, run.FirstShortRound);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string script, string file, string output)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { file, "-i", "10", "--seed", "1", "--p", "0", "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed: {await errors}");
        return await File.ReadAllTextAsync(output);
    }
}
