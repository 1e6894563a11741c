using Microsoft.Data.Sqlite;

namespace Parley.Storage.Tests;

/// <summary>
/// Issue 12 item 10: <c>--db</c> pointed at another program's database is refused, and the
/// database is left exactly as it was; new files, empty databases and earlier Parley stores are fine.
/// </summary>
public sealed class ForeignDatabaseTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-foreign-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void OpenExisting_MissingFile_IsRefusedAndNotCreated_ThenAnOpenedStoreOpens()
    {
        var path = Path.Combine(folder, "sub", "typo.db");

        var error = Assert.Throws<StoreException>(() => ParleyStore.OpenExisting(StoreLocation.Sqlite(path)));

        Assert.Equal($"there is no Parley store at {path}: the file does not exist; check the path (--db), or record a run with --save to create the store", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        ParleyStore.Open(StoreLocation.Sqlite(path)).Dispose();
        using var existing = ParleyStore.OpenExisting(StoreLocation.Sqlite(path));
        Assert.Empty(existing.ListRuns(10, null));
    }

    [Fact]
    public void OpenExisting_Folder_IsRefusedAsOpenRefusesIt()
    {
        Assert.Equal(
            Assert.Throws<StoreException>(() => ParleyStore.Open(StoreLocation.Sqlite(folder))).Message,
            Assert.Throws<StoreException>(() => ParleyStore.OpenExisting(StoreLocation.Sqlite(folder))).Message);
    }

    [Fact]
    public void Open_AnotherProgramsSqliteFile_IsRefusedAndLeftByteForByte()
    {
        var path = Path.Combine(folder, "browser-history.sqlite");
        Sql(path, "CREATE TABLE visits (url TEXT, at TEXT); INSERT INTO visits VALUES ('https://example.org', '2025-08-15');");
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<StoreException>(() => ParleyStore.Open(StoreLocation.Sqlite(path)));

        Assert.Equal($"{path} is an SQLite database of another program (tables visits), not a Parley store; nothing was written to it. Give --db a new file name (or an existing Parley store)", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void Open_SqliteFileWithAnotherApplicationId_IsRefused()
    {
        var path = Path.Combine(folder, "other.db");
        Sql(path, "PRAGMA application_id = 1234;");
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<StoreException>(() => ParleyStore.Open(StoreLocation.Sqlite(path)));

        Assert.Contains("application_id 000004D2", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_ATextFile_IsRefusedAndLeftAlone()
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllText(path, "my notes, not a database\n");

        var error = Assert.Throws<StoreException>(() => ParleyStore.Open(StoreLocation.Sqlite(path)));

        Assert.StartsWith($"{path} is not an SQLite database, not a Parley store", error.Message, StringComparison.Ordinal);
        Assert.Equal("my notes, not a database\n", File.ReadAllText(path));
    }

    [Fact]
    public void Open_ADirectory_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => ParleyStore.Open(StoreLocation.Sqlite(folder)));

        Assert.StartsWith($"{folder} is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFileOrEmptyDatabase_BecomesAStore()
    {
        var empty = Path.Combine(folder, "empty.db");
        File.WriteAllBytes(empty, []);
        var blank = Path.Combine(folder, "blank.db");
        Sql(blank, "PRAGMA user_version = 0;");
        var nested = Path.Combine(folder, "a", "b", "new.db");

        foreach (var path in new[] { empty, blank, nested })
        {
            using (ParleyStore.Open(StoreLocation.Sqlite(path)))
            {
            }

            Assert.Equal(SqliteBackend.ApplicationId, Convert.ToInt32(Scalar(path, "PRAGMA application_id"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
        }
    }

    [Fact]
    public void Open_SmpStoreOfAnEarlierParley_IsAdoptedWithItsRuns()
    {
        var path = Path.Combine(folder, "run.sqlite");
        Sql(path, """
            CREATE TABLE ScenarioDesc (ScenarioId TEXT PRIMARY KEY NOT NULL, Scenario TEXT NOT NULL, Desc TEXT, Model TEXT NOT NULL,
                Turns INTEGER NOT NULL, Converged INTEGER NOT NULL, VictoryProbModel TEXT, PCEModel TEXT, StateTransitions TEXT,
                VotingRule TEXT, BigRAdjust TEXT, BigRRange TEXT, ThirdPartyCommit TEXT, InterVecBrgn TEXT, BargnModel TEXT);
            INSERT INTO ScenarioDesc (ScenarioId, Scenario, Model, Turns, Converged) VALUES ('alaska-2025#1', 'alaska-2025', 'smp', 4, 1);
            """);

        using (var store = ParleyStore.Open(StoreLocation.Sqlite(path)))
        {
            var scenario = TestScenarios.Alaska();
            var result = new Core.Models.Smp.SmpModel().Run(scenario, Core.Models.ModelOptions.Default with { Rounds = 2 }, CancellationToken.None);
            Assert.Equal("alaska-2025#2", store.RecordSmpRun(scenario, result));
        }

        Assert.Equal(2L, Scalar(path, "SELECT COUNT(*) FROM ScenarioDesc"));
    }

    [Theory, PostgresStore]
    public void Open_PostgresDatabaseWithOtherTables_IsRefusedAndGainsNoTable(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        test.Execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT)");

        var error = Assert.Throws<StoreException>(() => ParleyStore.Open(test.Location));

        Assert.Contains("holds other tables (customers) and no Parley store; nothing was written to it", error.Message, StringComparison.Ordinal);
        Assert.Equal(["customers"], test.Column("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"));
    }

    [Theory, PostgresStore]
    public void OpenExisting_EmptyPostgresDatabase_IsRefusedAndGainsNoTable_ThenAnOpenedStoreOpens(StoreKind kind)
    {
        using var test = TestStore.Create(kind);

        var error = Assert.Throws<StoreException>(() => ParleyStore.OpenExisting(test.Location));

        Assert.Equal(
            $"there is no Parley store at {test.Location.Display}: the database (schema public) is empty; check the database URL (--db), or record a run with --save to create the store",
            error.Message);
        Assert.Empty(test.Column("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"));
        ParleyStore.Open(test.Location).Dispose();
        using var existing = ParleyStore.OpenExisting(test.Location);
        Assert.Empty(existing.ListRuns(10, null));
    }

    [Theory, PostgresStore]
    public void OpenExisting_PostgresDatabaseWithOtherTables_IsRefusedAsOpenRefusesIt(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        test.Execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT)");

        Assert.Equal(
            Assert.Throws<StoreException>(() => ParleyStore.Open(test.Location)).Message,
            Assert.Throws<StoreException>(() => ParleyStore.OpenExisting(test.Location)).Message);
    }

    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
