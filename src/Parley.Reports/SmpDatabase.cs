using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Reports;

/// <summary>
/// Writes SMP runs to an SQLite results store whose tables follow KTAB's (<c>ScenarioDesc</c>,
/// <c>ActorDescription</c>, <c>DimensionDescription</c>, <c>SpatialCapability</c>,
/// <c>SpatialSalience</c>, <c>VectorPosition</c>, <c>PosProb</c>), so that users of KTAB's
/// viewer find the data where they expect it. The schema is documented in <c>docs/models/smp.md</c>.
/// </summary>
/// <remarks>
/// A new file is created; an existing store gets one more run (its own <c>ScenarioId</c>), never
/// a change to earlier runs. Coordinates are stored on the unit scale as KTAB stores them
/// (<c>(position − min) / (max − min)</c>); <c>DimensionDescription</c> keeps each issue's scale.
/// </remarks>
public static class SmpDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ScenarioDesc (
            ScenarioId TEXT PRIMARY KEY NOT NULL, Scenario TEXT NOT NULL, Desc TEXT, Model TEXT NOT NULL,
            Turns INTEGER NOT NULL, Converged INTEGER NOT NULL,
            VictoryProbModel TEXT, PCEModel TEXT, StateTransitions TEXT, VotingRule TEXT, BigRAdjust TEXT,
            BigRRange TEXT, ThirdPartyCommit TEXT, InterVecBrgn TEXT, BargnModel TEXT);
        CREATE TABLE IF NOT EXISTS ActorDescription (
            ScenarioId TEXT NOT NULL, Act_i INTEGER NOT NULL, Name TEXT NOT NULL, Desc TEXT,
            PRIMARY KEY (ScenarioId, Act_i));
        CREATE TABLE IF NOT EXISTS DimensionDescription (
            ScenarioId TEXT NOT NULL, Dim_k INTEGER NOT NULL, Name TEXT NOT NULL, Scale_Min REAL NOT NULL, Scale_Max REAL NOT NULL,
            PRIMARY KEY (ScenarioId, Dim_k));
        CREATE TABLE IF NOT EXISTS SpatialCapability (
            ScenarioId TEXT NOT NULL, Turn_t INTEGER NOT NULL, Act_i INTEGER NOT NULL, Cap REAL NOT NULL,
            PRIMARY KEY (ScenarioId, Turn_t, Act_i));
        CREATE TABLE IF NOT EXISTS SpatialSalience (
            ScenarioId TEXT NOT NULL, Turn_t INTEGER NOT NULL, Act_i INTEGER NOT NULL, Dim_k INTEGER NOT NULL, Sal REAL NOT NULL,
            PRIMARY KEY (ScenarioId, Turn_t, Act_i, Dim_k));
        CREATE TABLE IF NOT EXISTS VectorPosition (
            ScenarioId TEXT NOT NULL, Turn_t INTEGER NOT NULL, Act_i INTEGER NOT NULL, Dim_k INTEGER NOT NULL, Pos_Coord REAL NOT NULL,
            PRIMARY KEY (ScenarioId, Turn_t, Act_i, Dim_k));
        CREATE TABLE IF NOT EXISTS PosProb (
            ScenarioId TEXT NOT NULL, Turn_t INTEGER NOT NULL, Act_i INTEGER NOT NULL, Pos_u INTEGER NOT NULL, Prob REAL NOT NULL,
            PRIMARY KEY (ScenarioId, Turn_t, Act_i));
        """;

    /// <summary>
    /// Appends the SMP run <paramref name="result"/> of <paramref name="scenario"/> to the store at
    /// <paramref name="path"/> (created if absent) and returns the run's <c>ScenarioId</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not an SMP run.</exception>
    /// <exception cref="SqliteException">The file is not an SQLite database, or not one of Parley's.</exception>
    public static string Write(string path, Scenario scenario, ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Details is not SmpDetails details)
        {
            throw new ArgumentException("The --db store records SMP runs; this result has no SMP details.", nameof(result));
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, Schema);

        var runs = Scalar(connection, transaction, "SELECT COUNT(*) FROM ScenarioDesc WHERE Scenario = $s", ("$s", scenario.Id));
        var scenarioId = string.Create(CultureInfo.InvariantCulture, $"{scenario.Id}#{runs + 1}");
        var parameters = details.Parameters;
        Execute(connection, transaction,
            "INSERT INTO ScenarioDesc VALUES ($id, $name, $desc, $model, $turns, $converged, $vpm, $pce, $stm, $vr, $ra, $rr, $tpc, $ivb, $bm)",
            ("$id", scenarioId), ("$name", scenario.Id), ("$desc", scenario.Description ?? scenario.Title), ("$model", result.Model.Id),
            ("$turns", result.RoundsRun), ("$converged", result.Converged == true ? 1 : 0),
            ("$vpm", parameters[SmpParameters.VictoryProbModelName]), ("$pce", parameters[SmpParameters.PceModelName]),
            ("$stm", parameters[SmpParameters.StateTransitionsName]), ("$vr", parameters[SmpParameters.VotingRuleName]),
            ("$ra", parameters[SmpParameters.BigRAdjustName]), ("$rr", parameters[SmpParameters.BigRRangeName]),
            ("$tpc", parameters[SmpParameters.ThirdPartyCommitName]), ("$ivb", parameters[SmpParameters.InterVecBrgnName]),
            ("$bm", parameters[SmpParameters.BargnModelName]));

        var issues = details.Dimensions.Select(id => scenario.FindIssue(id)!).ToList();
        // The run's actors: those the SMP bargained with (actors without any stance take no part).
        var actors = scenario.Actors.Where(a => details.History[0].Positions.ContainsKey(a.Id)).ToImmutableArray();
        using (var insert = Prepare(connection, transaction, "INSERT INTO ActorDescription VALUES ($id, $a, $name, $desc)", "$id", "$a", "$name", "$desc"))
        {
            for (var a = 0; a < actors.Length; a++)
            {
                Run(insert, scenarioId, a, actors[a].Id, actors[a].Description ?? actors[a].Name);
            }
        }

        using (var insert = Prepare(connection, transaction, "INSERT INTO DimensionDescription VALUES ($id, $k, $name, $min, $max)", "$id", "$k", "$name", "$min", "$max"))
        {
            for (var k = 0; k < issues.Count; k++)
            {
                Run(insert, scenarioId, k, issues[k].Id, issues[k].ScaleMin, issues[k].ScaleMax);
            }
        }

        using (var capability = Prepare(connection, transaction, "INSERT INTO SpatialCapability VALUES ($id, 0, $a, $cap)", "$id", "$a", "$cap"))
        using (var salience = Prepare(connection, transaction, "INSERT INTO SpatialSalience VALUES ($id, 0, $a, $k, $sal)", "$id", "$a", "$k", "$sal"))
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

        using (var position = Prepare(connection, transaction, "INSERT INTO VectorPosition VALUES ($id, $t, $a, $k, $x)", "$id", "$t", "$a", "$k", "$x"))
        using (var probability = Prepare(connection, transaction, "INSERT INTO PosProb VALUES ($id, $t, $a, $u, $p)", "$id", "$t", "$a", "$u", "$p"))
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

        transaction.Commit();
        return scenarioId;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value) value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue(value.Name, value.Value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
