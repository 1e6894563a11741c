namespace Parley.Cli.Tests;

/// <summary>
/// Which runs the natively compiled parley (tools/publish.sh) hands to the ReadyToRun build beside it: every
/// command outside the AOT-safe set, and any run that reaches the store or the charts.
/// </summary>
public sealed class NativeHandOffTests
{
    [Theory]
    [InlineData("forecast")]
    [InlineData("forecast", "--model", "compromise", "--json")]
    [InlineData("forecast", "scenario.csv", "--model", "smp", "--trace")]
    [InlineData("validate", "scenario.yaml")]
    [InlineData("models")]
    [InlineData("whatif", "--set", "x")]
    [InlineData("backtest", "cases.yaml")]
    [InlineData("--help")]
    [InlineData("--version")]
    public void NeedsJit_NativeCommandsWithoutStoreOrCharts_RunNatively(params string[] args) =>
        Assert.False(NativeHandOff.NeedsJit(args));

    [Theory]
    [InlineData("serve")]
    [InlineData("draft", "article.txt")]
    [InlineData("report", "--run", "1")]
    [InlineData("runs", "list")]
    [InlineData("scenarios", "list")]
    [InlineData("score")]
    [InlineData("forecast", "--save")]
    [InlineData("forecast", "--model", "smp", "--db", "runs.db")]
    [InlineData("forecast", "--db=runs.db")]
    [InlineData("backtest", "cases.yaml", "--report", "out.html")]
    [InlineData("montecarlo", "--png", "charts")]
    [InlineData("sensitivity", "--svg=charts")]
    [InlineData("forcast")]
    [InlineData("influence", "scenario.csv", "--model", "smp")]
    [InlineData("montecarlo", "--draws", "2000")]
    [InlineData("sensitivity")]
    public void NeedsJit_OtherCommandsAndStoreOrChartOptions_HandOff(params string[] args) =>
        Assert.True(NativeHandOff.NeedsJit(args));

    [Fact]
    public void Run_InTheJitBuild_NeverHandsOff() =>
        Assert.Null(NativeHandOff.Run(["serve"]));
}
