using System.Collections.Immutable;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Uncertainty;

namespace Parley.Reports;

/// <summary>
/// Reads the analysis documents this project writes (<see cref="UncertaintyDocument"/>, <see cref="InfluenceDocument"/>)
/// back into their results, so that a stored run's charts are drawn from what it computed, without running it
/// again (the workbench shows a 20 s influence analysis in an instant). Numbers come back bit for bit (the writer
/// writes each double in its shortest round-trip form), so the charts are those of the run itself; what the
/// documents leave out (each draw, the model's summary, the influence options the charts do not read) stays empty.
/// </summary>
public static class AnalysisDocuments
{
    /// <summary>The Monte Carlo result of a <c>parley montecarlo --json</c> document.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static MonteCarloResult ReadMonteCarlo(string json) => Read(json, root => new MonteCarloResult
    {
        Model = Model(root),
        ScenarioId = Text(root, "scenario"),
        Seed = root.GetProperty("seed").GetUInt64(),
        DrawsRequested = root.GetProperty("draws_requested").GetInt32(),
        Draws = root.GetProperty("draws").GetInt32(),
        Partial = root.GetProperty("partial").GetBoolean(),
        Spread = Spread(root),
        Inputs = Parts<ImmutableArray<UncertainInput>>(root, "inputs"),
        Issues = [.. root.GetProperty("issues").EnumerateArray().Select(issue => new IssueDistribution
        {
            IssueId = Text(issue, "issue_id"),
            Estimate = issue.GetProperty("estimate").GetDouble(),
            Mean = issue.GetProperty("mean").GetDouble(),
            StandardDeviation = issue.GetProperty("standard_deviation").GetDouble(),
            Min = issue.GetProperty("min_drawn").GetDouble(),
            Max = issue.GetProperty("max_drawn").GetDouble(),
            Quantiles = Parts<ImmutableArray<QuantileEstimate>>(issue, "quantiles"),
            QuantilePrecision = issue.GetProperty("quantile_precision").GetDouble(),
            Histogram = Parts<ImmutableArray<HistogramBin>>(issue, "histogram"),
        })],
        Rounds = root.TryGetProperty("rounds", out _) ? Parts<RoundsDistribution>(root, "rounds") : null,
    });

    /// <summary>The sensitivity result of a <c>parley sensitivity --json</c> document.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static SensitivityResult ReadSensitivity(string json) => Read(json, root => new SensitivityResult
    {
        Model = Model(root),
        ScenarioId = Text(root, "scenario"),
        Seed = root.GetProperty("seed").GetUInt64(),
        Draws = root.GetProperty("draws").GetInt32(),
        Partial = root.GetProperty("partial").GetBoolean(),
        Spread = Spread(root),
        Issues = [.. root.GetProperty("issues").EnumerateArray().Select(issue => new IssueSensitivity
        {
            IssueId = Text(issue, "issue_id"),
            Estimate = issue.GetProperty("estimate").GetDouble(),
            Bars = Parts<ImmutableArray<TornadoBar>>(issue, "bars"),
        })],
    });

    /// <summary>The influence result of a <c>parley influence --json</c> document.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static InfluenceResult ReadInfluence(string json) => Read(json, root => new InfluenceResult
    {
        Model = Model(root),
        Options = InfluenceOptions.Default with
        {
            Shift = root.GetProperty("shift").GetDouble(),
            SearchSmallestChange = !root.TryGetProperty("search", out var search) || search.GetBoolean(),
            SearchedInputs = root.TryGetProperty("search_inputs", out var inputs) ? [.. inputs.EnumerateArray().Select(i => i.GetString() ?? string.Empty)] : InfluenceOptions.InputNames,
            SearchPrecision = root.GetProperty("search_precision").GetDouble(),
            Permutations = root.GetProperty("shapley_samples").GetInt32(),
            ShapleyControl = root.GetProperty("shapley_control").GetBoolean(),
        },
        Players = root.GetProperty("players").GetInt32(),
        Runs = root.GetProperty("runs").GetInt32(),
        Issues = [.. root.GetProperty("issues").EnumerateArray().Select(issue => new IssueInfluence
        {
            IssueId = Text(issue, "id"),
            Forecast = issue.GetProperty("forecast").GetDouble(),
            Reference = issue.GetProperty("reference").GetDouble(),
            ShapleyExact = issue.GetProperty("shapley_exact").GetBoolean(),
            Actors = [.. issue.GetProperty("actors").EnumerateArray().Select(actor => new ActorInfluence
            {
                ActorId = Text(actor, "id"),
                Shapley = actor.GetProperty("shapley").GetDouble(),
                ShapleyStandardError = !actor.TryGetProperty("shapley_standard_error", out var error) ? null
                    : error.ValueKind == JsonValueKind.Null ? double.NaN
                    : error.GetDouble(),
                AbsenceShift = actor.GetProperty("absence_shift").GetDouble(),
                Changes = [.. actor.GetProperty("changes").EnumerateArray().Select(change => new InputChange(
                    Text(actor, "id"),
                    Text(change, "input"),
                    change.GetProperty("from").GetDouble(),
                    change.GetProperty("to").GetDouble(),
                    change.GetProperty("forecast").GetDouble(),
                    change.GetProperty("relative_size").GetDouble())
                {
                    Unmoved = change.GetProperty("unmoved").GetDouble(),
                    PlausibleLow = change.GetProperty("plausible_low").GetDouble(),
                    PlausibleHigh = change.GetProperty("plausible_high").GetDouble(),
                })],
            })],
        })],
    });

    private static T Read<T>(string json, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        try
        {
            return read(document.RootElement);
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"not a document of this analysis: {error.Message}", error);
        }
    }

    /// <summary>The model a document names; its summary is not in the document.</summary>
    private static ModelInfo Model(JsonElement root) => new(
        Text(root, "model"),
        root.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
        root.TryGetProperty("citation", out var citation) ? citation.GetString() ?? string.Empty : string.Empty,
        string.Empty);

    private static DefaultSpread Spread(JsonElement root)
    {
        var spread = root.GetProperty("spread");
        return new DefaultSpread(spread.GetProperty("position").GetDouble(), spread.GetProperty("salience").GetDouble(), spread.GetProperty("capability").GetDouble());
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()
        ?? throw new JsonException($"'{name}' is null; a text is expected");

    /// <summary>A part the writer wrote with <see cref="ReportJson.WriteValue"/>, read with the same names.</summary>
    private static T Parts<T>(JsonElement element, string name) =>
        element.GetProperty(name).Deserialize<T>(ReportJson.SerializerOptions) ?? throw new JsonException($"'{name}' is null");
}
