using System.Collections.Immutable;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.WhatIf;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley whatif --json</c>:
/// <c>{"scenario", "title", "edits": {"set": [{"path", "value"}], "remove_actors", "add_stages": [{"id", "participants", "issues", "model"}]},
/// "comparisons": [{"model", "stages": [{"id", "issues": [ROW]}], "final": [ROW]}]}</c> where
/// ROW is <c>{"id", "baseline", "whatif", "delta", "changed"}</c> (a missing forecast is omitted).
/// </summary>
public static class WhatIfDocument
{
    /// <summary>The document comparing, per model, the baseline with the what-if.</summary>
    /// <param name="scenario">The baseline scenario.</param>
    /// <param name="overlay">The edits applied.</param>
    /// <param name="comparisons">Per model id, the rows of <see cref="ForecastComparison.Compare"/>.</param>
    public static string ToJson(Scenario scenario, ScenarioOverlay overlay, IReadOnlyList<(string Model, ImmutableArray<ComparisonRow> Rows)> comparisons)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(comparisons);
        return ReportJson.Document(writer =>
        {
            writer.WriteString("scenario", scenario.Id);
            writer.WriteString("title", scenario.Title);
            writer.WriteStartObject("edits");
            writer.WriteStartArray("set");
            foreach (var setting in overlay.Settings)
            {
                writer.WriteStartObject();
                writer.WriteString("path", setting.Path);
                writer.WriteNumber("value", setting.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("remove_actors");
            foreach (var removal in overlay.Removals)
            {
                writer.WriteStringValue(removal.ActorId);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("add_stages");
            foreach (var (stage, _) in overlay.AddedStages)
            {
                writer.WriteStartObject();
                writer.WriteString("id", stage.Id);
                WriteList(writer, "participants", stage.Participants);
                WriteList(writer, "issues", stage.Issues);
                if (stage.Model is { } model)
                {
                    writer.WriteString("model", model);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteStartArray("comparisons");
            foreach (var (model, rows) in comparisons)
            {
                writer.WriteStartObject();
                writer.WriteString("model", model);
                writer.WriteStartArray("stages");
                foreach (var stage in rows.Where(r => !r.IsFinal).GroupBy(r => r.StageId))
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", stage.Key);
                    writer.WriteStartArray("issues");
                    foreach (var row in stage)
                    {
                        WriteRow(writer, row);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("final");
                foreach (var row in rows.Where(r => r.IsFinal))
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteRow(Utf8JsonWriter writer, ComparisonRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("id", row.IssueId);
        if (row.Baseline is { } baseline)
        {
            writer.WriteNumber("baseline", baseline);
        }

        if (row.Variant is { } variant)
        {
            writer.WriteNumber("whatif", variant);
        }

        if (row.Delta is { } delta)
        {
            writer.WriteNumber("delta", delta);
        }

        writer.WriteBoolean("changed", row.Changed);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, ImmutableArray<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
