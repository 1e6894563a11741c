using System.Data.Common;
using System.Reflection;
using DbUp.Engine;

namespace Parley.Storage;

/// <summary>
/// What differs between the databases a store can live in: how to connect, how to tell a Parley
/// store from someone else's database, and how to apply the migrations. Everything else (the
/// tables, the queries) is shared.
/// </summary>
internal abstract class StoreBackend : IDisposable
{
    /// <summary>The table of DbUp's journal: which migration scripts have run.</summary>
    public const string JournalTable = "parley_migrations";

    protected StoreBackend(StoreLocation location) => Location = location;

    public StoreLocation Location { get; }

    /// <summary>
    /// Taken around every write transaction when the database admits one writer at a time (SQLite):
    /// writers of this process then queue in turn instead of racing for the file lock, where under
    /// many concurrent writers (a server) some would wait past the busy timeout. <c>null</c> when
    /// the database handles concurrent writers itself (PostgreSQL).
    /// </summary>
    public virtual SemaphoreSlim? WriteGate => null;

    /// <summary>Appended to a <c>SELECT</c> that reads a row the transaction goes on to change (PostgreSQL's row lock).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// Checks that the location holds a Parley store or nothing yet, creates it if need be and applies
    /// every migration not yet applied.
    /// </summary>
    /// <exception cref="StoreException">The location holds something else, or cannot be reached.</exception>
    public abstract void Prepare();

    /// <summary>
    /// Why the location holds no Parley store yet (e.g. "the file does not exist"), without creating
    /// anything; <c>null</c> when it holds one, or something <see cref="Prepare"/> will judge itself.
    /// </summary>
    public abstract string? Absence();

    /// <summary>The database's own words for <paramref name="error"/> when it has better ones than its message (a file the user may not write), else <c>null</c>.</summary>
    public virtual string? Explain(DbException error) => null;

    /// <summary>What a user who mistyped <c>--db</c> should check: "the path", "the database URL".</summary>
    public abstract string WhatToCheck { get; }

    /// <summary>An open connection for reading (read-only when <see cref="IsReadOnly"/>).</summary>
    public abstract DbConnection Open();

    /// <summary>An open connection for a write transaction.</summary>
    public virtual DbConnection OpenForWriting() => Open();

    /// <summary>Whether reads go through a read-only connection (a store opened by a command that only reads it).</summary>
    public virtual bool IsReadOnly => false;

    public virtual void Dispose()
    {
    }

    /// <summary>The migration scripts for <paramref name="dialect"/>: the shared ones and its own, in name order.</summary>
    protected static IEnumerable<SqlScript> Scripts(string dialect)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefixes = new[] { "Parley.Storage.Migrations.Common.", $"Parley.Storage.Migrations.{dialect}." };
        return assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Prefix: prefixes.FirstOrDefault(p => resource.StartsWith(p, StringComparison.Ordinal))))
            .Where(entry => entry.Prefix is not null && entry.Resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(entry =>
            {
                using var stream = assembly.GetManifestResourceStream(entry.Resource)!;
                using var reader = new StreamReader(stream);
                return new SqlScript(entry.Resource[entry.Prefix!.Length..], reader.ReadToEnd());
            })
            .OrderBy(script => script.Name, StringComparer.Ordinal);
    }

    /// <summary>Runs DbUp's upgrade; a failed script becomes a <see cref="StoreException"/>.</summary>
    protected void Upgrade(UpgradeEngine engine)
    {
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "a migration";
            throw new StoreException($"cannot bring the store {Location.Display} up to date: {script} failed: {result.Error?.Message.TrimEnd('.')}", result.Error!);
        }
    }
}
