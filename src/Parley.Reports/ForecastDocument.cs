using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley forecast --json</c>:
/// <c>{"scenario", "title", "forecasts": [{"model", "name", "citation", "rounds_run", "converged",
/// "issues": [{"id", "name", "min", "max", "forecast", "nearest_anchor", "positions"}], "rounds", "details"}]}</c>;
/// a staged forecast adds to each model's object <c>"stages": [{"id", "name", "model", "participants",
/// "issues": [{"id", "status_quo", "forecast"}]}]</c> and its <c>issues</c> are then the final forecast.
/// Documented in <c>docs/json-output.md</c> and <c>docs/stages.md</c>.
/// </summary>
public static class ForecastDocument
{
    /// <summary>The document for <paramref name="results"/> of models run on <paramref name="scenario"/>.</summary>
    public static string ToJson(Scenario scenario, IReadOnlyList<ModelResult> results) => ToJson(scenario, results, null);

    /// <summary>
    /// The document for <paramref name="results"/>; when <paramref name="staged"/> is given (one per
    /// result, same order) each model's object also lists its stages.
    /// </summary>
    public static string ToJson(Scenario scenario, IReadOnlyList<ModelResult> results, IReadOnlyList<StagedResult>? staged)
    {
        using var text = new StringWriter();
        Write(text, scenario, results, staged);
        return text.ToString();
    }

    /// <summary>
    /// Writes the document (as <see cref="ToJson(Scenario, IReadOnlyList{ModelResult}, IReadOnlyList{StagedResult})"/>
    /// returns it) to <paramref name="output"/> as it goes, a round at a time, so its size is not
    /// bounded by memory.
    /// </summary>
    public static void Write(TextWriter output, Scenario scenario, IReadOnlyList<ModelResult> results, IReadOnlyList<StagedResult>? staged = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var stream = new TextWriterStream(output))
        using (var writer = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("scenario", scenario.Id);
            writer.WriteString("title", scenario.Title);
            writer.WriteStartArray("forecasts");
            for (var i = 0; i < results.Count; i++)
            {
                WriteResult(writer, scenario, results[i], staged?[i]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write('\n');
    }

    /// <summary>Writes one model's result as a JSON object (also used by other reports).</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result) => WriteResult(writer, scenario, result, null);

    /// <summary>Writes one model's result, with its stages when <paramref name="staged"/> is given.</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result, StagedResult? staged)
    {
        writer.WriteStartObject();
        writer.WriteString("model", result.Model.Id);
        writer.WriteString("name", result.Model.Name);
        writer.WriteString("citation", result.Model.Citation);
        if (result.RoundsRun > 0 || result.Converged is not null)
        {
            writer.WriteNumber("rounds_run", result.RoundsRun);
        }

        if (result.Converged is { } converged)
        {
            writer.WriteBoolean("converged", converged);
        }

        writer.WriteStartArray("issues");
        foreach (var forecast in result.Issues)
        {
            var issue = scenario.FindIssue(forecast.IssueId);
            writer.WriteStartObject();
            writer.WriteString("id", forecast.IssueId);
            if (issue is not null)
            {
                writer.WriteString("name", issue.Name);
                writer.WriteNumber("min", issue.ScaleMin);
                writer.WriteNumber("max", issue.ScaleMax);
            }

            writer.WriteNumber("forecast", forecast.Forecast);
            if (issue?.NearestAnchor(forecast.Forecast) is { } anchor)
            {
                writer.WriteStartObject("nearest_anchor");
                writer.WriteNumber("value", anchor.Value);
                writer.WriteString("label", anchor.Label);
                writer.WriteEndObject();
            }

            if (!forecast.Positions.IsDefaultOrEmpty)
            {
                writer.WriteStartObject("positions");
                foreach (var position in forecast.Positions)
                {
                    writer.WriteNumber(position.ActorId, position.Position);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (!result.Rounds.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("rounds");
            foreach (var round in result.Rounds)
            {
                ReportJson.WriteValue(writer, round);
                writer.Flush();
            }

            writer.WriteEndArray();
        }

        if (result.Details is { } details)
        {
            writer.WritePropertyName("details");
            ReportJson.WriteValue(writer, details);
        }

        if (staged is not null)
        {
            WriteStages(writer, staged);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"stages": [{"id", "name", "model", "participants", "issues": [{"id", "status_quo", "forecast"}]}]</c>.</summary>
    public static void WriteStages(Utf8JsonWriter writer, StagedResult staged)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(staged);
        writer.WriteStartArray("stages");
        foreach (var stage in staged.Stages)
        {
            writer.WriteStartObject();
            writer.WriteString("id", stage.Stage.Id);
            writer.WriteString("name", stage.Stage.Name);
            writer.WriteString("model", stage.Model.Id);
            writer.WriteStartArray("participants");
            foreach (var participant in stage.Participants)
            {
                writer.WriteStringValue(participant);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("issues");
            foreach (var forecast in stage.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("id", forecast.IssueId);
                if (stage.StatusQuoBefore.FirstOrDefault(p => p.Key == forecast.IssueId).Value is { } statusQuo)
                {
                    writer.WriteNumber("status_quo", statusQuo);
                }

                writer.WriteNumber("forecast", forecast.Forecast);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
