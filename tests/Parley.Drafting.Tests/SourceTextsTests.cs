using System.Security.Cryptography;
using System.Text;
using Parley.Core.Domain;
using Parley.Drafting.Sources;

namespace Parley.Drafting.Tests;

public sealed class SourceTextsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-sources-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (Source Source, string Text) Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return (new Source("news", "News") { File = name, Sha256 = sha }, text);
    }

    [Fact]
    public void Read_FileBesideTheScenario_GivesTheTextTheDrafterRead()
    {
        var (source, text) = Write("news.txt", "Putin said the war must end.\n\n\nKyiv disagreed.\n");

        var read = SourceTexts.Read(source, folder);

        Assert.Null(read.Problem);
        Assert.Equal(SourceReader.Read(Encoding.UTF8.GetBytes(text), "news.txt", "news").Document!.Text, read.Text);
    }

    [Fact]
    public void Read_ChangedSinceTheDraft_SaysSoAndGivesNoText()
    {
        var (source, _) = Write("news.txt", "Putin said the war must end.");
        File.AppendAllText(Path.Combine(folder, "news.txt"), " An update.");

        var read = SourceTexts.Read(source, folder);

        Assert.Null(read.Text);
        Assert.Contains("has changed since the draft", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysWhereItLooked()
    {
        var read = SourceTexts.Read(new Source("gone", "Gone") { File = "gone.txt" }, folder);

        Assert.Null(read.Text);
        Assert.Equal("the file gone.txt is not found (looked for it from the working folder and beside the scenario)", read.Problem);
    }

    [Fact]
    public void Read_NoFileRecorded_SaysSo() =>
        Assert.Equal("no file recorded for this source", SourceTexts.Read(new Source("x", "X"), folder).Problem);
}
