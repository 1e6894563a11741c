using System.Runtime.Intrinsics;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

/// <summary>
/// Which runs the natively compiled parley (tools/publish.sh) hands to the ReadyToRun build beside it: every
/// command outside the AOT-safe set, any run that reaches the store or the charts, and parley's own help (it lists
/// the commands only the ReadyToRun build has).
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
    [InlineData("forecast", "--help")]
    [InlineData("--version")]
    [InlineData("--no-such-option")]
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
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    public void NeedsJit_OtherCommandsAndStoreOrChartOptions_HandOff(params string[] args) =>
        Assert.True(NativeHandOff.NeedsJit(args));

    [Fact]
    public void Run_InTheJitBuild_NeverHandsOff() =>
        Assert.Null(NativeHandOff.Run(["serve"]));

    [Fact]
    public void WidenVectors_NoCapSet_Allows512Bits()
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = "/usr/bin" };
        NativeHandOff.WidenVectors(environment);
        Assert.Equal("512", environment[NativeHandOff.VectorWidthVariable]);
        Assert.Equal("/usr/bin", environment["PATH"]);
    }

    [Theory]
    [InlineData("DOTNET_MaxVectorTBitWidth")]
    [InlineData("COMPlus_MaxVectorTBitWidth")]
    public void WidenVectors_UsersCap_KeptAsItIs(string variable)
    {
        var environment = new Dictionary<string, string?> { [variable] = "128" };
        NativeHandOff.WidenVectors(environment);
        Assert.Equal("128", environment[variable]);
        Assert.Single(environment);
    }

    /// <summary>
    /// The hand-off widens <c>Vector&lt;T&gt;</c> for the analyses on the claim that SMP gives the same bits at any
    /// width: the same runs at 256 and at 512 bits print the same bytes, the lean runs of influence and Monte
    /// Carlo (on Alaska's 7 actors and KTAB's 27) and a full run with its trace.
    /// </summary>
    [WideVectorTheory]
    [InlineData("influence", null, "--model", "smp", "--json")]
    [ReferenceInlineData("montecarlo", "ktab/dummyData_6Dim.csv", "--model", "smp", "--draws", "100", "--json")]
    [ReferenceInlineData("forecast", "ktab/dummyData_6Dim.csv", "--model", "smp", "--json", "--trace")]
    public void Smp_At512BitVectors_SameBytesAsAt256(string command, string? file, params string[] options)
    {
        string[] args = file is null ? [command, .. options] : [command, ReferenceData.PathOf(file), .. options];
        Assert.Equal(RunAtWidth(256, args), RunAtWidth(512, args));
    }

    /// <summary>The JIT build's parley as a process with <c>Vector&lt;T&gt;</c> capped at <paramref name="bits"/>: its standard output (exit code 0 asserted).</summary>
    private static string RunAtWidth(int bits, string[] args)
    {
        var start = CliRunner.ProcessStart(args);
        start.Environment.Remove("COMPlus_MaxVectorTBitWidth");
        start.Environment[NativeHandOff.VectorWidthVariable] = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output, error) = CliRunner.RunProcess(start);
        Assert.True(exitCode == 0, $"parley {string.Join(' ', args)} exited {exitCode}: {error}");
        return output;
    }
}

/// <summary>A theory comparing runs at two <c>Vector&lt;T&gt;</c> widths; skipped, saying why, on a processor without 512-bit vectors.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WideVectorTheoryAttribute : TheoryAttribute
{
    public WideVectorTheoryAttribute()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            Skip = "this processor has no 512-bit vectors, so Vector<T> would be as wide in both runs";
        }
    }
}
