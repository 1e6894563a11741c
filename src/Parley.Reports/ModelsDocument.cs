using System.Text.Json;
using Parley.Core.Models;

namespace Parley.Reports;

/// <summary>
/// The JSON document of <c>parley models [ID] --json</c>: <c>{"models": [{"id", "name", "citation", "summary",
/// "options": [{"name", "type", "parameter", "default", "minimum", "maximum", "minimum_exclusive", "allowed", "choices", "help"}]}]}</c>.
/// <c>allowed</c> says the range in words (<c>from 1 to 10000</c>, <c>above 0</c>), as the CLI's help does.
/// <c>type</c> is <c>number</c>, <c>integer</c>, <c>choice</c>, <c>boolean</c> or <c>text</c>; <c>parameter</c> is
/// false for the run options <c>rounds</c> and <c>tolerance</c> (their own flags) and true for <c>--param NAME=VALUE</c>.
/// Absent fields do not apply. The same descriptions are the source of the HTTP API's schema.
/// </summary>
public static class ModelsDocument
{
    /// <summary>The document for <paramref name="models"/>.</summary>
    public static string ToJson(IEnumerable<IModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return ReportJson.Document(writer =>
        {
            writer.WriteStartArray("models");
            foreach (var model in models)
            {
                writer.WriteStartObject();
                writer.WriteString("id", model.Info.Id);
                writer.WriteString("name", model.Info.Name);
                writer.WriteString("citation", model.Info.Citation);
                writer.WriteString("summary", model.Info.Summary);
                writer.WriteStartArray("options");
                foreach (var option in model.Options)
                {
                    WriteOption(writer, option);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteOption(Utf8JsonWriter writer, ModelOptionDescription option)
    {
        writer.WriteStartObject();
        writer.WriteString("name", option.Name);
        writer.WriteString("type", option.Kind.ToString().ToLowerInvariant());
        writer.WriteBoolean("parameter", option.IsParameter);
        if (option.Default is { } fallback)
        {
            writer.WriteString("default", fallback);
        }

        if (option.Minimum is { } minimum)
        {
            writer.WriteNumber("minimum", minimum);
        }

        if (option.Maximum is { } maximum)
        {
            writer.WriteNumber("maximum", maximum);
        }

        if (option.MinimumIsExclusive)
        {
            writer.WriteBoolean("minimum_exclusive", true);
        }

        if (option.Minimum is not null || option.Maximum is not null)
        {
            // The range in words, as the CLI's help and its errors say it, for pages that show it.
            writer.WriteString("allowed", option.RangeText());
        }

        if (!option.Choices.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("choices");
            foreach (var choice in option.Choices)
            {
                writer.WriteStringValue(choice);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("help", option.Help);
        writer.WriteEndObject();
    }
}
