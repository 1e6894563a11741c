using System.Text;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley forecast --json</c>:
/// <c>{"scenario", "title", "forecasts": [{"model", "name", "citation", "rounds_run", "converged",
/// "issues": [{"id", "name", "min", "max", "forecast", "nearest_anchor", "positions"}], "rounds", "details"}]}</c>.
/// Documented in <c>docs/json-output.md</c>.
/// </summary>
public static class ForecastDocument
{
    /// <summary>The document for <paramref name="results"/> of models run on <paramref name="scenario"/>.</summary>
    public static string ToJson(Scenario scenario, IReadOnlyList<ModelResult> results)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("scenario", scenario.Id);
            writer.WriteString("title", scenario.Title);
            writer.WriteStartArray("forecasts");
            foreach (var result in results)
            {
                WriteResult(writer, scenario, result);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes one model's result as a JSON object (also used by other reports).</summary>
    public static void WriteResult(Utf8JsonWriter writer, Scenario scenario, ModelResult result)
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
            }

            writer.WriteEndArray();
        }

        if (result.Details is { } details)
        {
            writer.WritePropertyName("details");
            ReportJson.WriteValue(writer, details);
        }

        writer.WriteEndObject();
    }
}
