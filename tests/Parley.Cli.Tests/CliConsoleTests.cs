namespace Parley.Cli.Tests;

public sealed class CliConsoleTests
{
    [Theory]
    [InlineData("80", 80)]
    [InlineData("200", 200)]
    [InlineData(null, 150)]
    [InlineData("", 150)]
    [InlineData("wide", 150)]
    [InlineData("10", 150)]
    [InlineData("-80", 150)]
    [InlineData("5000", 150)]
    public void RedirectedWidth_HonoursColumns_WhenItIsAPlausibleWidth(string? columns, int width) =>
        Assert.Equal(width, CliConsole.RedirectedWidth(columns));
}
