using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parley.Formats;

namespace Parley.Server;

/// <summary>
/// Reads request bodies within the size limit, and JSON bodies with their syntax errors located
/// (<c>request body:LINE:COLUMN</c>) instead of a bare 400.
/// </summary>
internal static class RequestBody
{
    /// <summary>The name diagnostics give a JSON request body.</summary>
    public const string Name = "request body";

    /// <summary>The body as UTF-8 text, or a 413 problem when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    /// <summary>The JSON body as <typeparamref name="T"/> (an empty body is the default object), or a 400/413 problem.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long limit, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class, new()
    {
        var (text, problem) = await ReadTextAsync(request, limit, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, problem);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (new T(), null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(text, options) ?? new T(), null);
        }
        catch (JsonException error)
        {
            var line = (int)(error.LineNumber ?? 0) + 1;
            var column = (int)(error.BytePositionInLine ?? 0) + 1;
            var message = error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            if (error.Path is { Length: > 1 } path)
            {
                message += $" (at {path})";
            }

            return (null, ApiProblems.Invalid([new Diagnostic(Name, line, column, $"{message}; send a JSON object as docs/server.md describes")], []));
        }
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        type: "urn:parley:problem:too-large",
        title: "Request body too large",
        detail: $"the body is larger than the server's limit of {limit:N0} bytes; send a smaller file, or start the server with a larger --max-body");
}
