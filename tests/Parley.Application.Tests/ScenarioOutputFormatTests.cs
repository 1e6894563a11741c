namespace Parley.Application.Tests;

public sealed class ScenarioOutputFormatTests
{
    private static readonly string[] Convert = ["yaml", "json", "xlsx", "csv"];

    [Theory]
    [InlineData(null, null, "yaml")]
    [InlineData("json", null, "json")]
    [InlineData(null, "out", "yaml")]
    [InlineData("csv", "out", "csv")]
    [InlineData(null, "out.yaml", "yaml")]
    [InlineData(null, "out.YML", "yaml")]
    [InlineData(null, "dir.v2/out.Json", "json")]
    [InlineData(null, "out.xlsx", "xlsx")]
    [InlineData("csv", "out.csv", "csv")]
    [InlineData("yaml", "out.yml", "yaml")]
    public void Choose_TheExtensionDecides_AndToAgrees(string? requested, string? path, string expected)
    {
        Assert.Equal(expected, ScenarioOutputFormat.Choose(requested, path, Convert).Value);
    }

    [Theory]
    [InlineData("yaml", "out.json", "--to yaml contradicts --output out.json, whose extension .json is for json")]
    [InlineData("xlsx", "out.csv", "--to xlsx contradicts --output out.csv, whose extension .csv is for csv")]
    [InlineData(null, "out.txt", "--output out.txt: this command cannot write a .txt file")]
    [InlineData("yaml", "out.tsv", "--output out.tsv: this command cannot write a .tsv file")]
    public void Choose_ContradictionOrUnwritableExtension_IsRefused(string? requested, string path, string start)
    {
        var chosen = ScenarioOutputFormat.Choose(requested, path, Convert);

        Assert.Null(chosen.Value);
        Assert.StartsWith(start, Assert.Single(chosen.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_AFormatTheCommandDoesNotWrite_IsRefusedWithTheAdvice()
    {
        var chosen = ScenarioOutputFormat.Choose(null, "draft.xlsx", ["yaml", "json"], "convert it");

        Assert.Equal("--output draft.xlsx: this command cannot write a .xlsx file; the extension says the format, so name the file .yaml, .yml or .json; convert it", Assert.Single(chosen.Errors));
    }

    [Fact]
    public void Choose_NoFormats_Throws() =>
        Assert.Throws<ArgumentException>(() => ScenarioOutputFormat.Choose(null, "x.yaml", []));
}
