using Microsoft.AspNetCore.Http;

namespace Parley.Server;

/// <summary>
/// Keeps other web sites from using a server the analyst runs on their own machine. A page from any site can make
/// the browser send a "simple" request (a form, <c>text/plain</c>, no content type) to <c>127.0.0.1</c> without a
/// CORS preflight: CORS only stops the page from reading the answer, and the write would happen. So a request that
/// changes anything (any method but GET, HEAD and OPTIONS) is refused with 403 when the browser says it comes from
/// another origin (<c>Origin</c>, or <c>Sec-Fetch-Site: cross-site</c>/<c>same-site</c>) that <c>--cors</c> does not
/// allow. Programs (curl, scripts) send neither header and are not affected; the workbench is the server's own origin.
/// Without a token, on a loopback address, a request naming another host (<c>Host: evil.example</c>: a page whose
/// name was rebound to 127.0.0.1, which would then read the store as its own origin) is refused with 421.
/// </summary>
internal sealed class CrossSiteGuard(RequestDelegate next, ServerOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (options.Token is null && options.IsLoopback && !ServerOptions.IsLoopbackHost(request.Host.Host))
        {
            await Refuse(context, StatusCodes.Status421MisdirectedRequest, "urn:parley:problem:misdirected", "Misdirected request",
                $"this server answers requests to its own loopback address, not to '{request.Host.Host}'; use http://127.0.0.1:{context.Connection.LocalPort}/ (a page under another name cannot reach it)").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && ForeignOrigin(request) is { } origin)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "urn:parley:problem:cross-site", "Cross-site request refused",
                $"a page from {origin} may not change this server's scenarios or runs; use the workbench at {request.Scheme}://{request.Host}/, a program, or start the server with --cors {(origin.StartsWith("a page", StringComparison.Ordinal) ? "ORIGIN" : origin)} to allow that site").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>The other origin the browser says the request comes from (a description when it names none), or <c>null</c>.</summary>
    private string? ForeignOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var own = $"{request.Scheme}://{request.Host}";
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                || options.CorsOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase) ? null : origin;
        }

        // A browser that sends no Origin still says where the request comes from.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site" ? $"a page of another site (Sec-Fetch-Site: {site})" : null;
    }

    private static Task Refuse(HttpContext context, int status, string type, string title, string detail) =>
        Results.Problem(statusCode: status, type: type, title: title, detail: detail).ExecuteAsync(context);
}
