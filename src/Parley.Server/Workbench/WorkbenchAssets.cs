using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Parley.Reports.Charts;

namespace Parley.Server.Workbench;

/// <summary>
/// The workbench's files, embedded in the assembly (nothing is read from disk or a CDN): the page,
/// its script and styles, and Apache ECharts from Parley.Reports. Each is answered with an ETag, so
/// a browser revalidates cheaply and never runs a stale script.
/// </summary>
internal static class WorkbenchAssets
{
    private const string Prefix = "Parley.Server.Workbench.Assets.";

    private static readonly Lazy<FrozenDictionary<string, Asset>> All = new(Load);

    /// <summary>Answers <paramref name="file"/>, or 404 when the workbench has no such file.</summary>
    public static IResult Serve(HttpContext context, string file)
    {
        if (!All.Value.TryGetValue(file, out var asset))
        {
            return ApiProblems.NotFound($"the workbench has no file '{file}'");
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            // Everything the page loads comes from this server; nothing inline runs.
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WorkbenchAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            assets[resource[Prefix.Length..]] = Asset.From(resource[Prefix.Length..], Read(stream));
        }

        using (var library = EChartsOptions.OpenLibrary())
        {
            assets["echarts.min.js"] = Asset.From("echarts.min.js", Read(library));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag)
    {
        public static Asset From(string name, byte[] content) => new(
            content,
            Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            },
            new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"").ToString());
    }
}
