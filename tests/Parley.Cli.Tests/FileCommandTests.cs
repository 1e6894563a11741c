namespace Parley.Cli.Tests;

public sealed class FileCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string AlaskaFile() => Write("alaska.yaml", BuiltInScenarios.AlaskaText());

    [Fact]
    public void Validate_ValidAndBrokenFiles_ExitsTwoAndLocatesTheProblem()
    {
        var good = AlaskaFile();
        var bad = Write("bad.yaml", BuiltInScenarios.AlaskaText().Replace("position: 100\n    salience: 0.9\n", "position: 180\n    salience: 0.9\n", StringComparison.Ordinal));

        var (exitCode, output, error) = CliRunner.Run("validate", good, bad);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{good}: valid (15 actors, 7 issues, 35 stances, 3 stages)", output, StringComparison.Ordinal);
        Assert.Matches(@"bad\.yaml:\d+:15: stance of 'ukr' on 'guarantees': position 180 is outside the issue's scale; it must be from 0 to 100", error);
        Assert.Contains("1 problem found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ToInAnyCase_IsTheFormat()
    {
        var (exitCode, output, error) = CliRunner.Run("convert", AlaskaFile(), "--to", "JSON");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllValid_ExitsZero()
    {
        Assert.Equal(0, CliRunner.Run("validate", AlaskaFile()).ExitCode);
    }

    [Fact]
    public void Convert_ToJsonAndBack_GivesTheSameYaml()
    {
        var source = AlaskaFile();
        var json = Path.Combine(folder, "alaska.json");
        Assert.Equal(0, CliRunner.Run("convert", source, "--to", "json", "-o", json).ExitCode);

        var fromYaml = CliRunner.Run("convert", source, "--to", "yaml");
        var fromJson = CliRunner.Run("convert", json, "--to", "yaml");

        Assert.Equal(0, fromJson.ExitCode);
        Assert.Equal(fromYaml.Output, fromJson.Output);
        Assert.Equal(CliRunner.Run("forecast", source, "--json").Output, CliRunner.Run("forecast", json, "--json").Output);
    }

    [Fact]
    public void Convert_ToXlsxAndCsv_ReadsBackAndForecastsTheSame()
    {
        var source = AlaskaFile();
        var xlsx = Path.Combine(folder, "alaska.xlsx");
        var csv = Path.Combine(folder, "alaska.csv");
        Assert.Equal(0, CliRunner.Run("convert", source, "--to", "xlsx", "-o", xlsx).ExitCode);
        Assert.Equal(0, CliRunner.Run("convert", source, "--to", "csv", "-o", csv).ExitCode);

        Assert.Equal(CliRunner.Run("convert", source, "--to", "yaml").Output, CliRunner.Run("convert", xlsx, "--to", "yaml").Output);
        Assert.Equal(CliRunner.Run("forecast", source, "--model", "compromise,nash", "--json").Output.Replace("alaska.yaml", "x", StringComparison.Ordinal),
            CliRunner.Run("forecast", xlsx, "--model", "compromise,nash", "--json").Output.Replace("alaska.xlsx", "x", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("validate", csv).ExitCode);
        Assert.Equal(2, CliRunner.Run("convert", source, "--to", "xlsx").ExitCode);
        Assert.Empty(Directory.GetFiles(folder, ".parley-*"));
    }

    [Fact]
    public void Convert_BadCell_ExitsTwoWithTheCellAndNoStackTrace()
    {
        var xlsx = Path.Combine(folder, "bad.xlsx");
        var scenario = BuiltInScenarios.Alaska();
        var broken = scenario with { Stances = [.. scenario.Stances.Select((s, i) => i == 0 ? s with { Salience = 0.5, SalienceRange = null } : s)] };
        File.WriteAllBytes(xlsx, Parley.Formats.Sheets.SpreadsheetFiles.ToXlsx(broken));
        var text = File.ReadAllBytes(xlsx);
        Assert.Equal(0, CliRunner.Run("validate", xlsx).ExitCode);

        var (exitCode, _, error) = CliRunner.Run("convert", Write("bad-type.xlsx", "not a workbook"), "--to", "yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("bad-type.xlsx:1:1: the file is named .xlsx but is not an .xlsx workbook", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        // A text file read as a workbook because the user said so is not blamed on its name.
        var forced = CliRunner.Run("convert", Write("peer.csv", "not a workbook"), "--format", "xlsx", "--to", "yaml");
        Assert.Equal(2, forced.ExitCode);
        Assert.Contains("peer.csv:1:1: the file was to be read as an .xlsx workbook (--format xlsx) but is not one", forced.Error, StringComparison.Ordinal);
        Assert.NotEmpty(text);
    }

    [Fact]
    public void Convert_ExistingOutput_IsNotOverwrittenWithoutForce()
    {
        var target = Write("keep.yaml", "precious");

        var (exitCode, _, error) = CliRunner.Run("convert", AlaskaFile(), "-o", target);

        Assert.Equal(2, exitCode);
        Assert.Contains("already exists; choose another --output or add --force to replace it", error, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(target));

        Assert.Equal(0, CliRunner.Run("convert", AlaskaFile(), "-o", target, "--force").ExitCode);
        Assert.StartsWith("id: \"alaska-2025\"", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.xlsx", "PK")]
    [InlineData("x.json", "{")]
    [InlineData("x.YML", "id: ")]
    [InlineData("x.csv", "actor,")]
    public void Convert_WithoutTo_WritesTheFormatTheExtensionNames(string name, string start)
    {
        var target = Path.Combine(folder, name);

        var (exitCode, _, error) = CliRunner.Run("convert", AlaskaFile(), "-o", target);

        Assert.True(exitCode == 0, error);
        Assert.StartsWith(start, File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("validate", target).ExitCode);
    }

    [Theory]
    [InlineData("yaml", "x.json", "--to yaml contradicts --output {0}, whose extension .json is for json; name the file .yaml or .yml for yaml, or leave out --to")]
    [InlineData("json", "x.xlsx", "--to json contradicts --output {0}, whose extension .xlsx is for xlsx; name the file .json for json, or leave out --to")]
    [InlineData(null, "x.txt", "--output {0}: this command cannot write a .txt file; the extension says the format, so name the file .yaml, .yml, .json, .xlsx or .csv")]
    [InlineData("yaml", "x.xml", "--output {0}: this command cannot write a .xml file; the extension says the format, so name the file .yaml, .yml, .json, .xlsx or .csv")]
    public void Convert_ToContradictingOrUnwritableExtension_ExitsTwoAndWritesNothing(string? to, string name, string message)
    {
        var target = Path.Combine(folder, name);
        string[] arguments = to is null ? ["convert", AlaskaFile(), "-o", target] : ["convert", AlaskaFile(), "--to", to, "-o", target];

        var (exitCode, output, error) = CliRunner.Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal($"parley: {string.Format(System.Globalization.CultureInfo.InvariantCulture, message, target)}\n", error);
        Assert.Empty(output);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Convert_NoExtension_WritesYamlOrWhatToSays()
    {
        Assert.Equal(0, CliRunner.Run("convert", AlaskaFile(), "-o", Path.Combine(folder, "plain")).ExitCode);
        Assert.Equal(0, CliRunner.Run("convert", AlaskaFile(), "--to", "json", "-o", Path.Combine(folder, "plain-json")).ExitCode);

        Assert.StartsWith("id: ", File.ReadAllText(Path.Combine(folder, "plain")), StringComparison.Ordinal);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(folder, "plain-json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_DraftToXlsxAndBack_KeepsEveryCandidatePassage_AsTheCsvNoteSays()
    {
        var draft = Write("d.yaml", """
            id: d
            title: D
            sources:
              - { id: report, title: A report }
            actors:
              - id: a
                candidates:
                  - { quote: "Alpha", source: report, start: 0, end: 5, kind: mention, score: 1 }
              - { id: b }
            issues:
              - { id: x }
            stances:
              - actor: a
                issue: x
                position: null
                salience: null
                suggestion: { kind: suggestion, position: 70, basis: "anchor sentences" }
                candidates:
                  - { quote: "wants a deal now", source: report, start: 30, end: 46, kind: reported_speech, score: 0.8 }
                  - { quote: "no deal", source: report, start: 60, end: 67, kind: direct_quote, score: 0.4 }
              - { actor: b, issue: x, position: 20, salience: 0.5 }
            """);
        var workbook = Path.Combine(folder, "d.xlsx");

        var csv = CliRunner.Run("convert", draft, "--to", "csv");
        Assert.Equal(0, CliRunner.Run("convert", draft, "-o", workbook).ExitCode);
        var back = CliRunner.Run("convert", workbook, "--to", "yaml");

        Assert.Contains("drafts' candidate passages and suggestions: an .xlsx workbook (--to xlsx) keeps all of them", csv.Error, StringComparison.Ordinal);
        Assert.True(back.ExitCode == 0, back.Error);
        Assert.Equal(CliRunner.Run("convert", draft, "--to", "yaml").Output, back.Output);
        Assert.Equal(3, back.Output.Split("quote:").Length - 1);
    }

    [Fact]
    public void Convert_BrokenInput_WritesNothing()
    {
        var bad = Write("bad.yaml", "id: x\ntitle: [\n");
        var target = Path.Combine(folder, "out.yaml");

        Assert.Equal(2, CliRunner.Run("convert", bad, "-o", target).ExitCode);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void ValidateAndConvert_Latin1Byte_ExitTwoAtTheByteAndWriteNothing()
    {
        // QA issue 1: "Pstén1" saved as Latin-1 was valid, and convert wrote "Pst\uFFFDn1".
        var latin1 = Path.Combine(folder, "latin1.csv");
        File.WriteAllBytes(latin1, [.. "Scen,Desc,1,1,\nActor,Description,Power,Pst"u8, 0xE9, .. "n1,Sal1\nA,a,10,50,50\n"u8]);
        var target = Path.Combine(folder, "out.yaml");

        var validate = CliRunner.Run("validate", latin1);
        var convert = CliRunner.Run("convert", latin1, "-o", target);

        Assert.Equal(2, validate.ExitCode);
        Assert.Equal(
            $"{latin1}:2:28: the file is not UTF-8 here: byte 0xE9 ('é' in Latin-1 or Windows-1252) is not valid UTF-8; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\", an editor's encoding \"UTF-8\")\n1 problem found.\n",
            validate.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, convert.ExitCode);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Validate_MoreProblemsThanListed_CountsThemAll()
    {
        // QA issue 10: 150 bad positions were listed as 100, "and 50 more problems", then "101 problems found".
        var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"A{i},a,10,500,50\n"));
        var many = Write("many.csv", $"Many,Desc,150,1,\nActor,Description,Power,P1,S1\n{rows}");

        var (exitCode, _, error) = CliRunner.Run("validate", many);

        Assert.Equal(2, exitCode);
        var lines = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(102, lines.Length);
        Assert.EndsWith("and 50 more problems; only the first 100 are listed: fix these and check the file again", lines[^2], StringComparison.Ordinal);
        Assert.Equal("150 problems found.", lines[^1]);
    }

    [Fact]
    public void Models_ListsEveryModelWithItsCitation()
    {
        var (exitCode, output, _) = CliRunner.Run("models");

        Assert.Equal(0, exitCode);
        foreach (var model in Parley.Core.Models.ModelCatalog.All)
        {
            Assert.Contains(model.Info.Citation, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (exitCode, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^parley \d+\.\d+\.\d+ \(commit ", output);
    }
}
