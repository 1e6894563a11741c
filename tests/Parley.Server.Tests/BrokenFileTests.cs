using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Application;
using Parley.Formats.Tests.Native;

namespace Parley.Server.Tests;

/// <summary>
/// Every broken file of the readers' own tables (and the fuzzing campaigns' saved inputs) sent
/// through the API: a 400 with the same located diagnostics the readers give, never a 500.
/// </summary>
public sealed class BrokenFileTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient client;

    public BrokenFileTests(ServerFactory factory) => client = factory.CreateClient();

    public static TheoryData<string, string, string> NativeCases() => BrokenNativeFileTests.Cases();

    public static TheoryData<string, string> DraftCases() => DraftStanceTests.BrokenDrafts();

    public static TheoryData<string, string> FuzzInputs()
    {
        var data = new TheoryData<string, string>();
        var root = Repository.PathOf("tests/Parley.Formats.Tests/FuzzRegressions");
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NativeCases))]
    public async Task NativeBrokenFile_Gets400_WithTheReadersLocatedDiagnostic(string name, string text, string expected)
    {
        Assert.NotEmpty(name);
        foreach (var response in await SendEverywhere(text, "f.yaml"))
        {
            var problem = await Api.Problem(response, HttpStatusCode.BadRequest);
            Assert.Contains(expected, Located(problem));
        }
    }

    [Theory]
    [MemberData(nameof(DraftCases))]
    public async Task BrokenDraft_Gets400_WithTheReadersLocatedDiagnostic(string text, string expected)
    {
        foreach (var response in await SendEverywhere(text, "d.yaml"))
        {
            var problem = await Api.Problem(response, HttpStatusCode.BadRequest);
            Assert.Contains(expected, Located(problem));
        }
    }

    [Theory]
    [MemberData(nameof(FuzzInputs))]
    public async Task FuzzingInput_GetsAScenarioOrA400_NeverA500(string target, string file)
    {
        var bytes = File.ReadAllBytes(Repository.PathOf(Path.Combine("tests/Parley.Formats.Tests/FuzzRegressions", file)));
        var text = Encoding.UTF8.GetString(bytes);
        var responses = target == "overlay"
            ? [await Api.Post(client, "/runs/whatif", new { Models = "compromise", Overlay = text })]
            : await SendEverywhere(text, $"fuzz.{target}");
        foreach (var response in responses)
        {
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await Api.Problem(response, HttpStatusCode.BadRequest);
                Assert.True(problem["diagnostics"]!.AsArray().Count + problem["errors"]!.AsArray().Count > 0);
            }
        }
    }

    [Fact]
    public async Task Latin1File_Gets400_LocatedAtTheByteThatIsNotUtf8()
    {
        // QA issue 1: the body was decoded with U+FFFD for the byte, and stored so.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(BuiltInScenarios.AlaskaText()[..40]), 0xE9, .. "\n"u8];
        var (line, column) = (1 + bytes[..40].Count(b => b == (byte)'\n'), 40 - Array.LastIndexOf(bytes, (byte)'\n', 39));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "latin1.yaml" } };
        HttpResponseMessage[] responses =
        [
            await client.PostAsync("/scenarios?file_name=latin1.yaml", new ByteArrayContent(bytes)),
            await client.PostAsync("/scenarios/upload", upload),
            await client.PostAsync("/scenarios/check?file_name=latin1.yaml", new ByteArrayContent(bytes)),
        ];

        foreach (var response in responses)
        {
            var problem = await Api.Problem(response, HttpStatusCode.BadRequest);
            Assert.StartsWith($"latin1.yaml:{line}:{column}: the file is not UTF-8 here: byte 0xE9 ('é' in Latin-1 or Windows-1252)", Assert.Single(Located(problem)), StringComparison.Ordinal);
        }
    }

    /// <summary>The file as a scenario to save (body and upload) and as a forecast's scenario.</summary>
    private async Task<HttpResponseMessage[]> SendEverywhere(string text, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "file", fileName } };
        return
        [
            await client.PostAsync($"/scenarios?file_name={fileName}", new StringContent(text, Encoding.UTF8, "application/yaml")),
            await client.PostAsync("/scenarios/upload", form),
            await Api.Post(client, "/runs/forecast", new { Scenario = new { Content = text, FileName = fileName } }),
        ];
    }

    /// <summary>The problem's diagnostics as <c>file:line:column: message</c>, and its errors.</summary>
    private static List<string> Located(JsonNode problem) =>
    [
        .. problem["diagnostics"]!.AsArray().Select(d => $"{(string?)d!["file"]}:{(int)d["line"]!}:{(int)d["column"]!}: {(string?)d["message"]}"),
        .. problem["errors"]!.AsArray().Select(e => (string?)e ?? ""),
    ];
}
