using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Parley.Server;

/// <summary>
/// With a token, every request must carry <c>Authorization: Bearer TOKEN</c> (compared in constant
/// time); others get 401 problem details and nothing else.
/// </summary>
internal sealed class TokenAuthentication(RequestDelegate next, ServerOptions options)
{
    private readonly byte[]? expected = options.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (expected is null || Carries(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            type: "urn:parley:problem:unauthorized",
            title: "Unauthorized",
            detail: "this server requires its token: send 'Authorization: Bearer TOKEN' (the token given to, or printed by, parley serve)").ExecuteAsync(context).ConfigureAwait(false);
    }

    private bool Carries(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
