using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parley.Reports;

/// <summary>The JSON conventions of every Parley report: snake_case names, invariant numbers, no nulls, indented.</summary>
public static class ReportJson
{
    /// <summary>Serializer options for model-specific records (traces, details).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new OrdinalDictionaryConverter() },
        // Source-generated metadata first (the Native AOT build has no reflection serializer); reflection for the rest
        // (the store's and the runs command's ad hoc documents, which only the JIT-compiled commands write).
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ReportJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Writer options: indented, relaxed escaping (the output is not embedded in HTML).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// One JSON document as text: an object whose members <paramref name="members"/> writes, with
    /// <see cref="WriterOptions"/>, ending in a newline (every report document's shape).
    /// </summary>
    public static string Document(Action<Utf8JsonWriter> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes <paramref name="value"/> by its runtime type (so derived trace records keep their fields).</summary>
    public static void WriteValue(Utf8JsonWriter writer, object value) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), SerializerOptions);
}
