namespace Parley.Storage;

/// <summary>The database a Parley store lives in.</summary>
public enum StoreKind
{
    /// <summary>An SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for teams sharing one store.</summary>
    Postgres,
}
