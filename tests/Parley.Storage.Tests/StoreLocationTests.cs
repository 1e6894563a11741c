using Npgsql;

namespace Parley.Storage.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void Parse_Null_IsTheSqliteFileUnderTheUsersDataFolder()
    {
        var location = StoreLocation.Parse(null);

        Assert.Equal(StoreKind.Sqlite, location.Kind);
        Assert.EndsWith(Path.Combine("parley", "parley.db"), location.Target, StringComparison.Ordinal);
        Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), location.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run.sqlite")]
    [InlineData("/tmp/a b/parley.db")]
    [InlineData("C:\\runs\\parley.db")]
    public void Parse_APath_IsAnSqliteFile(string path)
    {
        var location = StoreLocation.Parse(path);

        Assert.Equal((StoreKind.Sqlite, path, path), (location.Kind, location.Target, location.Display));
    }

    [Theory]
    [InlineData("postgres://ana:s%40cret@db.example:6543/parley", "db.example", 6543, "parley", "ana", "s@cret")]
    [InlineData("postgresql://ana@localhost/runs", "localhost", 5432, "runs", "ana", null)]
    [InlineData("POSTGRES://ana:pw@127.0.0.1:5433/my%20runs?sslmode=disable", "127.0.0.1", 5433, "my runs", "ana", "pw")]
    public void Parse_APostgresUrl_IsAnNpgsqlConnectionString(string url, string host, int port, string database, string user, string? password)
    {
        var location = StoreLocation.Parse(url);
        var builder = new NpgsqlConnectionStringBuilder(location.Target);

        Assert.Equal(StoreKind.Postgres, location.Kind);
        Assert.Equal((host, port, database, user, password), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.DoesNotContain("pw", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("cret", location.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "--db is empty")]
    [InlineData("postgres://ana:pw@host:5432/", "names no database")]
    [InlineData("postgres://ana:pw@host:notaport/db", "is not a valid PostgreSQL URL")]
    [InlineData("postgres://ana:pw@host/db?colour=blue", "the connection setting 'colour=blue'")]
    [InlineData("postgress://ana:pw@host:5432/parley", "--db 'postgress://ana:***@host:5432/parley' is a postgress:// URL, a kind of store Parley does not know")]
    [InlineData("mysql://ana:pw@host/db", "is a mysql:// URL, a kind of store Parley does not know; give an SQLite file path or a postgres://")]
    public void Parse_ABadValue_SaysWhatIsWrongWithoutThePassword(string value, string expected)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", error.Message, StringComparison.Ordinal);
    }
}
