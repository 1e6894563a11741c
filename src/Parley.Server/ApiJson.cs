using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Server;

/// <summary>The API's JSON conventions: snake_case names (as Parley's result documents), enums as snake_case text.</summary>
internal static class ApiJson
{
    /// <summary>Request bodies: unknown fields are refused, so a misspelt option is an error rather than ignored.</summary>
    public static JsonSerializerOptions Request { get; } = Configure(new JsonSerializerOptions
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    });

    /// <summary>Applies the naming conventions to <paramref name="options"/> (also the server's response options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    /// <summary>Response bodies.</summary>
    public static JsonSerializerOptions Response { get; } = Configure(new JsonSerializerOptions());

    /// <summary><paramref name="envelope"/> (a JSON object) with a <c>result</c> field holding <paramref name="document"/> as it is.</summary>
    public static string WithResult<T>(T envelope, string document)
    {
        var head = JsonSerializer.Serialize(envelope, Response);
        return string.Concat(head.AsSpan(0, head.Length - 1), head.Length > 2 ? ",\"result\":" : "\"result\":", document.TrimEnd(), "}");
    }
}
