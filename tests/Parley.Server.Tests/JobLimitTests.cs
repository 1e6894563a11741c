using Microsoft.Extensions.DependencyInjection;
using Parley.Storage;
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

/// <summary>A run that ends while the store cannot be reached is recorded once it can: a live server never leaves it running.</summary>
public sealed class UnreachableStoreTests
{
    [Fact]
    public async Task AJobEndingWhileTheStoreIsGone_IsRecordedWhenTheStoreIsBack()
    {
        using var factory = new ServerFactory();
        var client = factory.CreateClient();
        var service = factory.Services.GetRequiredService<RunService>();
        var started = await Api.Post(client, "/runs/montecarlo", new { Draws = 1_000_000_000, Seed = 1 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (long)(await Api.Read(started))["id"]!;
        var job = service.FindJob(id)!;

        var folder = Path.GetDirectoryName(factory.Store.Location.Target)!;
        var away = folder + "-away";
        Directory.Move(folder, away);
        try
        {
            job.Cancel("cancelled on request (test)");
            await job.Completion;
            Assert.Equal(1, service.UnwrittenEnds);
        }
        finally
        {
            Directory.Move(away, folder);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Store.FindRun(id)!.Summary.Status == RunStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var run = factory.Store.FindRun(id)!;
        Assert.Equal(RunStatus.Cancelled, run.Summary.Status);
        Assert.StartsWith("cancelled on request (test)", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, service.UnwrittenEnds);
    }
}

/// <summary><c>/health</c> says whether the store answers, so that a monitor can trust it.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_Is503WithTheStoresError_WhileTheStoreCannotBeRead()
    {
        using var factory = new ServerFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var folder = Path.GetDirectoryName(factory.Store.Location.Target)!;
        Directory.Move(folder, folder + "-away");
        try
        {
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await Api.Read(response);
            Assert.Equal("unavailable", (string?)body["status"]);
            Assert.StartsWith("the store cannot be read: ", (string?)body["error"], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Move(folder + "-away", folder);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}

/// <summary>A chunked body over <c>--max-body</c> gets Parley's own 413, as a body with a Content-Length does.</summary>
[Collection(RealServerCollection.Name)]
public sealed class ChunkedBodyTests
{
    [Fact]
    public async Task AChunkedBodyOverTheLimit_Gets413TooLarge_NamingTheLimit()
    {
        await using var server = await KestrelServer.StartAsync(new ServerOptions { MaxRequestBodyBytes = 1024 });
        using var client = new HttpClient { BaseAddress = server.Address };
        using var content = new StreamContent(new MemoryStream(new byte[5000]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios?file_name=big.yaml") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var problem = await Api.Problem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("urn:parley:problem:too-large", (string?)problem["type"]);
        Assert.Contains("1,024 bytes", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

/// <summary>Stopping the server cancels the runs working in requests, as it cancels the jobs.</summary>
public sealed class StoppingTests
{
    [Fact]
    public async Task ARunInARequest_IsCancelledWhenTheServerStops_AndTheClientGets503()
    {
        using var factory = new ServerFactory();
        var client = factory.CreateClient();
        var service = factory.Services.GetRequiredService<RunService>();

        var answer = Api.Post(client, "/runs/montecarlo?mode=wait", new { Draws = 1_000_000_000, Seed = 1 });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Store.ListRuns(1).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        service.StopAll(TimeSpan.FromSeconds(10));
        var problem = await Api.Problem(await answer.WaitAsync(TimeSpan.FromSeconds(20)), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("the server is stopping", (string?)problem["detail"], StringComparison.Ordinal);

        var run = factory.Store.FindRun(factory.Store.ListRuns(1)[0].Id)!;
        Assert.Equal(RunStatus.Cancelled, run.Summary.Status);
        Assert.StartsWith(RunService.StoppedReason, run.Error, StringComparison.Ordinal);
    }
}
