using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Parley.Application;
using Parley.Formats.Native;
using Parley.Formats.Sheets;

namespace Parley.Server.Tests;

/// <summary>The stance matrix routes: export as .xlsx and CSV, import from either, bad cells as located problems.</summary>
public sealed class MatrixTests
{
    private const string Token = "a-test-token-of-enough-length";

    private static async Task<(ServerFactory Factory, HttpClient Client)> WithAlaska(ServerOptions? options = null)
    {
        var factory = new ServerFactory(options ?? new ServerOptions());
        var client = factory.CreateClient();
        var saved = await client.PostAsync("/scenarios", new StringContent(BuiltInScenarios.AlaskaText(), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        return (factory, client);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : SpreadsheetFiles.XlsxMediaType);
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    [Fact]
    public async Task ExportXlsx_ThenImportIt_GivesTheSameScenario_AndNoNewVersion()
    {
        var (factory, client) = await WithAlaska();
        using var _ = factory;

        var response = await client.GetAsync("/scenarios/alaska-2025/matrix.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpreadsheetFiles.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var read = SpreadsheetFiles.ReadWorkbook(bytes, "m.xlsx");
        Assert.True(read.Succeeded);
        Assert.Equal(NativeScenarioWriter.ToYaml(BuiltInScenarios.Alaska()), NativeScenarioWriter.ToYaml(read.Scenario!));

        using var form = Form(bytes, "alaska.xlsx");
        var imported = await client.PostAsync("/scenarios/alaska-2025/matrix", form);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(false, (bool?)(await Api.Read(imported))["created"]);
    }

    [Fact]
    public async Task ImportCsv_ChangingOnePosition_SavesANewVersionWithOnlyThatChange()
    {
        var (factory, client) = await WithAlaska();
        using var _ = factory;
        var csv = await client.GetStringAsync("/scenarios/alaska-2025/matrix.csv?version=1");
        var lines = csv.Split('\n');
        var usaSanctions = Array.FindIndex(lines, l => l.StartsWith("usa,", StringComparison.Ordinal) && l.Contains(",sanctions,", StringComparison.Ordinal));
        var fields = lines[usaSanctions].Split(',');
        var positionColumn = Array.IndexOf(SheetLayoutColumns, "position");
        fields[positionColumn] = "62.5";
        lines[usaSanctions] = string.Join(',', fields);

        using var form = Form(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "alaska.csv");
        var imported = await client.PostAsync("/scenarios/alaska-2025/matrix", form);

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(2, (int?)(await Api.Read(imported))["version"]);
        var diff = await client.GetFromJsonAsync<JsonNode>("/scenarios/alaska-2025/diff?from=1&to=2");
        var change = Assert.Single(diff!["changes"]!.AsArray());
        Assert.Contains("62.5", change!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(62.5, factory.Store.FindVersion("alaska-2025")!.ToScenario().FindStance("usa", "sanctions")!.Position);
    }

    [Fact]
    public async Task ImportWithBadCells_Gets400_WithEveryCellLocated_AndSavesNothing()
    {
        var (factory, client) = await WithAlaska();
        using var _ = factory;
        var sheets = new Dictionary<string, object>
        {
            ["Stances"] = new List<Dictionary<string, object?>>
            {
                new() { ["A"] = "actor", ["B"] = "issue", ["C"] = "position", ["D"] = "salience" },
                new() { ["A"] = "usa", ["B"] = "sanctions", ["C"] = 55.0, ["D"] = 1.4 },
                new() { ["A"] = "chn", ["B"] = "sanctions", ["C"] = 10.0, ["D"] = 0.5 },
                new() { ["A"] = "rus", ["B"] = "sanctions", ["C"] = "lots", ["D"] = 0.5 },
            },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false);

        using var form = Form(stream.ToArray(), "matrix.xlsx");
        var problem = await Api.Problem(await client.PostAsync("/scenarios/alaska-2025/matrix", form), HttpStatusCode.BadRequest);

        var diagnostics = problem["diagnostics"]!.AsArray().Select(d => d!).ToList();
        Assert.True(diagnostics.Count >= 3, problem.ToJsonString());
        Assert.True(diagnostics.Any(d => (string?)d["sheet"] == "Stances" && (string?)d["cell"] == "D2" && (int?)d["line"] == 2 && (int?)d["column"] == 4
            && ((string?)d["message"])!.Contains("salience 1.4", StringComparison.Ordinal)), problem.ToJsonString());
        Assert.Contains(diagnostics, d => (string?)d["cell"] == "C4" && ((string?)d["message"])!.Contains("'lots' is not a number", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => (string?)d["cell"] == "A3" && ((string?)d["message"])!.Contains("unknown actor 'chn'", StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal("matrix.xlsx", (string?)d["file"]));
        Assert.Single(factory.Store.History("alaska-2025"));
    }

    [Fact]
    public async Task Routes_AnswerUnknownScenariosAndVersionsWith404_AndAreInTheOpenApiDocument()
    {
        var (factory, client) = await WithAlaska();
        using var _ = factory;

        await Api.Problem(await client.GetAsync("/scenarios/nothing/matrix.xlsx"), HttpStatusCode.NotFound);
        await Api.Problem(await client.GetAsync("/scenarios/alaska-2025/matrix.csv?version=9"), HttpStatusCode.NotFound);
        using var form = Form("actor,issue,position,salience\n"u8.ToArray(), "m.csv");
        await Api.Problem(await client.PostAsync("/scenarios/nothing/matrix", form), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/scenarios/alaska-2025/matrix", new StringContent("x"))).StatusCode);

        var document = await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json");
        Assert.NotNull(document!["paths"]!["/scenarios/{name}/matrix.xlsx"]);
        Assert.NotNull(document["paths"]!["/scenarios/{name}/matrix.csv"]);
        Assert.NotNull(document["paths"]!["/scenarios/{name}/matrix"]!["post"]);
    }

    [Fact]
    public async Task Routes_KeepTheTokenAndBodyLimits()
    {
        using var factory = new ServerFactory(new ServerOptions { MaxRequestBodyBytes = 4096 });
        var client = factory.CreateClient();
        using var big = Form(new byte[5000], "big.xlsx");
        await Api.Problem(await client.PostAsync("/scenarios/alaska-2025/matrix", big), HttpStatusCode.RequestEntityTooLarge);

        using var guarded = new ServerFactory(new ServerOptions { Token = Token });
        var anonymous = guarded.CreateClient();
        await Api.Problem(await anonymous.GetAsync("/scenarios/alaska-2025/matrix.xlsx"), HttpStatusCode.Unauthorized);
        using var form = Form("actor,issue,position,salience\n"u8.ToArray(), "m.csv");
        await Api.Problem(await anonymous.PostAsync("/scenarios/alaska-2025/matrix", form), HttpStatusCode.Unauthorized);
    }

    private static readonly string[] SheetLayoutColumns =
    [
        "actor", "actor_name", "capability", "issue", "issue_name", "min", "max", "status_quo",
        "position", "salience", "stance_capability", "position_low", "position_high", "position_sd", "salience_low", "salience_high", "salience_sd",
    ];
}
