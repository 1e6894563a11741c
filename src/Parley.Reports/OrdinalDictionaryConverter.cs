using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Reports;

/// <summary>
/// Writes <see cref="ImmutableDictionary{TKey, TValue}"/> with string keys in ordinal key order.
/// Its own enumeration order follows string hash codes, which .NET randomises per process, so
/// without this the same run could print its maps in a different order each time.
/// </summary>
internal sealed class OrdinalDictionaryConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Writer<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class Writer<TValue> : JsonConverter<ImmutableDictionary<string, TValue>>
    {
        public override ImmutableDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<Dictionary<string, TValue>>(ref reader, options)?.ToImmutableDictionary(StringComparer.Ordinal)
            ?? ImmutableDictionary<string, TValue>.Empty;

        public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(pair.Key);
                JsonSerializer.Serialize(writer, pair.Value, options);
            }

            writer.WriteEndObject();
        }
    }
}
