using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Parley.Core.Scoring;

namespace Parley.Application;

/// <summary>
/// Reads the forecasts back from a recorded run's result document, as they were stored: a
/// <c>score</c> run (forecasts, intervals and every draw: scored in full), a <c>forecast</c> run
/// (point forecasts: absolute error only) or a <c>montecarlo</c> run (one model; its document keeps
/// the 5, 25, 75 and 95 % quantiles, so the 50 % and 90 % intervals, but not the draws: no CRPS).
/// </summary>
internal static class StoredForecasts
{
    /// <summary>The commands whose runs hold forecasts that can be scored.</summary>
    public static readonly ImmutableArray<string> Commands = ["score", "forecast", "montecarlo"];

    /// <summary>
    /// The forecasts of <paramref name="scenarioId"/> in a run of <paramref name="command"/> whose
    /// result is <paramref name="document"/>, without scores; or the reason they cannot be read.
    /// </summary>
    public static (ImmutableArray<ModelScoreCard> Forecasts, string? Error) Read(string command, string document, string scenarioId)
    {
        if (!Commands.Contains(command))
        {
            // Checked before the document is read: a report run's result is an HTML page, not JSON.
            return ([], $"a {command} run holds no forecasts to score; score a run of {string.Join(", ", Commands)}");
        }

        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            return command switch
            {
                "score" => FromScoreDocument(root, scenarioId),
                "forecast" => (FromForecastDocument(root), null),
                "montecarlo" => ([FromMonteCarloDocument(root)], null),
                _ => ([], $"a {command} run holds no forecasts to score; score a run of {string.Join(", ", Commands)}"),
            };
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return ([], $"its result document cannot be read as forecasts ({error.Message.TrimEnd('.')}); the store is damaged or the run was written by another Parley version");
        }
    }

    private static (ImmutableArray<ModelScoreCard>, string?) FromScoreDocument(JsonElement root, string scenarioId)
    {
        foreach (var scenario in root.GetProperty("scenarios").EnumerateArray())
        {
            if (scenario.GetProperty("scenario").GetString() != scenarioId)
            {
                continue;
            }

            var models = scenario.GetProperty("models").EnumerateArray().Select(model => Card(model, model.GetProperty("draws").GetInt32(), model.GetProperty("issues").EnumerateArray().Select(issue => new ScoredIssue
            {
                IssueId = issue.GetProperty("id").GetString()!,
                Forecast = issue.GetProperty("forecast").GetDouble(),
                Draws = model.GetProperty("draws").GetInt32(),
                Intervals = issue.TryGetProperty("intervals", out var intervals)
                    ? [.. intervals.EnumerateArray().Select(i => new CentralInterval(i.GetProperty("level").GetDouble(), i.GetProperty("lower").GetDouble(), i.GetProperty("upper").GetDouble()))]
                    : [],
                SortedDraws = issue.TryGetProperty("sorted_draws", out var draws) ? [.. draws.EnumerateArray().Select(d => d.GetDouble())] : [],
            })));
            return ([.. models], null);
        }

        return ([], $"it scored no scenario '{scenarioId}'");
    }

    private static ImmutableArray<ModelScoreCard> FromForecastDocument(JsonElement root) =>
        [.. root.GetProperty("forecasts").EnumerateArray().Select(model => Card(model, 0, model.GetProperty("issues").EnumerateArray().Select(issue => new ScoredIssue
        {
            IssueId = issue.GetProperty("id").GetString()!,
            Forecast = issue.GetProperty("forecast").GetDouble(),
        })))];

    private static ModelScoreCard FromMonteCarloDocument(JsonElement root)
    {
        var draws = root.GetProperty("draws").GetInt32();
        return Card(root, draws, root.GetProperty("issues").EnumerateArray().Select(issue =>
        {
            var quantiles = issue.GetProperty("quantiles").EnumerateArray()
                .ToDictionary(q => q.GetProperty("probability").GetDouble().ToString("R", CultureInfo.InvariantCulture), q => q.GetProperty("value").GetDouble(), StringComparer.Ordinal);
            var intervals = CentralInterval.StandardLevels
                .Select(level => (Level: level, Low: Format((1 - level) / 2), High: Format((1 + level) / 2)))
                .Where(x => quantiles.ContainsKey(x.Low) && quantiles.ContainsKey(x.High))
                .Select(x => new CentralInterval(x.Level, quantiles[x.Low], quantiles[x.High]));
            return new ScoredIssue
            {
                IssueId = issue.GetProperty("issue_id").GetString()!,
                Forecast = issue.GetProperty("estimate").GetDouble(),
                Draws = draws,
                Intervals = [.. intervals],
            };
        }));
    }

    private static string Format(double probability) => Math.Round(probability, 10).ToString("R", CultureInfo.InvariantCulture);

    private static ModelScoreCard Card(JsonElement model, int draws, IEnumerable<ScoredIssue> issues) => new()
    {
        ModelId = model.GetProperty("model").GetString()!,
        Name = model.GetProperty("name").GetString()!,
        Citation = model.GetProperty("citation").GetString()!,
        Draws = draws,
        Issues = [.. issues],
    };
}
