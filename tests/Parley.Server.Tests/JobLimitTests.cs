using System.Net;

namespace Parley.Server.Tests;

/// <summary>The job time limit counts the time a job works, not the time it waits for its turn.</summary>
public sealed class JobLimitTests
{
    [Fact]
    public async Task AQueuedJob_IsNotCancelledForTheTimeItWaited_AndTheLimitIsGivenInSeconds()
    {
        using var factory = new ServerFactory(new ServerOptions { MaxConcurrentJobs = 1, JobTimeout = TimeSpan.FromSeconds(4) });
        var client = factory.CreateClient();

        // The first job takes far longer than the limit; the second, queued behind it, needs a moment.
        var first = await Api.Post(client, "/runs/montecarlo", new { Draws = 1_000_000_000, Seed = 1 });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var second = await Api.Post(client, "/runs/montecarlo", new { Draws = 500, Seed = 2 });
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        var firstRun = await Api.WaitForEnd(client, (long)(await Api.Read(first))["id"]!);
        Assert.Equal("cancelled", (string?)firstRun["status"]);
        Assert.StartsWith("the job time limit of 4 s passed", (string?)firstRun["error"], StringComparison.Ordinal);

        var secondRun = await Api.WaitForEnd(client, (long)(await Api.Read(second))["id"]!);
        Assert.Equal("completed", (string?)secondRun["status"]);
    }
}
