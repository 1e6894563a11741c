using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Application;
using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Server.Tests;

/// <summary>
/// The workbench's page, its assets and the endpoints it adds to the API (docs/workbench.md):
/// checking a scenario text as <c>parley validate</c> does, a stored version as native JSON, and a
/// forecast run's charts and round-by-round positions.
/// </summary>
public sealed class WorkbenchEndpointTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public WorkbenchEndpointTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Fact]
    public async Task Root_ServesTheWorkbench_AndItsAssetsRevalidateByETag()
    {
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/workbench/app.js", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        foreach (var file in new[] { "app.js", "app.css", "echarts.min.js" })
        {
            var asset = await client.GetAsync($"/workbench/{file}");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 1000, file);
            using var again = new HttpRequestMessage(HttpMethod.Get, $"/workbench/{file}");
            again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workbench/secrets.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workbench/..%2Fappsettings.json")).StatusCode);
    }

    [Fact]
    public async Task Favicon_IsServed_AtTheAddressBrowsersAskFor_AndLinkedFromThePage()
    {
        // Every page load asked for /favicon.ico and logged its 404 as a console error (QA).
        var html = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/workbench/favicon.svg\"", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/favicon.ico", "/workbench/favicon.svg" })
        {
            var icon = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_GivesParleyValidatesMessages_LocatedInTheText_AndSavesNothing()
    {
        var before = await client.GetStringAsync("/scenarios");
        var broken = "{\n  \"id\": \"x\",\n  \"title\": \"X\",\n  \"actors\": [\n    { \"id\": \"a\", \"capability\": -3 }\n  ],\n  \"issues\": [ { \"id\": \"i\", \"min\": 0, \"max\": 10 } ],\n  \"stances\": [ { \"actor\": \"a\", \"issue\": \"i\", \"position\": 5, \"salience\": 1.5 } ]\n}\n";
        var response = await client.PostAsync("/scenarios/check?file_name=x.json&format=json", new StringContent(broken, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["valid"]!);

        // The same diagnostics as reading the file (what parley validate prints), located in the text sent.
        var expected = ScenarioFiles.ReadText(broken, "x.json", ScenarioFormat.Json).Diagnostics;
        var diagnostics = body["diagnostics"]!.AsArray();
        Assert.Equal(expected.Length, diagnostics.Count);
        Assert.True(expected.Length >= 2);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].ToString(), $"{diagnostics[i]!["file"]}:{diagnostics[i]!["line"]}:{diagnostics[i]!["column"]}: {diagnostics[i]!["message"]}");
        }

        Assert.Contains(diagnostics, d => (int)d!["line"]! == 5 && ((string)d["message"]!).Contains("capability -3", StringComparison.Ordinal));

        var valid = await client.PostAsync("/scenarios/check?file_name=alaska.yaml", new StringContent(BuiltInScenarios.AlaskaText(), Encoding.UTF8, "application/yaml"));
        var verdict = JsonNode.Parse(await valid.Content.ReadAsStringAsync())!;
        Assert.True((bool)verdict["valid"]!);
        Assert.Equal("alaska.yaml: valid (15 actors, 7 issues, 35 stances, 3 stages)", (string?)verdict["summary"]);
        Assert.Equal(before, await client.GetStringAsync("/scenarios"));

        var unknown = await client.PostAsync("/scenarios/check?format=docx", new StringContent("x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Document_IsTheStoredVersionAsNativeJson_WithSourcesAndEvidenceKept()
    {
        var saved = await client.PostAsync("/scenarios?file_name=alaska-2025.yaml", new StringContent(BuiltInScenarios.AlaskaText(), Encoding.UTF8, "application/yaml"));
        Assert.True(saved.IsSuccessStatusCode);
        var json = await client.GetStringAsync("/scenarios/alaska-2025/document?version=1");
        var expected = NativeScenarioWriter.ToJson(ScenarioFiles.ReadText(BuiltInScenarios.AlaskaText(), "alaska-2025.yaml").Scenario!);
        Assert.Equal(expected, json);
        Assert.Contains("\"sources\"", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scenarios/no-such/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scenarios/alaska-2025/document?version=99")).StatusCode);
    }

    [Fact]
    public async Task Charts_OfAForecastRun_AreTheReportsChartsWithPlaybackPerDynamicModel()
    {
        var run = await Api.Read(await Api.Post(client, "/runs/forecast", new { Models = "compromise,eum", Rounds = 4 }));
        var id = (long)run["id"]!;
        var charts = await Api.Read(await client.GetAsync($"/runs/{id}/charts"));
        var ids = charts["charts"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Contains("forecast-ceasefire", ids);
        Assert.Contains("bargaining-eum-ceasefire", ids);
        Assert.Equal(7 + 7, ids.Count);
        Assert.Equal("scatter", (string?)charts["charts"]![0]!["option"]!["series"]![0]!["type"]);

        // eum ran exactly 4 rounds: positions for round 0 (the stances) to 4, and the outcome per round.
        var playback = charts["playback"]!.AsArray().Single()!;
        Assert.Equal("eum", (string?)playback["model"]);
        Assert.Equal(4, (int)playback["rounds"]!);
        var issue = playback["issues"]![0]!;
        Assert.Equal(5, issue["positions"]!.AsArray().Count);
        Assert.Equal(4, issue["outcomes"]!.AsArray().Count);
        var forecast = run["result"]!["forecasts"]![1]!["issues"]![0]!["forecast"]!.GetValue<double>();
        Assert.Equal(forecast, issue["forecast"]!.GetValue<double>());

        var whatIf = await Api.Read(await Api.Post(client, "/runs/whatif", new { Models = "compromise", Set = new[] { "usa.sanctions.position=80" } }));
        var refused = await Api.Problem(await client.GetAsync($"/runs/{(long)whatIf["id"]!}/charts"), HttpStatusCode.Conflict);
        Assert.Contains("charts are drawn for completed forecast, montecarlo, sensitivity, influence runs", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/runs/999999/charts")).StatusCode);
    }

    [Theory]
    [InlineData("montecarlo", "{\"draws\": 500}", "uncertainty-")]
    [InlineData("sensitivity", "{\"draws\": 30}", "tornado-")]
    [InlineData("influence", "{\"issues\": [\"sanctions\", \"ceasefire\"]}", "influence-")]
    public async Task Charts_OfAnAnalysisRun_AreItsReportCharts_ReadFromTheStoredResult(string command, string body, string prefix)
    {
        var run = await Api.Read(await Api.PostRaw(client, $"/runs/{command}?mode=wait", body));
        var id = (long)run["id"]!;
        Assert.Equal("completed", (string?)run["status"]);

        var charts = await Api.Read(await client.GetAsync($"/runs/{id}/charts"));

        // One chart per issue of the result, each with the report's title and caption; no playback.
        var result = JsonNode.Parse(await client.GetStringAsync($"/runs/{id}/result"))!;
        var issues = result["issues"]!.AsArray().Select(i => (string)(i!["issue_id"] ?? i["id"])!).ToList();
        var drawn = charts["charts"]!.AsArray().ToList();
        Assert.Equal(issues.Select(i => prefix + i), drawn.Select(c => (string)c!["id"]!));
        Assert.All(drawn, c => Assert.False(string.IsNullOrEmpty((string?)c!["caption"])));
        Assert.Equal("bar", (string?)drawn[0]!["option"]!["series"]![0]!["type"]);
        Assert.Empty(charts["playback"]!.AsArray());
    }
}
