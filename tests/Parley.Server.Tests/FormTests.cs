using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Parley.Server.Tests;

/// <summary>Multipart forms that cannot be read are the client's input: 400 or 413 saying what is wrong, never a 500.</summary>
public sealed class FormTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public FormTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    public static TheoryData<string> Endpoints => ["/scenarios/upload", "/scenarios/alaska-2025/matrix"];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TooManyFormValues_Answer413_SayingTheLimit(string path)
    {
        using var form = new MultipartFormDataContent { { new StringContent("id: x\n"), "file", "x.yaml" } };
        for (var i = 0; i < 70; i++)
        {
            form.Add(new StringContent("x"), $"v{i}");
        }

        var problem = await Api.Problem(await client.PostAsync(path, form), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("more than 64 values", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AFormWithoutBoundary_Answers400_NamingTheBoundary(string path)
    {
        var problem = await Api.Problem(await client.PostAsync(path, Body("garbage", "multipart/form-data")), HttpStatusCode.BadRequest);
        Assert.Contains("no boundary", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ACutShortOrEmptyForm_Answers400_SayingItIsCutShort(string path)
    {
        var truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n\r\nid: x\n";
        var problem = await Api.Problem(await client.PostAsync(path, Body(truncated, "multipart/form-data; boundary=XyZ")), HttpStatusCode.BadRequest);
        Assert.Contains("cut short", (string?)problem["detail"], StringComparison.Ordinal);
        await Api.Problem(await client.PostAsync(path, Body("garbage", "multipart/form-data; boundary=zzz")), HttpStatusCode.BadRequest);
    }

    private static ByteArrayContent Body(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

/// <summary>A run's body is JSON: any other type, or none, is a 415 that says what to send.</summary>
public sealed class MediaTypeTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory factory;
    private readonly HttpClient client;

    public MediaTypeTests(ServerFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("forecast")]
    [InlineData("montecarlo")]
    public async Task ARunBodyWithoutContentType_Is415_AndNothingIsRecorded(string kind)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"models":"nash"}"""));
        var problem = await Api.Problem(await client.PostAsync($"/runs/{kind}", content), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(factory.Store.ListRuns());
    }

    [Fact]
    public async Task ARunBodyOfAnotherType_Is415_SayingWhichTypeToSend()
    {
        var problem = await Api.Problem(await client.PostAsync("/runs/forecast", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("POST /runs/forecast does not take Content-Type 'text/plain; charset=utf-8'; send a run's body as application/json", (string?)problem["detail"]);
    }
}

/// <summary>Path and query values that do not parse get a problem naming the parameter, never a bare 400/404.</summary>
public sealed class ParameterTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public ParameterTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("/runs?limit=abc", "limit: 'abc' is not allowed")]
    [InlineData("/scenarios/alaska-2025/diff?from=x&to=2", "from: 'x' is not allowed")]
    [InlineData("/scenarios/alaska-2025/matrix.csv?version=abc", "version: 'abc' is not allowed")]
    public async Task AQueryValueThatIsNotANumber_Is400NamingIt(string path, string detail)
    {
        var problem = await Api.Problem(await client.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.StartsWith(detail, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/runs/abc")]
    [InlineData("/scenarios/alaska-2025/versions/abc")]
    public async Task APathValueThatIsNotANumber_Is404SayingIdsAreWholeNumbers(string path)
    {
        var problem = await Api.Problem(await client.GetAsync(path), HttpStatusCode.NotFound);
        Assert.Contains("whole numbers", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

/// <summary>JSON bodies that are wrong get messages in the request's terms: the field, what is wrong, what is allowed.</summary>
public sealed class JsonBodyTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public JsonBodyTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("""{"models":"eum","rounds":3000000000}""", "$.rounds: 3000000000 is a whole number out of this field's range")]
    [InlineData("\"x\"", "the body must be a JSON object of the run's fields")]
    [InlineData("[1,2]", "the body must be a JSON object of the run's fields")]
    [InlineData("""{"models":"nash","seed":1,"seed":2}""", "$.seed: the field is given twice; give each field once")]
    public async Task AWrongBody_Is400_SayingWhatIsWrongInTheRequestsTerms(string body, string message)
    {
        var problem = await Api.Problem(await Api.PostRaw(client, "/runs/forecast", body), HttpStatusCode.BadRequest);
        var diagnostic = (string?)problem["diagnostics"]![0]!["message"];
        Assert.StartsWith(message, diagnostic, StringComparison.Ordinal);
        Assert.DoesNotContain("Parley.Server", diagnostic, StringComparison.Ordinal);
    }
}

/// <summary>The events of a run that is not a job of this server follow the store until it ends.</summary>
public sealed class ForeignRunEventsTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory factory;
    private readonly HttpClient client;

    public ForeignRunEventsTests(ServerFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    [Fact]
    public async Task EventsOfAnotherProcesssRun_EndWithItsFinalStatus_NotRunning()
    {
        var text = Parley.Application.BuiltInScenarios.AlaskaText();
        var scenario = Parley.Formats.ScenarioFiles.ReadText(text, "alaska-2025.yaml", null).Scenario!;
        var id = factory.Store.StartRun(new Parley.Storage.RunRequest("montecarlo", [], ["compromise"], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, 0, new Parley.Storage.ScenarioSnapshot(scenario, text, "alaska-2025.yaml", "yaml")));

        var reading = client.GetStringAsync($"/runs/{id}/events");
        await Task.Delay(1500);
        Assert.False(reading.IsCompleted);
        factory.Store.EndRun(id, Parley.Storage.RunStatus.Cancelled, "cancelled elsewhere");

        var events = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("event: cancelled", events.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("event: running", events, StringComparison.Ordinal);
    }
}

/// <summary>HEAD works wherever GET does.</summary>
public sealed class HeadTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public HeadTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/models")]
    [InlineData("/")]
    public async Task Head_AnswersAsGet_WithoutABody(string path)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((await client.GetAsync(path)).Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary><c>POST /scenarios/check</c> takes what <c>POST /scenarios</c> takes, and checks the proposal that would be saved.</summary>
public sealed class CheckTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public CheckTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("small-deu.tsv", "text/tab-separated-values")]
    [InlineData("small-ktab.xml", "application/xml")]
    public async Task Check_TakesTheTypesTheSaveTakes(string sample, string contentType)
    {
        var text = File.ReadAllText(Repository.PathOf($"tests/Parley.Formats.Tests/Samples/{sample}"));
        var response = await client.PostAsync($"/scenarios/check?file_name={sample}", new StringContent(text, Encoding.UTF8, contentType));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Check_OfADeuProposal_SummarisesThatProposal_AndRefusesAnUnknownOne()
    {
        var text = File.ReadAllText(Repository.PathOf("tests/Parley.Formats.Tests/Samples/small-deu.tsv"));
        var proposal = Parley.Formats.Deu.DeuReader.ReadDataset(text, "small-deu.tsv").Proposals[0];
        var whole = await Api.Read(await client.PostAsync("/scenarios/check?file_name=small-deu.tsv&format=deu", new StringContent(text, Encoding.UTF8, "text/plain")));
        var one = await Api.Read(await client.PostAsync($"/scenarios/check?file_name=small-deu.tsv&format=deu&proposal={proposal.Id}", new StringContent(text, Encoding.UTF8, "text/plain")));
        Assert.Equal(Parley.Application.ValidationSummary.For("small-deu.tsv", proposal.Scenario), (string?)one["summary"]);
        Assert.NotEqual((string?)whole["summary"], (string?)one["summary"]);

        await Api.Problem(await client.PostAsync("/scenarios/check?file_name=small-deu.tsv&format=deu&proposal=nosuch", new StringContent(text, Encoding.UTF8, "text/plain")), HttpStatusCode.BadRequest);
    }
}

/// <summary>The OpenAPI document describes the bodies as the server reads them.</summary>
public sealed class OpenApiNumberTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public OpenApiNumberTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Theory]
    [InlineData("rounds")]
    [InlineData("seed")]
    [InlineData("draws")]
    [InlineData("tolerance")]
    public async Task RunBodyNumbers_AreNumbersOnly_AsTheServerReadsThem(string field)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schema = document["components"]!["schemas"]!["RunBody"]!["properties"]![field]!;
        Assert.DoesNotContain("string", schema.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(schema["pattern"]);
    }
}

/// <summary>A whole-scenario .xlsx workbook can be uploaded as a scenario, as the CLI reads one.</summary>
public sealed class WorkbookUploadTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public WorkbookUploadTests(ServerFactory factory)
    {
        client = factory.CreateClient();
    }

    [Fact]
    public async Task AnXlsxUpload_IsSavedAsTheScenarioItHolds()
    {
        var text = File.ReadAllText(Repository.PathOf("tests/Parley.Formats.Tests/Samples/small.yaml"));
        var scenario = Parley.Formats.ScenarioFiles.ReadText(text, "small.yaml", null).Scenario!;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Parley.Formats.Sheets.SpreadsheetFiles.ToXlsx(scenario)), "file", "small.xlsx" } };

        var response = await client.PostAsync("/scenarios/upload", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var saved = await Api.Read(response);
        Assert.Equal(scenario.Id, (string?)saved["name"]);
        Assert.Equal("yaml", (string?)saved["format"]);
    }
}
