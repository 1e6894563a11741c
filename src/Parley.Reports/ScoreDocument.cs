using System.Globalization;
using System.Text.Json;
using Parley.Core.Scoring;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley score --json</c>, and the result a saved score run stores:
/// <c>{"scenarios": [{"scenario", "title", "question", "date", "horizon", "forecasts_from", "seed",
/// "models": [{"model", "name", "citation", "draws", "summary", "issues": [{"id", "name", "forecast",
/// "intervals", "observed", "observed_on", "absolute_error", "crps", "sorted_draws"}]}], "not_scored"}]}</c>.
/// Only what was computed from the inputs (no timings), so the same inputs and seed give the same
/// bytes. Documented in <c>docs/json-output.md</c>.
/// </summary>
public static class ScoreDocument
{
    /// <summary>The document for <paramref name="cards"/>.</summary>
    public static string ToJson(IReadOnlyList<ScenarioScoreCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return ReportJson.Document(writer =>
        {
            writer.WriteStartArray("scenarios");
            foreach (var card in cards)
            {
                WriteScenario(writer, card);
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteScenario(Utf8JsonWriter writer, ScenarioScoreCard card)
    {
        var scenario = card.Scenario;
        writer.WriteStartObject();
        writer.WriteString("scenario", scenario.Id);
        writer.WriteString("title", scenario.Title);
        WriteOptional(writer, "question", scenario.Question);
        WriteOptional(writer, "date", scenario.Date);
        WriteOptional(writer, "horizon", scenario.Horizon);
        WriteOrigin(writer, card.Origin);
        if (!card.Origin.IsStored)
        {
            writer.WriteNumber("seed", card.Seed);
        }

        writer.WriteStartArray("models");
        foreach (var model in card.Models)
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.ModelId);
            writer.WriteString("name", model.Name);
            writer.WriteString("citation", model.Citation);
            writer.WriteNumber("draws", model.Draws);
            WriteSummary(writer, model.Summary);
            writer.WriteStartArray("issues");
            foreach (var issue in model.Issues)
            {
                WriteIssue(writer, card, issue);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("not_scored");
        foreach (var unscored in card.NotScored)
        {
            writer.WriteStartObject();
            writer.WriteString("id", unscored.IssueId);
            writer.WriteString("reason", unscored.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter writer, ForecastOrigin origin)
    {
        writer.WriteStartObject("forecasts_from");
        writer.WriteString("kind", origin.IsStored ? "stored" : "fresh");
        if (origin.RunId is { } run)
        {
            writer.WriteNumber("run", run);
        }

        WriteOptional(writer, "command", origin.Command);
        if (origin.RecordedAt is { } recorded)
        {
            writer.WriteString("recorded_at", recorded.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        WriteOptional(writer, "scenario_version", origin.ScenarioVersion);
        if (!origin.Notes.IsEmpty)
        {
            writer.WriteStartArray("notes");
            foreach (var note in origin.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, ScoreSummary summary)
    {
        writer.WriteStartObject("summary");
        writer.WriteNumber("n", summary.Count);
        if (summary.Count > 0)
        {
            writer.WriteNumber("mae", summary.MeanAbsoluteError);
        }

        writer.WriteNumber("crps_n", summary.CrpsCount);
        if (summary.MeanCrps is { } crps)
        {
            writer.WriteNumber("mean_crps", crps);
        }

        writer.WriteStartArray("coverage");
        foreach (var coverage in summary.Coverage)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", coverage.Level);
            writer.WriteNumber("inside", coverage.Inside);
            writer.WriteNumber("n", coverage.Count);
            writer.WriteNumber("share", coverage.Share);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter writer, ScenarioScoreCard card, ScoredIssue issue)
    {
        writer.WriteStartObject();
        writer.WriteString("id", issue.IssueId);
        if (card.Scenario.FindIssue(issue.IssueId) is { } known)
        {
            writer.WriteString("name", known.Name);
        }

        writer.WriteNumber("forecast", issue.Forecast);
        if (!issue.Intervals.IsEmpty)
        {
            writer.WriteStartArray("intervals");
            foreach (var interval in issue.Intervals)
            {
                writer.WriteStartObject();
                writer.WriteNumber("level", interval.Level);
                writer.WriteNumber("lower", interval.Lower);
                writer.WriteNumber("upper", interval.Upper);
                if (issue.Observed is { } observed)
                {
                    writer.WriteBoolean("inside", interval.Contains(observed));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (issue.Score is { } score)
        {
            writer.WriteNumber("observed", score.Observed);
            WriteOptional(writer, "observed_on", issue.ObservedOn);
            writer.WriteNumber("absolute_error", score.AbsoluteError);
            if (score.Crps is { } crps)
            {
                writer.WriteNumber("crps", crps);
            }
        }

        if (!issue.SortedDraws.IsEmpty)
        {
            writer.WriteStartArray("sorted_draws");
            foreach (var draw in issue.SortedDraws)
            {
                writer.WriteNumberValue(draw);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
