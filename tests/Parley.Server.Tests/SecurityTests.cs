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
    public async Task WritesFromAnotherSite_AreRefused_AndNothingIsStored_WhileTheServersOwnPagesAndProgramsWrite()
    {
        // What any web page can make the browser send to 127.0.0.1 without a preflight (QA issue 18, server entry 34).
        using var factory = new ServerFactory(new ServerOptions { CorsOrigins = ["https://allowed.example"] });
        var client = factory.CreateClient();
        HttpRequestMessage Simple(string path, string? origin, string? site = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("id: csrf\ntitle: X\n", Encoding.UTF8, "text/plain") };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            if (site is not null)
            {
                request.Headers.Add("Sec-Fetch-Site", site);
            }

            return request;
        }

        var problem = await Api.Problem(await client.SendAsync(Simple("/scenarios?file_name=csrf.yaml", "http://evil.example:5699")), HttpStatusCode.Forbidden);
        Assert.StartsWith("a page from http://evil.example:5699 may not change this server's scenarios or runs", (string?)problem["detail"], StringComparison.Ordinal);
        await Api.Problem(await client.SendAsync(Simple("/scenarios?file_name=csrf.yaml", null, "cross-site")), HttpStatusCode.Forbidden);
        using var run = new HttpRequestMessage(HttpMethod.Post, "/runs/montecarlo") { Content = new ByteArrayContent("{\"draws\": 10}"u8.ToArray()) };
        run.Headers.Add("Origin", "null");
        await Api.Problem(await client.SendAsync(run), HttpStatusCode.Forbidden);
        Assert.Empty(factory.Store.ListScenarios());
        Assert.Empty(factory.Store.ListRuns());

        // Reading is not refused (CORS decides what a page may read), nor are the server's own page, a site --cors
        // allows, or a program that names no origin (the scenario itself is then judged, here as incomplete).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/runs")).StatusCode);
        foreach (var origin in new[] { "http://localhost", "https://allowed.example", null })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Simple("/scenarios?file_name=csrf.yaml", origin, origin is null ? null : "same-origin"))).StatusCode);
        }
    }

    [Fact]
    public async Task ARequestNamingAnotherHost_IsRefused_OnALoopbackServerWithoutAToken()
    {
        // A page whose name was rebound to 127.0.0.1 would be the server's "own origin" and could read the store.
        using var factory = new ServerFactory();
        var client = factory.CreateClient();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/runs");
        rebound.Headers.Host = "evil.example:5477";

        var problem = await Api.Problem(await client.SendAsync(rebound), HttpStatusCode.MisdirectedRequest);

        Assert.StartsWith("this server answers requests to its own loopback address, not to 'evil.example'", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/runs")).StatusCode);
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
