namespace Parley.Cli.Tests;

public sealed class CliConsoleTests
{
    [Theory]
    [InlineData("80", null, 80)]
    [InlineData("200", null, 200)]
    [InlineData("100", 132, 100)]
    [InlineData(null, 132, 132)]
    [InlineData(null, null, CliConsole.DefaultRedirectedWidth)]
    [InlineData("", null, CliConsole.DefaultRedirectedWidth)]
    [InlineData("wide", null, CliConsole.DefaultRedirectedWidth)]
    [InlineData("10", null, CliConsole.DefaultRedirectedWidth)]
    [InlineData("-80", 90, 90)]
    [InlineData("5000", null, CliConsole.DefaultRedirectedWidth)]
    public void WidthFor_HonoursColumnsThenTheTerminal_ElseTheRedirectedDefault(string? columns, int? terminal, int width) =>
        Assert.Equal(width, CliConsole.WidthFor(columns, terminal));
}
