using Parley.Tests.Shared;

namespace Parley.Formats.Tests;

/// <summary>
/// Every peer input file in ../shared/reference loads with format detection alone (no --format),
/// detected as the right format, converts to native YAML and reads back to the same YAML. Two files
/// are rejected with located errors instead: the Decide file with planted errors, and KTAB's
/// smpExample.xml, whose first actor has an empty coordinate (KtabXmlReaderTests pins that message).
/// </summary>
public sealed class PeerFilesTests
{
    public static TheoryData<string, ScenarioFormat> PeerFiles()
    {
        var data = new TheoryData<string, ScenarioFormat>();
        if (ReferenceData.Directory is not { } root)
        {
            data.Add("(reference data absent)", ScenarioFormat.Yaml);
            return data;
        }

        void AddAll(string folder, string pattern, ScenarioFormat format)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), pattern).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file), format);
            }
        }

        AddAll("ktab", "*.csv", ScenarioFormat.KtabCsv);
        data.Add("ktab/dummyData_3Dim.xml", ScenarioFormat.KtabXml);
        AddAll("bdm", "*.csv", ScenarioFormat.BdmCsv);
        AddAll("bdm/cases", "*.csv", ScenarioFormat.BdmCsv);
        data.Add("decide/sample_data.txt", ScenarioFormat.Decide);
        data.Add("decide/copenhagen.csv", ScenarioFormat.Decide);
        data.Add("decide/cop21.csv", ScenarioFormat.Decide);
        data.Add("decide/verkiezing2012.csv", ScenarioFormat.Decide);
        return data;
    }

    [ReferenceTheory]
    [ReferenceMemberData(nameof(PeerFiles))]
    public void PeerFile_IsDetectedReadAndRoundTripsThroughYaml(string relativePath, ScenarioFormat expected)
    {
        var path = ReferenceData.PathOf(relativePath);
        var text = File.ReadAllText(path);

        Assert.Equal(expected, ScenarioFiles.Detect(text, path)?.Format);
        var result = ScenarioFiles.Read(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var yaml = Parley.Formats.Native.NativeScenarioWriter.ToYaml(result.Scenario!);
        var again = ScenarioFiles.ReadText(yaml, relativePath + ".yaml");
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.Equal(yaml, Parley.Formats.Native.NativeScenarioWriter.ToYaml(again.Scenario!));
    }

    [ReferenceFact]
    public void DecideFileWithPlantedErrors_IsRejectedWithLocatedErrors()
    {
        var path = ReferenceData.PathOf("decide/copenhagen_with_errors.csv");
        var result = ScenarioFiles.Read(path);

        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line > 1 && d.File == path));
    }
}
