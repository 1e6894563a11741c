using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Parley.Application;
using Parley.Formats.Deu;
using Parley.Reports;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>The HTTP API through WebApplicationFactory: scenarios, runs, jobs, results and errors.</summary>
public sealed class ApiTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory factory;
    private readonly HttpClient client;

    public ApiTests(ServerFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    private static string Alaska => BuiltInScenarios.AlaskaText();

    [Fact]
    public async Task Forecast_AnswersInTheRequest_WithTheSameDocumentAsTheApplicationLayer()
    {
        var response = await Api.Post(client, "/runs/forecast", new { Models = "compromise,nash", Seed = 3 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Api.Read(response);
        var id = (long)body["id"]!;
        Assert.Equal($"/runs/{id}", response.Headers.Location?.ToString());
        Assert.Equal("completed", (string?)body["status"]);
        var expected = ParleyApplication.Forecast(new ForecastRequest { Models = new ModelRequest { Models = "compromise,nash", Seed = 3, Trace = true } }).Value!;
        var document = ForecastDocument.ToJson(expected.Scenario, expected.Results);
        Assert.Equal(document, await client.GetStringAsync($"/runs/{id}/result"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document), body["result"]));
        var stored = factory.Store.FindRun(id)!;
        Assert.Equal(Storage.RunStatus.Completed, stored.Summary.Status);
        Assert.Equal(["--model", "compromise,nash", "--seed", "3"], stored.Arguments.ToArray());
    }

    [Fact]
    public async Task Stages_WhatIf_Influence_Backtest_AllRunAndAreStored()
    {
        var stages = await Api.Read(await Api.Post(client, "/runs/stages", new { Models = "compromise" }));
        Assert.Equal(3, stages["result"]!["forecasts"]![0]!["stages"]!.AsArray().Count);

        var whatIf = await Api.Post(client, "/runs/whatif", new { Models = "compromise", Set = new[] { "usa.sanctions.position=80" } });
        Assert.Equal(HttpStatusCode.Created, whatIf.StatusCode);

        var influence = await Api.Post(client, "/runs/influence", new { Models = "compromise", Issues = new[] { "sanctions" }, Search = false });
        Assert.Equal(HttpStatusCode.Accepted, influence.StatusCode);
        var influenceRun = await Api.WaitForEnd(client, (long)(await Api.Read(influence))["id"]!);
        Assert.Equal("completed", (string?)influenceRun["status"]);

        var deu = File.ReadAllText(Repository.PathOf("tests/Parley.Formats.Tests/Samples/small-deu.tsv"));
        var backtest = await Api.Post(client, "/runs/backtest?mode=wait", new { Scenario = new { Content = deu, FileName = "small-deu.tsv" }, Models = "compromise,median" });
        var backtestBody = await response(backtest, HttpStatusCode.Created);
        Assert.NotNull(backtestBody["result"]!["modes"]![0]!["models"]);

        static async Task<JsonNode> response(HttpResponseMessage message, HttpStatusCode status)
        {
            Assert.True(message.StatusCode == status, await message.Content.ReadAsStringAsync());
            return await Api.Read(message);
        }
    }

    [Fact]
    public async Task MonteCarloJob_ReportsProgressByServerSentEvents_ThenCompletes()
    {
        var started = await Api.Post(client, "/runs/montecarlo", new { Draws = 200_000, Seed = 7 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (long)(await Api.Read(started))["id"]!;

        using var events = await client.GetAsync($"/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        var text = await events.Content.ReadAsStringAsync();

        Assert.Contains("event: progress", text, StringComparison.Ordinal);
        Assert.Contains("\"total\":200000", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.Contains("event: completed", text, StringComparison.Ordinal);
        var result = await client.GetStringAsync($"/runs/{id}/result");
        Assert.Contains("\"draws\": 200000", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfluenceJob_ProgressCarriesItsPhase_CoalitionRunsThenSearches()
    {
        var started = await Api.Post(client, "/runs/influence", new { Models = "compromise", Issues = new[] { "sanctions" } });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (long)(await Api.Read(started))["id"]!;

        using var events = await client.GetAsync($"/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var text = await events.Content.ReadAsStringAsync();
        Assert.Contains("event: completed", text, StringComparison.Ordinal);

        // Every progress event counts the one issue; a phase, when one is at work, is coalition runs (2^5 players'
        // coalitions) before searches (three inputs of each player's stance), and the last event, sent after the
        // end, shows the searches all done.
        var progress = ProgressEvents(text);
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal(1, (long)p["total"]!));
        var phases = progress.Select(p => p["phase"]).OfType<JsonNode>().ToList();
        Assert.All(phases, p => Assert.Equal((string?)p["unit"] == "coalition runs" ? 32 : 15, (long)p["total"]!));
        var units = phases.Select(p => (string?)p["unit"]).Distinct().ToList();
        Assert.Equal(units.Contains("coalition runs") ? ["coalition runs", "searches"] : ["searches"], units);
        var last = progress[^1]["phase"]!;
        Assert.Equal("searches", (string?)last["unit"]);
        Assert.Equal((long)last["total"]!, (long)last["done"]!);

        Assert.Null((await Api.WaitForEnd(client, id))["progress"]);
    }

    [Fact]
    public async Task ReportJob_ProgressNamesItsPartAtWork_InTheReportsOrder()
    {
        var started = await Api.Post(client, "/runs/report", new { Models = "compromise", Draws = 200, Seed = 3 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (long)(await Api.Read(started))["id"]!;

        using var events = await client.GetAsync($"/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var text = await events.Content.ReadAsStringAsync();
        Assert.Contains("event: completed", text, StringComparison.Ordinal);

        // The stream samples the job, so a short part may be skipped, but the parts it shows come in the report's
        // order, and the last event, sent after the end, shows the last part, the track record, all done.
        string[] order = ["models run", "draws", "sensitivity runs", "coalition runs", "draws scored"];
        var progress = ProgressEvents(text);
        var units = progress.Select(p => (string?)p["phase"]?["unit"]).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Contains(u, order));
        Assert.Equal(units.OrderBy(u => Array.IndexOf(order, u)), units);
        var last = progress[^1];
        Assert.Equal((long)last["total"]!, (long)last["done"]!);
        Assert.Equal("draws scored", (string?)last["phase"]!["unit"]);
        Assert.Equal((long)last["phase"]!["total"]!, (long)last["phase"]!["done"]!);
    }

    [Fact]
    public async Task Influence_Inputs_SearchesOnlyThose_AsTheCliDoes_AndABadOneIs400()
    {
        var run = await Api.Read(await Api.Post(client, "/runs/influence?mode=wait", new { Models = "compromise", Issues = new[] { "sanctions" }, Inputs = new[] { "salience" } }));
        Assert.Equal("completed", (string?)run["status"]);
        Assert.Equal(["salience"], run["result"]!["search_inputs"]!.AsArray().Select(i => (string?)i));
        Assert.All(run["result"]!["issues"]![0]!["actors"]!.AsArray().SelectMany(a => a!["changes"]!.AsArray()), c => Assert.Equal("salience", (string?)c!["input"]));
        var stored = factory.Store.FindRun((long)run["id"]!)!;
        Assert.Equal("salience", stored.Options["inputs"]);
        Assert.Contains("--inputs", stored.Arguments);

        var problem = await Api.Problem(await Api.Post(client, "/runs/influence", new { Inputs = new[] { "weight" } }), HttpStatusCode.BadRequest);
        Assert.Contains("--inputs 'weight' is not an input; use position, salience, capability", (string?)problem["detail"], StringComparison.Ordinal);
    }

    /// <summary>The data of every <c>event: progress</c> in a server-sent event stream, in order.</summary>
    private static List<JsonNode> ProgressEvents(string stream) =>
        [.. stream.Split("\n\n").Select(e => e.Split('\n'))
            .Where(lines => lines[0] == "event: progress")
            .Select(lines => JsonNode.Parse(lines[1]["data: ".Length..])!)];

    [Fact]
    public async Task EventsOfAJobThatHasEnded_GiveItsLastProgress_ThenItsStatus()
    {
        var started = await Api.Post(client, "/runs/montecarlo", new { Draws = 2_000, Seed = 7 });
        var id = (long)(await Api.Read(started))["id"]!;
        Assert.Equal("completed", (string?)(await Api.WaitForEnd(client, id))["status"]);

        var text = await client.GetStringAsync($"/runs/{id}/events");

        var progress = text.IndexOf("event: progress", StringComparison.Ordinal);
        var completed = text.IndexOf("event: completed", StringComparison.Ordinal);
        Assert.True(progress >= 0 && completed > progress, text);
        Assert.Contains("\"done\":2000,\"total\":2000", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task Job_IsCancelled_AndRecordedCancelled(string method)
    {
        var started = await Api.Post(client, "/runs/montecarlo", new { Draws = 500_000_000, Models = "smp" });
        var id = (long)(await Api.Read(started))["id"]!;
        await Task.Delay(300);

        var cancel = method == "DELETE" ? await client.DeleteAsync($"/runs/{id}") : await client.PostAsync($"/runs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await Api.WaitForEnd(client, id);
        Assert.Equal("cancelled", (string?)run["status"]);
        Assert.Contains("cancelled on request (DELETE /runs/", (string?)run["error"], StringComparison.Ordinal);
        await Api.Problem(await client.GetAsync($"/runs/{id}/result"), HttpStatusCode.Conflict);
        await Api.Problem(await client.DeleteAsync($"/runs/{id}"), HttpStatusCode.Conflict);
    }

    /// <summary>
    /// A job's end is written to the store just before the service drops the job, and a cancel that came in
    /// between was accepted (202) for a run already cancelled. The test holds that moment open: it ends the run
    /// in the store while its job still works.
    /// </summary>
    [Fact]
    public async Task Cancel_OfARunTheStoreHoldsAsEnded_Is409_EvenWhileItsJobIsStillThere()
    {
        var started = await Api.Post(client, "/runs/montecarlo", new { Draws = 500_000_000, Models = "smp" });
        var id = (long)(await Api.Read(started))["id"]!;
        var job = factory.Services.GetRequiredService<RunService>().FindJob(id);
        Assert.NotNull(job);
        try
        {
            factory.Store.EndRun(id, RunStatus.Cancelled, "ended by the test while its job works");

            await Api.Problem(await client.DeleteAsync($"/runs/{id}"), HttpStatusCode.Conflict);
            await Api.Problem(await client.PostAsync($"/runs/{id}/cancel", null), HttpStatusCode.Conflict);
            Assert.False(job.Cancellation.IsCancellationRequested, "the API cancelled the job of a run that had ended");
        }
        finally
        {
            job.Cancel("the test is done");
            await job.Completion;
        }
    }

    [Fact]
    public async Task ReportRun_GivesTheHtmlReport()
    {
        var started = await Api.Post(client, "/runs/report", new { Models = "compromise,nash" });
        var id = (long)(await Api.Read(started))["id"]!;
        Assert.Equal("completed", (string?)(await Api.WaitForEnd(client, id))["status"]);

        var report = await client.GetAsync($"/runs/{id}/report");

        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        var html = await report.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("US-Russia summit in Alaska", html, StringComparison.Ordinal);
        var forecast = (long)(await Api.Read(await Api.Post(client, "/runs/forecast", new { Models = "median" })))["id"]!;
        await Api.Problem(await client.GetAsync($"/runs/{forecast}/report"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Scenarios_AreVersioned_Listed_AndDiffed()
    {
        var yaml = Alaska.Replace("id: alaska-2025", "id: api-versions", StringComparison.Ordinal);
        var first = await client.PostAsync("/scenarios?message=first", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await client.PostAsync("/scenarios", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((bool)(await Api.Read(again))["created"]!);

        var changed = Replace(yaml, "usa", "ceasefire", "position: 80", "position: 70");
        var second = await Api.Read(await client.PostAsync("/scenarios", new StringContent(changed, Encoding.UTF8, "application/yaml")));
        Assert.Equal(2, (int)second["version"]!);
        Assert.Equal(1, (int)second["parent"]!);

        var versions = (await client.GetFromJsonAsync<JsonArray>("/scenarios/api-versions/versions"))!;
        Assert.Equal(2, versions.Count);
        var version1 = (await client.GetFromJsonAsync<JsonNode>("/scenarios/api-versions/versions/1"))!;
        Assert.Equal(yaml, (string?)version1["content"]);
        var diff = (await client.GetFromJsonAsync<JsonNode>("/scenarios/api-versions/diff?from=1&to=2"))!;
        var change = Assert.Single(diff["changes"]!.AsArray());
        Assert.Equal("position", (string?)change!["field"]);
        Assert.Equal("80", (string?)change["before"]);
        Assert.Equal("70", (string?)change["after"]);
        Assert.Contains((await client.GetFromJsonAsync<JsonArray>("/scenarios"))!, s => (string?)s!["name"] == "api-versions");

        // A run of a stored version records that version.
        var run = await Api.Read(await Api.Post(client, "/runs/forecast", new { Scenario = new { Ref = "api-versions@1" }, Models = "compromise" }));
        Assert.Equal("api-versions@1", (string?)run["scenario"]);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonArray>("/scenarios/api-versions/versions"))!.Count);
    }

    [Theory]
    [InlineData("small.yaml", null)]
    [InlineData("small-ktab.csv", null)]
    [InlineData("small-ktab.xml", null)]
    [InlineData("small-decide.csv", "decide")]
    [InlineData("small-bdm.csv", "bdm")]
    [InlineData("small-deu.tsv", null)]
    public async Task Upload_TakesEverySupportedFormat(string file, string? format)
    {
        var text = File.ReadAllText(Repository.PathOf($"tests/Parley.Formats.Tests/Samples/{file}"));
        using var form = new MultipartFormDataContent { { new StringContent(text), "file", file } };
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }

        if (file.EndsWith(".tsv", StringComparison.Ordinal))
        {
            form.Add(new StringContent(DeuReader.ReadDataset(text, file).Proposals[0].Id), "proposal");
        }

        var response = await client.PostAsync("/scenarios/upload", form);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var version = await Api.Read(response);
        Assert.Equal(file, (string?)version["file_name"]);
        Assert.Equal(text, (string?)(await client.GetFromJsonAsync<JsonNode>((string)version["link"]!))!["content"]);
    }

    [Fact]
    public async Task AScenarioNamedWithASlash_IsReachedThroughTheLinksTheApiGives()
    {
        // A KTAB title such as "China Policy/Competitive" names its scenario; the links escape the '/' as %2F.
        var response = await client.PostAsync("/scenarios?file_name=policy.yaml", new StringContent(Alaska.Replace("id: alaska-2025", "id: policy/competitive", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/yaml"));
        var version = await Api.Read(response);
        var link = (string)version["link"]!;

        Assert.Equal("/scenarios/policy%2Fcompetitive/versions/1", link);
        Assert.Equal("policy/competitive", (string?)(await client.GetFromJsonAsync<JsonNode>(link))!["name"]);
        foreach (var path in new[] { "/scenarios/policy%2Fcompetitive", "/scenarios/policy%2Fcompetitive/versions", "/scenarios/policy%2fcompetitive/matrix.csv" })
        {
            var answer = await client.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Upload_NeverUsesTheFileNameAsAPath()
    {
        using var form = new MultipartFormDataContent { { new StringContent(Alaska.Replace("id: alaska-2025", "id: path-test", StringComparison.Ordinal)), "file", "../../etc/passwd.yaml" } };

        var version = await Api.Read(await client.PostAsync("/scenarios/upload", form));

        Assert.Equal("passwd.yaml", (string?)version["file_name"]);
    }

    [Fact]
    public async Task Errors_AreProblemDetails()
    {
        await Api.Problem(await Api.Post(client, "/runs/oracle", new { }), HttpStatusCode.NotFound);
        await Api.Problem(await client.GetAsync("/nothing/here"), HttpStatusCode.NotFound);
        await Api.Problem(await client.GetAsync("/runs/999999"), HttpStatusCode.NotFound);
        await Api.Problem(await Api.Post(client, "/runs/forecast", new { Scenario = new { Ref = "no-such-scenario" } }), HttpStatusCode.NotFound);

        var typo = await Api.Problem(await Api.PostRaw(client, "/runs/forecast", "{\n  \"modles\": \"nash\"\n}"), HttpStatusCode.BadRequest);
        var located = Assert.Single(typo["diagnostics"]!.AsArray())!;
        Assert.Equal("request body", (string?)located["file"]);
        Assert.Equal(2, (int)located["line"]!);
        Assert.Contains("$.modles: unknown field", (string?)located["message"], StringComparison.Ordinal);

        var parameter = await Api.Problem(await Api.Post(client, "/runs/forecast", new { Models = "nash", Parameters = new { utilty = "quadratic" } }), HttpStatusCode.BadRequest);
        Assert.Contains("did you mean 'utility'?", (string?)parameter["errors"]![0], StringComparison.Ordinal);

        var field = await Api.Problem(await Api.Post(client, "/runs/forecast", new { Draws = 10 }), HttpStatusCode.BadRequest);
        Assert.Contains("'draws' is not an option of forecast", (string?)field["errors"]![0], StringComparison.Ordinal);

        var rounds = await Api.Problem(await Api.Post(client, "/runs/forecast", new { Models = "eum", Rounds = 0 }), HttpStatusCode.BadRequest);
        Assert.Contains("--rounds", (string?)rounds["errors"]![0], StringComparison.Ordinal);

        // A negative seed is a whole number, only not one from 0 (the unsigned type's name also holds "Int64").
        var seed = await Api.Problem(await Api.PostRaw(client, "/runs/forecast", "{\"seed\": -1}"), HttpStatusCode.BadRequest);
        Assert.Contains("$.seed: the value is not a whole number from 0", (string?)seed["diagnostics"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_AndTheOpenApiDocument_ComeFromTheOptionDescriptions()
    {
        var models = (await client.GetFromJsonAsync<JsonNode>("/models/nash"))!;
        Assert.Equal("utility", (string?)models["models"]![0]!["options"]![0]!["name"]);

        var document = (await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var nash = schemas["ModelOptions.nash"]!["properties"]!["utility"]!;
        Assert.Equal(["linear", "quadratic"], nash["enum"]!.AsArray().Select(v => (string?)v));
        var exchange = schemas["ModelOptions.exchange"]!["properties"]!;
        Assert.NotNull(exchange["rounds"]);
        Assert.Equal("0", exchange["rex-p"]!["minimum"]!.ToString());
        Assert.NotNull(document["paths"]!["/runs/{kind}"]);
        Assert.NotNull(document["paths"]!["/scenarios/upload"]);
    }

    [Fact]
    public async Task DocsPage_IsServedWithItsOwnAssets_NoCdn()
    {
        var page = await client.GetStringAsync("/docs/index.html");
        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", page, StringComparison.Ordinal);
        var bundle = await client.GetAsync("/docs/swagger-ui-bundle.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("/openapi/v1.json", await client.GetStringAsync("/docs/index.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_IsClosedByDefault()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal));
    }

    private static string Replace(string yaml, string actor, string issue, string find, string replace)
    {
        var marker = $"- actor: {actor}\n    issue: {issue}\n";
        var start = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "stance not found");
        var at = yaml.IndexOf(find, start, StringComparison.Ordinal);
        return yaml[..at] + replace + yaml[(at + find.Length)..];
    }
}
