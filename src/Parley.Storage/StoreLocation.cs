using System.Globalization;
using Npgsql;

namespace Parley.Storage;

/// <summary>
/// Where a Parley store lives: an SQLite file (the default, under the user's data folder) or a
/// PostgreSQL database named by a <c>postgres://user:password@host:port/database</c> URL.
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string target, string display)
    {
        Kind = kind;
        Target = target;
        Display = display;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public StoreKind Kind { get; }

    /// <summary>The SQLite file's path, or the Npgsql connection string (with its password).</summary>
    public string Target { get; }

    /// <summary>How messages name the store: the path, or the URL with its password hidden.</summary>
    public string Display { get; }

    /// <summary>
    /// The default store: <c>parley/parley.db</c> under <see cref="Environment.SpecialFolder.LocalApplicationData"/>
    /// (on Linux <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>).
    /// </summary>
    public static StoreLocation Default
    {
        get
        {
            var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(folder))
            {
                folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Sqlite(Path.Combine(folder, "parley", "parley.db"));
        }
    }

    /// <summary>An SQLite store in the file <paramref name="path"/>.</summary>
    public static StoreLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new StoreLocation(StoreKind.Sqlite, path, path);
    }

    /// <summary>
    /// The store a <c>--db</c> value names: a <c>postgres://</c> or <c>postgresql://</c> URL, else an
    /// SQLite file path; <c>null</c> for <see cref="Default"/>.
    /// </summary>
    /// <exception cref="StoreException">The value is empty or a malformed PostgreSQL URL.</exception>
    public static StoreLocation Parse(string? value)
    {
        if (value is null)
        {
            return Default;
        }

        if (value.Trim().Length == 0)
        {
            throw new StoreException("--db is empty; give an SQLite file path or a postgres://user:password@host:port/database URL");
        }

        if (IsInMemory(value))
        {
            throw new StoreException($"--db '{value}' is SQLite's in-memory database, which is gone when Parley ends (and between its own connections); give a file path such as runs.db, or a postgres://user:password@host:port/database URL");
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal) is var end and > 0 ? value[..end] : null;
        if (scheme is null)
        {
            return Sqlite(value);
        }

        if (scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(value);
        }

        // A URL of another kind (a typo such as postgress://, or mysql://) is not made into a local file named after
        // it, with its password in the folder names: it is refused, its password hidden.
        // (SQLite's own file: URIs stay SQLite files.)
        if (!scheme.Equals("file", StringComparison.OrdinalIgnoreCase)
            && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(scheme[0]))
        {
            throw new StoreException(
                $"--db '{Redact(value)}' is a {scheme}:// URL, a kind of store Parley does not know; give an SQLite file path or a postgres://user:password@host:port/database URL");
        }

        return Sqlite(value);
    }

    /// <summary>Reads <c>postgres://user:password@host:port/database?key=value</c> into an Npgsql connection string.</summary>
    private static StoreLocation FromPostgresUrl(string url)
    {
        const string Allowed = "give postgres://user:password@host:port/database (port 5432 when omitted; connection settings such as ?sslmode=require may follow)";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"--db '{Redact(url)}' is not a valid PostgreSQL URL; {Allowed}");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new StoreException($"--db '{Redact(url)}' names no database; {Allowed}");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException)
            {
                throw new StoreException($"--db '{Redact(url)}': the connection setting '{key}={value}' is not one Npgsql knows or accepts; {Allowed}", error);
            }
        }

        var display = string.Create(CultureInfo.InvariantCulture, $"postgres://{(builder.Username is { } user ? user + "@" : "")}{builder.Host}:{builder.Port}/{database}");
        return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, display);
    }

    /// <summary>Whether SQLite would read <paramref name="value"/> as an in-memory database rather than a file.</summary>
    private static bool IsInMemory(string value) =>
        value.Trim() == ":memory:"
        || (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && (value.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || value.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The URL with any password replaced by <c>***</c>, for messages.</summary>
    private static string Redact(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = url.IndexOf('@', schemeEnd);
        var colon = at < 0 ? -1 : url.IndexOf(':', schemeEnd, at - schemeEnd);
        return colon < 0 ? url : url[..(colon + 1)] + "***" + url[at..];
    }

    /// <inheritdoc />
    public override string ToString() => Display;
}
