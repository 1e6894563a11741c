namespace Parley.Storage.Tests;

/// <summary>One schema: the SQLite and PostgreSQL stores have the same tables with the same columns.</summary>
public sealed class SchemaTests
{
    [Theory, PostgresStore]
    public void Stores_OnBothBackEnds_HaveTheSameTablesAndColumns(StoreKind kind)
    {
        using var sqlite = TestStore.Create(StoreKind.Sqlite);
        using var postgres = TestStore.Create(kind);
        using (ParleyStore.Open(sqlite.Location))
        using (ParleyStore.Open(postgres.Location))
        {
        }

        var sqliteColumns = sqlite.Column(
            "SELECT lower(m.name || '.' || p.name) FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name <> 'parley_migrations' ORDER BY 1");
        var postgresColumns = postgres.Column(
            "SELECT lower(table_name || '.' || column_name) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'parley_migrations' ORDER BY 1");

        Assert.Equal(sqliteColumns.Order(StringComparer.Ordinal), postgresColumns.Order(StringComparer.Ordinal));
        Assert.Contains("runs.result", sqliteColumns);
        Assert.Contains("vectorposition.pos_coord", sqliteColumns);
    }
}
