using Parley.Formats;
using Parley.Formats.Overlays;

namespace Parley.Formats.Tests;

/// <summary>The small sample files (one per format; they also seed the fuzzer) read without problems, each detected as its format.</summary>
public sealed class SampleFileTests
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    [Theory]
    [InlineData("small.yaml", ScenarioFormat.Yaml)]
    [InlineData("small-ktab.csv", ScenarioFormat.KtabCsv)]
    [InlineData("small-ktab.xml", ScenarioFormat.KtabXml)]
    [InlineData("small-decide.csv", ScenarioFormat.Decide)]
    [InlineData("small-bdm.csv", ScenarioFormat.BdmCsv)]
    [InlineData("small-deu.tsv", ScenarioFormat.Deu)]
    public void Sample_IsDetectedAndRead(string name, ScenarioFormat format)
    {
        var path = PathOf(name);

        Assert.Equal(format, ScenarioFiles.Detect(File.ReadAllText(path), path)?.Format);
        var result = ScenarioFiles.Read(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void OverlaySample_IsRead()
    {
        var (overlay, diagnostics) = OverlayFileReader.Read(PathOf("small-overlay.yaml"));

        Assert.Empty(diagnostics);
        Assert.Equal(3, overlay!.Settings.Length);
    }
}
