using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Influence;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley influence --json</c>:
/// <c>{"scenario", "title", "model", "shift", "search", "search_inputs", "search_precision", "players", "runs", "shapley_samples", "shapley_control", "issues": [{"id", "forecast", "reference",
/// "shapley_exact", "actors": [{"id", "shapley", "shapley_standard_error", "absence_shift", "smallest_change", "changes": [{"input", "from", "to", "unmoved", "forecast", "relative_size", …}]}]}]}</c>;
/// actors are ranked as in the table, each actor's changes ordered by relative size. <c>shapley_standard_error</c>
/// is present only for sampled Shapley values (<c>shapley_exact</c> false, from <c>shapley_samples</c> orders, with the
/// weighted-mean control variate when <c>shapley_control</c>; see <see cref="InfluenceOptions.ShapleyControl"/>): the estimate's standard error
/// (<see cref="ActorInfluence.ShapleyStandardError"/>), <c>null</c> when a single order was sampled. <c>search</c> is
/// false when the smallest changes were not searched (<c>--no-search</c>): every <c>changes</c> is then empty without
/// saying that no change moves the forecast; <c>search_inputs</c> names the inputs searched (<c>--inputs</c>), whose
/// changes alone an actor's <c>changes</c> can hold. <c>smallest_change</c> is the table's words for the actor's
/// smallest change (<see cref="ActorInfluence.DescribeSmallestChange"/>: "none within range", or e.g. "salience 0.6 -> 0.84 (+0.24)"),
/// absent when the search was off. <c>search_precision</c>
/// is the smallest-change search's relative precision (<see cref="InfluenceOptions.SearchPrecision"/>):
/// each change's threshold lies between <c>unmoved</c> (tried, did not move the forecast enough) and
/// <c>to</c> (tried, moves it), a bracket no wider than that share of <c>|to − from|</c> unless the
/// change is knife-edge.
/// </summary>
public static class InfluenceDocument
{
    /// <summary>The document for <paramref name="result"/> on <paramref name="scenario"/>.</summary>
    public static string ToJson(Scenario scenario, InfluenceResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        return ReportJson.Document(writer =>
        {
            writer.WriteString("scenario", scenario.Id);
            writer.WriteString("title", scenario.Title);
            writer.WriteString("model", result.Model.Id);
            writer.WriteNumber("shift", result.Options.Shift);
            writer.WriteBoolean("search", result.Options.SearchSmallestChange);
            writer.WriteStartArray("search_inputs");
            foreach (var input in result.Options.SearchedInputs)
            {
                writer.WriteStringValue(input);
            }

            writer.WriteEndArray();
            writer.WriteNumber("search_precision", result.Options.SearchPrecision);
            writer.WriteNumber("players", result.Players);
            writer.WriteNumber("runs", result.Runs);
            writer.WriteNumber("shapley_samples", result.Options.Permutations);
            writer.WriteBoolean("shapley_control", result.Options.ShapleyControl);
            writer.WriteStartArray("issues");
            foreach (var issue in result.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("id", issue.IssueId);
                writer.WriteNumber("forecast", issue.Forecast);
                writer.WriteNumber("reference", issue.Reference);
                writer.WriteBoolean("shapley_exact", issue.ShapleyExact);
                writer.WriteStartArray("actors");
                foreach (var actor in issue.Actors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", actor.ActorId);
                    writer.WriteNumber("shapley", actor.Shapley);
                    if (actor.ShapleyStandardError is { } standardError)
                    {
                        writer.WritePropertyName("shapley_standard_error");
                        if (double.IsFinite(standardError))
                        {
                            writer.WriteNumberValue(standardError);
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }
                    }

                    writer.WriteNumber("absence_shift", actor.AbsenceShift);
                    if (result.Options.SearchSmallestChange)
                    {
                        writer.WriteString("smallest_change", actor.DescribeSmallestChange());
                    }

                    writer.WriteStartArray("changes");
                    foreach (var change in actor.Changes.OrderBy(c => c.RelativeSize))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("input", change.Input);
                        writer.WriteNumber("from", change.From);
                        writer.WriteNumber("to", change.To);
                        writer.WriteNumber("unmoved", change.Unmoved);
                        writer.WriteNumber("forecast", change.Forecast);
                        writer.WriteNumber("relative_size", change.RelativeSize);
                        writer.WriteNumber("plausible_low", change.PlausibleLow);
                        writer.WriteNumber("plausible_high", change.PlausibleHigh);
                        writer.WriteBoolean("plausible", change.IsPlausible);
                        writer.WriteBoolean("knife_edge", change.IsKnifeEdge);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }
}
