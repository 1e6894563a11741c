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

    /// <summary>
    /// The body as UTF-8 text, or a 413 problem when it is larger than <paramref name="limit"/> bytes,
    /// or a 400 located at the first byte that is not UTF-8 (decoded as a file is, <see cref="InputText.Decode"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The most bytes read.</param>
    /// <param name="name">The body's name in a diagnostic: the file name it stands for, or <see cref="Name"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, long limit, string name, CancellationToken cancellationToken)
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

        var (text, problem) = InputText.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
        return text is null ? (null, ApiProblems.Invalid([problem!], [])) : (text, null);
    }

    /// <summary>The JSON body as <typeparamref name="T"/> (an empty body is the default object), or a 400/413 problem.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long limit, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class, new()
    {
        var (text, problem) = await ReadTextAsync(request, limit, Name, cancellationToken).ConfigureAwait(false);
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
            var message = Describe(error, text);

            return (null, ApiProblems.Invalid([new Diagnostic(Name, line, column, $"{message}; send a JSON object as docs/server.md describes")], []));
        }
    }

    /// <summary>A JSON error in the request's terms: the field (as a JSON path) and what it must be.</summary>
    private static string Describe(JsonException error, string text)
    {
        var message = error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        var path = error.Path is { Length: > 1 } given ? given : null;
        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            // A repeated field is refused as an unknown one is: which of the two was meant is not for the server to guess.
            var name = message.Split('\'') is { Length: >= 3 } parts ? parts[1] : path ?? "a field";
            return $"$.{name}: the field is given twice; give each field once";
        }

        var converted = message.IndexOf("could not be converted to ", StringComparison.Ordinal);
        if (converted >= 0 && path is null)
        {
            return "the body must be a JSON object of the run's fields (as {\"models\": \"compromise\"})";
        }

        if (converted >= 0 && path is not null && WholeNumberOutOfRange(text, path) is { } number)
        {
            return $"{path}: {number} is a whole number out of this field's range; give one in the range docs/server.md and the OpenAPI document give for it";
        }

        if (converted >= 0 && path is not null)
        {
            var type = message[(converted + "could not be converted to ".Length)..];
            var expected = type switch
            {
                // Unsigned first: "UInt64" also contains "Int64".
                _ when type.Contains("UInt64", StringComparison.Ordinal) => "a whole number from 0",
                _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
                _ when type.Contains("Double", StringComparison.Ordinal) => "a number",
                _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
                _ when type.Contains("List", StringComparison.Ordinal) => "a list of texts",
                _ when type.Contains("String", StringComparison.Ordinal) => "a text",
                _ when type.Contains("ScenarioBody", StringComparison.Ordinal) => "an object with ref or content (and format, file_name, proposal)",
                _ => "an object",
            };
            return $"{path}: the value is not {expected}";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && path is not null)
        {
            return $"{path}: unknown field";
        }

        return path is null ? message : $"{message} (at {path})";
    }

    /// <summary>The whole number at top-level field <paramref name="path"/> (<c>$.rounds</c>) when it is one too large for its type; <c>null</c> otherwise.</summary>
    private static string? WholeNumberOutOfRange(string text, string path)
    {
        try
        {
            var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return name is not null && document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                && System.Numerics.BigInteger.TryParse(value.GetRawText(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole)
                && (whole > int.MaxValue || whole < int.MinValue)
                ? value.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The 413 for a body over <paramref name="limit"/> bytes.</summary>
    public static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        type: "urn:parley:problem:too-large",
        title: "Request body too large",
        detail: $"the body is larger than the server's limit of {limit:N0} bytes; send a smaller file, or start the server with a larger --max-body");
}
