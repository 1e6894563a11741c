using System.Text.Json;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Native;

/// <summary>The published JSON Schema declares every field the writer emits, so schema-aware editors accept Parley's own files.</summary>
public sealed class SchemaConsistencyTests
{
    private static JsonElement Schema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "scenario.schema.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("docs/scenario.schema.json not found above the test binaries");
    }

    private static HashSet<string> Declared(JsonElement schemaObject) =>
        schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

    [Fact]
    public void Schema_DeclaresEveryFieldTheWriterEmits()
    {
        var schema = Schema();
        var scenario = ScenarioFiles.ReadText(NativeReaderTests.Valid, "demo.yaml").Scenario!;
        using var written = JsonDocument.Parse(NativeScenarioWriter.ToJson(scenario));
        var definitions = schema.GetProperty("$defs");

        Assert.Subset(Declared(schema), written.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
        foreach (var (list, definition) in new[] { ("actors", "actor"), ("issues", "issue"), ("stances", "stance"), ("stages", "stage"), ("sources", "source") })
        {
            foreach (var item in written.RootElement.GetProperty(list).EnumerateArray())
            {
                Assert.Subset(Declared(definitions.GetProperty(definition)), item.EnumerateObject().Select(p => p.Name).ToHashSet());
            }
        }
    }
}
