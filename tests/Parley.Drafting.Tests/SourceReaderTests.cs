using System.Text;
using Parley.Drafting.Sources;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Parley.Drafting.Tests;

public sealed class SourceReaderTests
{
    private static SourceReadResult Read(string text, string name) => SourceReader.Read(Encoding.UTF8.GetBytes(text), name, "doc");

    [Fact]
    public void ReadFile_ADirectory_SaysSoRatherThanPermissionDenied()
    {
        var folder = Directory.CreateTempSubdirectory("parley-source-").FullName;
        try
        {
            var result = SourceReader.ReadFile(folder, "folder");

            Assert.Null(result.Document);
            Assert.Equal($"{folder}:1:1: this is a directory, not a source document; give the documents themselves (e.g. folder/*.txt)", result.Problem!.ToString());
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void PlainText_KeepsTheTextAndHashesTheBytes()
    {
        var result = Read("Talks resume\n\nThe talks resume on 4 March 2026 in Geneva.\r\n", "talks.txt");

        var document = result.Document!;
        Assert.Equal(SourceKind.Text, document.Kind);
        Assert.Equal("Talks resume\n\nThe talks resume on 4 March 2026 in Geneva.", document.Text);
        Assert.Equal("Talks resume", document.Title);
        Assert.Equal("2026-03-04", document.Date);
        Assert.Equal(64, document.Sha256.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("Talks resume\n\nThe talks resume on 4 March 2026 in Geneva.\r\n"))), document.Sha256);
    }

    [Fact]
    public void Markdown_LosesItsMarkupButKeepsItsWords()
    {
        var document = Read("# Deal in sight\n\n*Paris, June 2, 2026*\n\nThe **Greens** and [the SPD](https://example.org) agreed.\n- Item `one`\n", "note.md").Document!;

        Assert.Equal(SourceKind.Markdown, document.Kind);
        Assert.Equal("Deal in sight", document.Title);
        Assert.Equal("2026-06-02", document.Date);
        Assert.Contains("The Greens and the SPD agreed.", document.Text, StringComparison.Ordinal);
        Assert.Contains("Item one", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_GivesTheArticleWithoutNavigationOrFooter()
    {
        var path = Articles.OwnArticles().Single(a => a.Article.EndsWith(".html", StringComparison.Ordinal)).Article;

        var document = Articles.Read(path);

        Assert.Equal(SourceKind.Html, document.Kind);
        Assert.Equal("Climate talks stall over fossil fuels and finance as deadline nears", document.Title);
        Assert.Contains("Brazilian Environment Minister Helena Costa", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_GivesTheTextOfItsPages()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("French Finance Minister Luc Marchand said Paris would block the deal.", 10, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        var bytes = builder.Build();

        var result = SourceReader.Read(bytes, "statement.pdf", "statement");

        Assert.Null(result.Problem);
        Assert.Equal(SourceKind.Pdf, result.Document!.Kind);
        Assert.Contains("Luc Marchand said Paris would block the deal.", result.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_RecognisedByContentWithoutExtension()
    {
        Assert.Equal(SourceKind.Pdf, SourceReader.DetectKind(Encoding.ASCII.GetBytes("%PDF-1.7\n..."), "download"));
        Assert.Equal(SourceKind.Html, SourceReader.DetectKind(Encoding.ASCII.GetBytes("<!DOCTYPE html><html>"), "page"));
    }

    public static TheoryData<byte[], string, string> BrokenSources() => new()
    {
        { Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a pdf"), "broken.pdf", "broken.pdf:1:1: cannot read the PDF" },
        { [0x54, 0x61, 0x6C, 0x6B, 0x73, 0x0A, 0x61, 0x62, 0xFF, 0x63], "latin1.txt", "latin1.txt:2:3: the source is not UTF-8" },
        { Encoding.UTF8.GetBytes("  \n\n  "), "empty.txt", "empty.txt:1:1: the source is empty" },
        { Encoding.UTF8.GetBytes("<html><body><nav>menu</nav></body></html>"), "empty.html", "empty.html:1:1: no readable main content" },
        { [0x00, 0x01, 0x02, 0x41], "blob.txt", "blob.txt:1:1: the source is a binary file" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenSource_IsALocatedProblemNotAnException(byte[] bytes, string name, string expected)
    {
        var result = SourceReader.Read(bytes, name, "x");

        Assert.Null(result.Document);
        Assert.StartsWith(expected, result.Problem!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsALocatedProblem()
    {
        var result = SourceReader.ReadFile("no-such-article.txt", "x");

        Assert.Equal("no-such-article.txt:1:1: cannot read the source: no such file", result.Problem!.ToString());
    }
}
