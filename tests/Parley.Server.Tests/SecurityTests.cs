using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>Token, request limits, CORS when configured, and the rules on where the server may listen.</summary>
public sealed class SecurityTests
{
    private const string Token = "a-test-token-of-enough-length";

    [Fact]
    public async Task WithAToken_EveryRequestMustCarryIt()
    {
        using var factory = new ServerFactory(new ServerOptions { Token = Token });
        var client = factory.CreateClient();

        foreach (var path in new[] { "/health", "/openapi/v1.json", "/docs/index.html", "/runs", "/nothing" })
        {
            var refused = await client.GetAsync(path);
            await Api.Problem(refused, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.ToString());
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        await Api.Problem(await client.GetAsync("/health"), HttpStatusCode.Unauthorized);
        await Api.Problem(await Api.Post(client, "/runs/forecast", new { }), HttpStatusCode.Unauthorized);
        Assert.Empty(factory.Store.ListRuns());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.Post(client, "/runs/forecast", new { Models = "median" })).StatusCode);
    }

    [Fact]
    public async Task BodiesOverTheLimit_Get413_AndNothingIsStored()
    {
        using var factory = new ServerFactory(new ServerOptions { MaxRequestBodyBytes = 4096 });
        var client = factory.CreateClient();
        var big = new string('#', 5000);

        await Api.Problem(await client.PostAsync("/scenarios", new StringContent(big, Encoding.UTF8, "application/yaml")), HttpStatusCode.RequestEntityTooLarge);
        await Api.Problem(await Api.Post(client, "/runs/forecast", new { Scenario = new { Content = big } }), HttpStatusCode.RequestEntityTooLarge);
        using var form = new MultipartFormDataContent { { new StringContent(big), "file", "big.yaml" } };
        await Api.Problem(await client.PostAsync("/scenarios/upload", form), HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(factory.Store.ListScenarios());
    }

    [Fact]
    public async Task ARequestOverTheTimeLimit_Gets503_AndItsRunIsRecordedCancelled()
    {
        using var factory = new ServerFactory(new ServerOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        var client = factory.CreateClient();

        var problem = await Api.Problem(await Api.Post(client, "/runs/montecarlo?mode=wait", new { Models = "smp", Draws = 100_000_000 }), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("time limit", (string?)problem["detail"], StringComparison.Ordinal);
        var run = Assert.Single(factory.Store.ListRuns());
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task Cors_WhenConfigured_AllowsOnlyThoseOrigins()
    {
        using var factory = new ServerFactory(new ServerOptions { CorsOrigins = ["https://analysts.example"] });
        var client = factory.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Origin", "https://analysts.example" } } };
        using var other = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Origin", "https://elsewhere.example" } } };

        Assert.Equal("https://analysts.example", (await client.SendAsync(allowed)).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.0.2.10", false)]
    public void BeyondLoopback_ATokenIsRequired_AndGeneratedWhenMissing(string host, bool loopback)
    {
        var options = new ServerOptions { Host = host }.WithRequiredToken(out var generated);

        Assert.Equal(loopback, new ServerOptions { Host = host }.IsLoopback);
        Assert.Equal(!loopback, generated);
        Assert.Equal(!loopback, options.Token is { Length: >= 40 });
        Assert.Equal(Token, new ServerOptions { Host = host, Token = Token }.WithRequiredToken(out var kept).Token);
        Assert.False(kept);
    }

    [Fact]
    public void Defaults_AreLoopback_NoCors_BoundedBodiesAndTimes()
    {
        var options = new ServerOptions();

        Assert.Equal("127.0.0.1", options.Host);
        Assert.True(options.IsLoopback);
        Assert.Null(options.Token);
        Assert.Empty(options.CorsOrigins);
        Assert.Empty(options.Problems());
        Assert.Equal(16L * 1024 * 1024, options.MaxRequestBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RequestTimeout);
    }

    [Fact]
    public void BadOptions_AreEachNamed()
    {
        var problems = new ServerOptions
        {
            Host = "example.com",
            Port = 70000,
            Token = "short",
            MaxRequestBodyBytes = 10,
            RequestTimeout = TimeSpan.Zero,
            MaxConcurrentJobs = 0,
            CorsOrigins = ["not an origin"],
        }.Problems();

        Assert.Equal(7, problems.Length);
        Assert.Contains(problems, p => p.StartsWith("--port 70000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--host 'example.com'", StringComparison.Ordinal));
    }
}
