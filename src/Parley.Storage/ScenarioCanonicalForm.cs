using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Core.Domain;

namespace Parley.Storage;

/// <summary>
/// The canonical form of a scenario: its domain content (not the file's layout, comments or format)
/// as compact JSON, every field in declaration order, numbers in their shortest round-trip form,
/// absent values left out. The same scenario read from YAML, JSON or a reformatted file gives the
/// same bytes, so its SHA-256 (<see cref="Hash"/>) identifies the inputs of a run.
/// </summary>
public static class ScenarioCanonicalForm
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The canonical JSON of <paramref name="scenario"/>.</summary>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, Options);
    }

    /// <summary>The scenario whose canonical JSON is <paramref name="json"/> (as <see cref="ToJson"/> wrote it).</summary>
    /// <exception cref="StoreException">The text is not a canonical scenario (a damaged store).</exception>
    public static Scenario FromJson(string json)
    {
        try
        {
            var scenario = JsonSerializer.Deserialize<Scenario>(json, Options)
                ?? throw new StoreException("a stored scenario is empty; the store is damaged");
            return scenario with
            {
                ModelParameters = scenario.ModelParameters.WithComparers(StringComparer.Ordinal),
            };
        }
        catch (JsonException error)
        {
            throw new StoreException($"a stored scenario cannot be read back ({error.Message.TrimEnd('.')}); the store is damaged or was written by a newer Parley", error);
        }
    }

    /// <summary>The lower-case hex SHA-256 of the canonical JSON's UTF-8 bytes: 64 characters.</summary>
    public static string Hash(Scenario scenario) => HashOf(ToJson(scenario));

    /// <summary>The lower-case hex SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
