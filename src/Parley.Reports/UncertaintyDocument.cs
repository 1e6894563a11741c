using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Uncertainty;

namespace Parley.Reports;

/// <summary>
/// The JSON documents of <c>parley montecarlo --json</c> and <c>parley sensitivity --json</c>.
/// They hold only what the run computed from its inputs (no timings, no thread count), so the
/// same scenario, model, seed and draws give byte-identical documents on any machine load or
/// thread count. Documented in <c>docs/uncertainty.md</c>.
/// </summary>
public static class UncertaintyDocument
{
    /// <summary>
    /// <c>{"scenario", "title", "model", "name", "citation", "seed", "draws_requested", "draws", "partial",
    /// "spread", "issues": [{"issue_id", "name", "min", "max", "estimate", "mean", "standard_deviation", "min_drawn",
    /// "max_drawn", "quantiles", "quantile_precision", "histogram"}], "rounds", "inputs"}</c>.
    /// </summary>
    public static string ToJson(Scenario scenario, MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        return ReportJson.Document(writer =>
        {
            WriteHeader(writer, scenario, result.Model, result.Seed, result.Spread);
            writer.WriteNumber("draws_requested", result.DrawsRequested);
            writer.WriteNumber("draws", result.Draws);
            writer.WriteBoolean("partial", result.Partial);
            writer.WriteStartArray("issues");
            foreach (var distribution in result.Issues)
            {
                writer.WriteStartObject();
                WriteIssue(writer, scenario, distribution.IssueId);
                writer.WriteNumber("estimate", distribution.Estimate);
                writer.WriteNumber("mean", distribution.Mean);
                writer.WriteNumber("standard_deviation", distribution.StandardDeviation);
                writer.WriteNumber("min_drawn", distribution.Min);
                writer.WriteNumber("max_drawn", distribution.Max);
                writer.WritePropertyName("quantiles");
                ReportJson.WriteValue(writer, distribution.Quantiles);
                writer.WriteNumber("quantile_precision", distribution.QuantilePrecision);
                writer.WritePropertyName("histogram");
                ReportJson.WriteValue(writer, distribution.Histogram);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (result.Rounds is { } rounds)
            {
                writer.WritePropertyName("rounds");
                ReportJson.WriteValue(writer, rounds);
            }

            writer.WritePropertyName("inputs");
            ReportJson.WriteValue(writer, result.Inputs);
        });
    }

    /// <summary>
    /// <c>{"scenario", "title", "model", "name", "citation", "seed", "spread", "draws", "partial",
    /// "issues": [{"issue_id", "name", "min", "max", "estimate", "bars": [{"input", "forecast_at_low",
    /// "forecast_at_high", "swing", "rank_correlation"}]}]}</c>; bars most influential first.
    /// </summary>
    public static string ToJson(Scenario scenario, SensitivityResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        return ReportJson.Document(writer =>
        {
            WriteHeader(writer, scenario, result.Model, result.Seed, result.Spread);
            writer.WriteNumber("draws", result.Draws);
            writer.WriteBoolean("partial", result.Partial);
            writer.WriteStartArray("issues");
            foreach (var issue in result.Issues)
            {
                writer.WriteStartObject();
                WriteIssue(writer, scenario, issue.IssueId);
                writer.WriteNumber("estimate", issue.Estimate);
                writer.WritePropertyName("bars");
                ReportJson.WriteValue(writer, issue.Bars);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }


    private static void WriteHeader(Utf8JsonWriter writer, Scenario scenario, Core.Models.ModelInfo model, ulong seed, DefaultSpread spread)
    {
        writer.WriteString("scenario", scenario.Id);
        writer.WriteString("title", scenario.Title);
        writer.WriteString("model", model.Id);
        writer.WriteString("name", model.Name);
        writer.WriteString("citation", model.Citation);
        writer.WriteNumber("seed", seed);
        writer.WriteStartObject("spread");
        writer.WriteNumber("position", spread.Position);
        writer.WriteNumber("salience", spread.Salience);
        writer.WriteNumber("capability", spread.Capability);
        writer.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter writer, Scenario scenario, string issueId)
    {
        writer.WriteString("issue_id", issueId);
        if (scenario.FindIssue(issueId) is { } issue)
        {
            writer.WriteString("name", issue.Name);
            writer.WriteNumber("min", issue.ScaleMin);
            writer.WriteNumber("max", issue.ScaleMax);
        }
    }
}
