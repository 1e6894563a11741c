using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

public sealed class SmpCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-smp-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static long Count(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [ReferenceFact]
    public void Forecast_KtabCsvWithDb_RecordsEveryTurnOfTheRun()
    {
        var db = Path.Combine(folder, "run.sqlite");

        var (exitCode, output, error) = CliRunner.Run("forecast", ReferenceData.PathOf("ktab/dummyData_3Dim.csv"), "--model", "smp", "--db", db);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.EndsWith($"Recorded SMP run DummyData_3Dim#1 in {db}{Environment.NewLine}", output, StringComparison.Ordinal);
        Assert.Equal(1, Count(db, "SELECT COUNT(*) FROM ScenarioDesc WHERE Turns = 10 AND Converged = 1 AND VotingRule = 'Prop'"));
        Assert.Equal(7, Count(db, "SELECT COUNT(*) FROM ActorDescription"));
        Assert.Equal(3, Count(db, "SELECT COUNT(*) FROM DimensionDescription"));
        Assert.Equal(11 * 7 * 3, Count(db, "SELECT COUNT(*) FROM VectorPosition"));
        Assert.Equal(11 * 7, Count(db, "SELECT COUNT(*) FROM PosProb"));
        Assert.Equal(1, Count(db, "SELECT COUNT(*) FROM PosProb WHERE Turn_t = 10 AND Act_i = 5 AND ABS(Prob - 0.4009) < 0.00005"));
        Assert.Equal(1, Count(db, "SELECT COUNT(*) FROM VectorPosition WHERE Turn_t = 0 AND Act_i = 0 AND Dim_k = 1 AND ABS(Pos_Coord - 0.0637) < 1e-12"));
    }

    [ReferenceFact]
    public void Forecast_KtabCsv_ListsTheDistinctFinalPositionsWithTheirProbabilities()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", ReferenceData.PathOf("ktab/dummyData_3Dim.csv"), "--model", "smp");

        Assert.Equal(0, exitCode);
        Assert.Contains("smp: distinct final positions, most probable first", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        var top = lines.First(l => l.Contains("0.4009", StringComparison.Ordinal));
        Assert.Contains("79.9", top, StringComparison.Ordinal);
        Assert.Contains("SActor-05", top, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("0.3340", StringComparison.Ordinal) && l.Contains("SActor-00, SActor-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Forecast_DbTwice_AppendsASecondRunAndKeepsTheFirst()
    {
        var db = Path.Combine(folder, "twice.sqlite");

        Assert.Equal(0, CliRunner.Run("forecast", "--model", "smp", "--db", db, "--json").ExitCode);
        var (exitCode, output, _) = CliRunner.Run("forecast", "--model", "smp", "--db", db, "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(2, Count(db, "SELECT COUNT(*) FROM ScenarioDesc"));
        Assert.Equal(Count(db, "SELECT COUNT(*) FROM PosProb WHERE ScenarioId LIKE '%#1'"), Count(db, "SELECT COUNT(*) FROM PosProb WHERE ScenarioId LIKE '%#2'"));
    }

    [Fact]
    public void Forecast_DbWithoutSmp_ExitsTwoAndWritesNothing()
    {
        var db = Path.Combine(folder, "none.sqlite");

        var (exitCode, _, error) = CliRunner.Run("forecast", "--model", "median", "--db", db);

        Assert.Equal(2, exitCode);
        Assert.Equal("parley: --db records SMP runs; add --model smp (or --model all)" + Environment.NewLine, error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Forecast_DbWithStages_ExitsTwoAndWritesNothing()
    {
        var db = Path.Combine(folder, "staged.sqlite");

        var (exitCode, _, error) = CliRunner.Run("forecast", "--model", "smp", "--stages", "--db", db);

        Assert.Equal(2, exitCode);
        Assert.Equal("parley: --db records whole SMP runs; drop --stages to record one" + Environment.NewLine, error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Forecast_DbOnANonDatabaseFile_ExitsTwoAndLeavesTheFileAlone()
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllText(path, "my notes, not a database\n");

        var (exitCode, _, error) = CliRunner.Run("forecast", "--model", "smp", "--db", path);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"parley: cannot record the run: {path} is not an SQLite database, not a Parley store; nothing was written to it", error, StringComparison.Ordinal);
        Assert.Equal("my notes, not a database\n", File.ReadAllText(path));
    }

    [Fact]
    public void Forecast_SmpTraceJson_HasPositionsPerRound()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--model", "smp", "--trace", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecast = Assert.Single(document.RootElement.GetProperty("forecasts").EnumerateArray());
        var rounds = forecast.GetProperty("rounds").EnumerateArray().ToList();
        Assert.NotEmpty(rounds);
        var positions = rounds[0].GetProperty("positions");
        var issues = forecast.GetProperty("issues").GetArrayLength();
        Assert.All(positions.EnumerateObject(), p => Assert.Equal(issues, p.Value.GetArrayLength()));
        Assert.True(rounds[0].TryGetProperty("challenges", out _));
        Assert.True(rounds[0].TryGetProperty("bargains", out _));
    }

    [ReferenceFact]
    public void Forecast_KtabXmlWithBrokenCoordinate_ExitsTwoWithLocatedMessage()
    {
        var path = ReferenceData.PathOf("ktab/smpExample.xml");

        var (exitCode, _, error) = CliRunner.Run("forecast", path, "--model", "smp");

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:32:9: <dCoord> is empty; give the position as a number", error, StringComparison.Ordinal);
    }
}
