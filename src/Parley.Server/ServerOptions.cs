using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// How <c>parley serve</c> listens and what it allows (docs/server.md). The defaults are safe on a
/// shared machine: loopback only, no CORS, bounded bodies and request times.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The default port, <c>5170</c>.</summary>
    public const int DefaultPort = 5170;

    /// <summary>The address to listen on: <c>127.0.0.1</c> by default. Any other than a loopback address requires <see cref="Token"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port, 0 to 65535 (0: a free port chosen by the system).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The bearer token every request must carry (<c>Authorization: Bearer TOKEN</c>); <c>null</c> for none (loopback only).</summary>
    public string? Token { get; init; }

    /// <summary>The Parley store runs and scenarios are kept in.</summary>
    public StoreLocation Store { get; init; } = StoreLocation.Default;

    /// <summary>The largest request body accepted, in bytes (default 16 MiB; 1 KiB to 64 MiB, the readers' own file limit).</summary>
    public long MaxRequestBodyBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>How long one request may take before it is answered 503 (default 60 s); jobs have <see cref="JobTimeout"/> instead.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a job may run before it is cancelled (default 1 h).</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Jobs that run at once (default: one per processor); more wait their turn, still reported as running.</summary>
    public int MaxConcurrentJobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Origins allowed to call the API from a browser (CORS); empty (the default) sends no CORS headers at all.</summary>
    public ImmutableArray<string> CorsOrigins { get; init; } = [];

    /// <summary>Whether <see cref="Host"/> is a loopback address (<c>localhost</c>, <c>127.x.x.x</c>, <c>::1</c>).</summary>
    public bool IsLoopback => IsLoopbackHost(Host);

    /// <summary>Whether <paramref name="host"/> names a loopback address.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Every problem with these options, each saying what is allowed; empty when they can be used.
    /// </summary>
    public ImmutableArray<string> Problems()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--port {Port} is not allowed; use 0 (any free port) to 65535"));
        }

        if (!IsLoopback && !IPAddress.TryParse(Host.Trim('[', ']'), out _))
        {
            problems.Add($"--host '{Host}' is not an IP address; use 127.0.0.1 (the default), ::1, 0.0.0.0 (every interface) or one of this machine's addresses");
        }

        if (Token is { } token && (token.Length < 16 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            problems.Add("--token must be at least 16 characters without spaces; leave it out to have one generated");
        }

        if (MaxRequestBodyBytes is < 1024 or > 64L * 1024 * 1024)
        {
            problems.Add("--max-body must be from 1024 bytes (1 KiB) to 67108864 (64 MiB)");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromHours(1))
        {
            problems.Add("--request-timeout must be from 1 to 3600 seconds");
        }

        if (JobTimeout <= TimeSpan.Zero || JobTimeout > TimeSpan.FromDays(7))
        {
            problems.Add("--job-timeout must be from 1 second to 7 days");
        }

        if (MaxConcurrentJobs is < 1 or > 1024)
        {
            problems.Add("--jobs must be from 1 to 1024");
        }

        foreach (var origin in CorsOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/"))
        {
            problems.Add($"--cors '{origin}' is not an origin; use scheme://host[:port], e.g. https://analysts.example");
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// These options with a token when the server listens beyond loopback and none was given: a
    /// random one (32 bytes, base64url) that the caller prints at start.
    /// </summary>
    public ServerOptions WithRequiredToken(out bool generated)
    {
        generated = !IsLoopback && Token is null;
        return generated ? this with { Token = Base64Url(RandomNumberGenerator.GetBytes(32)) } : this;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
