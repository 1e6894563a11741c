using System.Data.Common;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Storage;

/// <summary>
/// Writes SMP runs to the store's KTAB-style tables (<c>ScenarioDesc</c>, <c>ActorDescription</c>,
/// <c>DimensionDescription</c>, <c>SpatialCapability</c>, <c>SpatialSalience</c>, <c>VectorPosition</c>,
/// <c>PosProb</c>), so that users of KTAB's viewer find the data where they expect it. The schema is
/// documented in <c>docs/models/smp.md</c>; <see cref="ParleyStore.RecordSmpRun"/> calls this.
/// </summary>
/// <remarks>
/// Each run is one more <c>ScenarioId</c> (<c>scenario#n</c>), never a change to earlier runs.
/// Coordinates are stored on the unit scale as KTAB stores them (<c>(position − min) / (max − min)</c>);
/// <c>DimensionDescription</c> keeps each issue's scale.
/// </remarks>
internal static class SmpDatabase
{
    /// <summary>
    /// Appends the SMP run <paramref name="result"/> of <paramref name="scenario"/> inside
    /// <paramref name="transaction"/> and returns the run's <c>ScenarioId</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not an SMP run.</exception>
    public static string Write(DbConnection connection, DbTransaction transaction, Scenario scenario, ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Details is not SmpDetails details)
        {
            throw new ArgumentException("The KTAB tables record SMP runs; this result has no SMP details.", nameof(result));
        }

        long runs;
        using (var count = ParleyStore.Command(connection, transaction, "SELECT COUNT(*) FROM \"ScenarioDesc\" WHERE \"Scenario\" = @s", ("@s", scenario.Id)))
        {
            runs = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var scenarioId = string.Create(CultureInfo.InvariantCulture, $"{scenario.Id}#{runs + 1}");
        var parameters = details.Parameters;
        using (var insert = ParleyStore.Command(connection, transaction,
            "INSERT INTO \"ScenarioDesc\" VALUES (@id, @name, @desc, @model, @turns, @converged, @vpm, @pce, @stm, @vr, @ra, @rr, @tpc, @ivb, @bm)",
            ("@id", scenarioId), ("@name", scenario.Id), ("@desc", scenario.Description ?? scenario.Title), ("@model", result.Model.Id),
            ("@turns", result.RoundsRun), ("@converged", result.Converged == true ? 1 : 0),
            ("@vpm", parameters[SmpParameters.VictoryProbModelName]), ("@pce", parameters[SmpParameters.PceModelName]),
            ("@stm", parameters[SmpParameters.StateTransitionsName]), ("@vr", parameters[SmpParameters.VotingRuleName]),
            ("@ra", parameters[SmpParameters.BigRAdjustName]), ("@rr", parameters[SmpParameters.BigRRangeName]),
            ("@tpc", parameters[SmpParameters.ThirdPartyCommitName]), ("@ivb", parameters[SmpParameters.InterVecBrgnName]),
            ("@bm", parameters[SmpParameters.BargnModelName])))
        {
            insert.ExecuteNonQuery();
        }

        var issues = details.Dimensions.Select(id => scenario.FindIssue(id)!).ToList();
        var actors = scenario.Actors;
        using (var insert = Prepare(connection, transaction, "INSERT INTO \"ActorDescription\" VALUES (@id, @a, @name, @desc)", "@id", "@a", "@name", "@desc"))
        {
            for (var a = 0; a < actors.Length; a++)
            {
                Run(insert, scenarioId, a, actors[a].Id, actors[a].Description ?? actors[a].Name);
            }
        }

        using (var insert = Prepare(connection, transaction, "INSERT INTO \"DimensionDescription\" VALUES (@id, @k, @name, @min, @max)", "@id", "@k", "@name", "@min", "@max"))
        {
            for (var k = 0; k < issues.Count; k++)
            {
                Run(insert, scenarioId, k, issues[k].Id, issues[k].ScaleMin, issues[k].ScaleMax);
            }
        }

        using (var capability = Prepare(connection, transaction, "INSERT INTO \"SpatialCapability\" VALUES (@id, 0, @a, @cap)", "@id", "@a", "@cap"))
        using (var salience = Prepare(connection, transaction, "INSERT INTO \"SpatialSalience\" VALUES (@id, 0, @a, @k, @sal)", "@id", "@a", "@k", "@sal"))
        {
            for (var a = 0; a < actors.Length; a++)
            {
                Run(capability, scenarioId, a, actors[a].Capability ?? 1.0);
                for (var k = 0; k < issues.Count; k++)
                {
                    Run(salience, scenarioId, a, k, scenario.FindStance(actors[a].Id, issues[k].Id)?.Salience ?? 0.0);
                }
            }
        }

        using (var position = Prepare(connection, transaction, "INSERT INTO \"VectorPosition\" VALUES (@id, @t, @a, @k, @x)", "@id", "@t", "@a", "@k", "@x"))
        using (var probability = Prepare(connection, transaction, "INSERT INTO \"PosProb\" VALUES (@id, @t, @a, @u, @p)", "@id", "@t", "@a", "@u", "@p"))
        {
            foreach (var state in details.History)
            {
                var uniqueOf = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var u = 0; u < state.UniquePositions.Length; u++)
                {
                    foreach (var holder in state.UniquePositions[u].Actors)
                    {
                        uniqueOf[holder] = u;
                    }
                }

                for (var a = 0; a < actors.Length; a++)
                {
                    var coordinates = state.Positions[actors[a].Id];
                    for (var k = 0; k < issues.Count; k++)
                    {
                        Run(position, scenarioId, state.Turn, a, k, (coordinates[k] - issues[k].ScaleMin) / issues[k].ScaleWidth);
                    }

                    Run(probability, scenarioId, state.Turn, a, uniqueOf[actors[a].Id], state.Probabilities[actors[a].Id]);
                }
            }
        }

        return scenarioId;
    }

    /// <summary>An insert run once per row, whose parameters <see cref="Run"/> fills in order (SQLite reuses its compiled statement).</summary>
    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] names) =>
        ParleyStore.Command(connection, transaction, sql, [.. names.Select(name => (name, (object?)null))]);

    private static void Run(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
