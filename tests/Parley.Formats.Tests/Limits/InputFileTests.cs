using System.Text;
using Parley.Formats;

namespace Parley.Formats.Tests.Limits;

/// <summary>Issue 12, items 5 and 11: bounded reads, encodings, directories and missing files.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-input-").FullName;

    private static string Sample => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "small.yaml"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Single(ReadResult result) => Assert.Single(result.Diagnostics).ToString();

    [Fact]
    public void Read_DevZero_StopsAtTheSizeLimitAtOnce()
    {
        var result = ScenarioFiles.Read("/dev/zero");

        Assert.Equal("/dev/zero:1:1: the file is larger than 64 MiB, the limit for input files; a scenario file is far smaller (is this the right file?)", Single(result));
    }

    [Fact]
    public void LoadBacktest_DevZero_StopsAtTheSizeLimitToo()
    {
        var input = Parley.Formats.Backtesting.BacktestInput.Load(["/dev/zero"], format: null, Parley.Formats.Deu.DeuCapability.Equal);

        Assert.Contains("larger than 64 MiB", Assert.Single(input.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOverlay_Directory_SaysItIsADirectory()
    {
        var (overlay, diagnostics) = Parley.Formats.Overlays.OverlayFileReader.Read(folder);

        Assert.Null(overlay);
        Assert.EndsWith("is a directory, not a file; give a scenario file", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_FileOverTheLimit_IsRefusedBeforeReading()
    {
        var path = Write("big.yaml", new byte[2048]);

        var (text, problem) = InputText.ReadFile(path, maxBytes: 1024);

        Assert.Null(text);
        Assert.Contains("larger than 1 KiB", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Directory_SaysItIsADirectory()
    {
        var result = ScenarioFiles.Read(folder);

        Assert.Equal($"{folder}:1:1: '{folder}' is a directory, not a file; give a scenario file", Single(result));
    }

    [Fact]
    public void Read_MissingFile_SaysNoSuchFile()
    {
        var path = Path.Combine(folder, "missing.yaml");

        Assert.Equal($"{path}:1:1: cannot read the file: no such file; check the path", Single(ScenarioFiles.Read(path)));
    }

    [Theory]
    [InlineData("utf-16le", "UTF-16 (little-endian)")]
    [InlineData("utf-16be", "UTF-16 (big-endian)")]
    [InlineData("utf-32le", "UTF-32 (little-endian)")]
    [InlineData("utf-32be", "UTF-32 (big-endian)")]
    public void Read_WideEncodingWithoutBom_SaysWhichEncodingAndHowToFixIt(string encodingName, string described)
    {
        var path = Write("wide.yaml", Encode(encodingName, Sample, bom: false));

        Assert.Equal($"{path}:1:1: the file is {described} without a byte-order mark; save it as UTF-8", Single(ScenarioFiles.Read(path)));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Read_WithByteOrderMark_DecodesAndReads(string encodingName)
    {
        var path = Write("marked.yaml", Encode(encodingName, Sample, bom: true));

        var result = ScenarioFiles.Read(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("small", result.Scenario!.Id);
    }

    [Fact]
    public void Read_NulByteInText_IsLocatedAsBinary()
    {
        var path = Write("nul.yaml", Encoding.UTF8.GetBytes("id: x\ntitle: a\0b\n"));

        Assert.Equal($"{path}:2:9: the file holds a NUL byte here, so it is binary, not text; a scenario file is text (UTF-8)", Single(ScenarioFiles.Read(path)));
    }

    private static string NotUtf8(byte value, string latin1) =>
        $"the file is not UTF-8 here: byte 0x{value:X2}{latin1} is not valid UTF-8; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\", an editor's encoding \"UTF-8\")";

    /// <summary>QA issue 1: a Latin-1 byte became U+FFFD, so validate said valid and convert wrote the changed id.</summary>
    [Theory]
    [InlineData("small.yaml")]
    [InlineData("small.json")]
    [InlineData("small-ktab.csv")]
    [InlineData("small-ktab.xml")]
    [InlineData("small-bdm.csv")]
    [InlineData("small-decide.csv")]
    [InlineData("small-deu.tsv")]
    public void Read_Latin1ByteInAnyTextFormat_IsLocatedWithHowToFixIt(string sample)
    {
        var text = sample == "small.json"
            ? Parley.Formats.Native.NativeScenarioWriter.ToJson(ScenarioFiles.ReadText(Sample, "small.yaml").Scenario!)
            : File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", sample));

        // The first letter after line 1 becomes a Latin-1 'é', as a spreadsheet saving "CSV" writes it.
        var index = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        while (!char.IsAsciiLetter(text[index]))
        {
            index++;
        }

        var path = Write(sample, [.. Encoding.UTF8.GetBytes(text[..index]), 0xE9, .. Encoding.UTF8.GetBytes(text[(index + 1)..])]);
        var line = text[..index].Count(c => c == '\n') + 1;
        var column = index - text.LastIndexOf('\n', index - 1);

        Assert.Equal($"{path}:{line}:{column}: {NotUtf8(0xE9, " ('é' in Latin-1 or Windows-1252)")}", Single(ScenarioFiles.Read(path)));
    }

    [Fact]
    public void Read_BadByteAfterOtherCharacters_CountsTheColumnInCharacters()
    {
        // "Zürich" is 6 characters and 7 bytes: the column is the one an editor shows.
        var path = Write("accent.yaml", [.. Encoding.UTF8.GetBytes("id: x\ntitle: Zürich "), 0xE9, .. "\n"u8]);

        Assert.Equal($"{path}:2:15: {NotUtf8(0xE9, " ('é' in Latin-1 or Windows-1252)")}", Single(ScenarioFiles.Read(path)));
    }

    [Fact]
    public void Read_BadByteAfterAUtf8ByteOrderMark_IsLocatedAsTheEditorShowsIt()
    {
        var path = Write("marked.yaml", [0xEF, 0xBB, 0xBF, .. "id: x\n"u8, 0x92, .. "s\n"u8]);

        Assert.Equal($"{path}:2:1: {NotUtf8(0x92, string.Empty)}", Single(ScenarioFiles.Read(path)));
    }

    [Fact]
    public void Read_Utf8SequenceCutShort_IsLocatedAtItsFirstByte()
    {
        var path = Write("cut.yaml", [.. "id: x\ntitle: caf"u8, 0xC3, .. "\n"u8]);

        Assert.Equal($"{path}:2:11: {NotUtf8(0xC3, " ('Ã' in Latin-1 or Windows-1252)")}", Single(ScenarioFiles.Read(path)));
    }

    [Fact]
    public void Read_Utf8WithAccents_IsStillRead()
    {
        var path = Write("accents.yaml", Encoding.UTF8.GetBytes(Sample.Replace("name: ", "name: Zürich ", StringComparison.Ordinal)));

        var result = ScenarioFiles.Read(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void ReadOverlayAndDeuDataset_Latin1Byte_AreRefusedToo()
    {
        var overlay = Write("overlay.yaml", [.. "set:\n  caf"u8, 0xE9, .. ".capability: 3\n"u8]);
        var deuText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "small-deu.tsv"));
        byte[] deu = [.. Encoding.UTF8.GetBytes(deuText), 0xE9];

        var (_, overlayProblems) = Parley.Formats.Overlays.OverlayFileReader.Read(overlay);
        var dataset = Parley.Formats.Deu.DeuReader.ReadDatasetBytes(deu, "deu.tsv", Parley.Formats.Deu.DeuCapability.Equal);

        Assert.Equal($"{overlay}:2:6: {NotUtf8(0xE9, " ('é' in Latin-1 or Windows-1252)")}", Assert.Single(overlayProblems).ToString());
        Assert.Contains("the file is not UTF-8 here: byte 0xE9", Assert.Single(dataset.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlongCsvLine_IsRefusedWithTheLimit()
    {
        var text = "Actor,Capability,Position,Salience\n" + "a," + new string('1', InputText.MaxLineLength + 10) + ",1,1\n";

        var result = ScenarioFiles.ReadText(text, "long.csv", ScenarioFormat.BdmCsv);

        Assert.Equal("long.csv:2:1048577: line 2 is 1,048,592 characters long; lines are limited to 1,048,576 characters (is this the right file?)", Single(result));
    }

    private static byte[] Encode(string name, string text, bool bom)
    {
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        return bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
    }
}
