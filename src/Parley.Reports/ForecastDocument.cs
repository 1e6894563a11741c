using System.Text.Json;
using Parley.Core.Backtesting;
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
    /// <param name="output">Where the document goes.</param>
    /// <param name="scenario">The scenario the models ran on.</param>
    /// <param name="results">One result per model.</param>
    /// <param name="staged">One staged result per model (same order), or <c>null</c>.</param>
    /// <param name="calibration">
    /// A calibration: each model's object then gains <c>"calibration": {"file", "dataset", "mode", "scale", "n", "label"}</c>
    /// and each issue <c>"calibrated_intervals": [{"level", "low", "high", "held_out_coverage"}]</c>; <c>null</c> for none.
    /// </param>
    public static void Write(TextWriter output, Scenario scenario, IReadOnlyList<ModelResult> results, IReadOnlyList<StagedResult>? staged = null, ForecastCalibration? calibration = null)
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
                WriteResult(writer, scenario, results[i], staged?[i], calibration);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write('\n');
    }

    /// <summary>Writes one model's result as a JSON object (also used by other reports).</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result) => WriteResult(writer, scenario, result, null);

    /// <summary>Writes one model's result, with its stages when <paramref name="staged"/> is given.</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result, StagedResult? staged) => WriteResult(writer, scenario, result, staged, null);

    /// <summary>Writes one model's result, with its stages when <paramref name="staged"/> is given and its calibrated intervals when <paramref name="calibration"/> calibrates it.</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result, StagedResult? staged, ForecastCalibration? calibration)
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

        var entry = calibration?.Entries.GetValueOrDefault(result.Model.Id);
        if (entry is not null)
        {
            writer.WriteStartObject("calibration");
            writer.WriteString("file", calibration!.FileName);
            writer.WriteString("dataset", calibration.Calibration.Dataset);
            writer.WriteString("mode", entry.Mode);
            writer.WriteString("scale", entry.Conformal.Scale.ToString());
            writer.WriteNumber("n", entry.Conformal.Count);
            writer.WriteString("label", calibration.Calibration.Label(entry));
            writer.WriteEndObject();
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

            if (entry is not null && issue is not null)
            {
                writer.WriteStartArray("calibrated_intervals");
                foreach (var interval in entry.IntervalsFor(scenario, issue, forecast.Forecast))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("level", interval.Level);
                    writer.WriteNumber("low", interval.Low);
                    writer.WriteNumber("high", interval.High);
                    writer.WriteNumber("held_out_coverage", Math.Round(interval.HeldOutCoverage, 4, MidpointRounding.AwayFromZero));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
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
