using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Parley.Core.Models;

namespace Parley.Server;

/// <summary>
/// The OpenAPI schema of model options, built from the models' own option descriptions (the source
/// of the CLI's flags and checks too): <c>parameters</c> lists every parameter of every model, and
/// <c>components.schemas</c> holds one <c>ModelOptions.ID</c> per model.
/// </summary>
internal static class ModelSchemas
{
    /// <summary>Fills the schema of <see cref="ModelParameterValues"/> with every model's parameters.</summary>
    public static Task ParametersTransformer(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ModelParameterValues))
        {
            return Task.CompletedTask;
        }

        schema.Type = JsonSchemaType.Object;
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = false;
        schema.Description = "Model parameters by name (as --param NAME=VALUE). Each model takes only its own: see components ModelOptions.ID, or GET /models.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var group in ModelCatalog.All.SelectMany(m => m.Options.Where(o => o.IsParameter).Select(o => (Model: m.Info.Id, Option: o))).GroupBy(x => x.Option.Name, StringComparer.Ordinal))
        {
            var first = group.First().Option;
            var option = Schema(first);
            option.Description = $"{string.Join(", ", group.Select(x => x.Model))}: {first.Help}";
            schema.Properties[group.Key] = option;
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds one schema per model with its options (rounds and tolerance included).</summary>
    public static Task DocumentTransformer(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var model in ModelCatalog.All)
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Title = model.Info.Name,
                Description = $"{model.Info.Summary} [{model.Info.Citation}] rounds and tolerance are fields of the run body; the others go in 'parameters'.",
                AdditionalPropertiesAllowed = false,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            };
            foreach (var option in model.Options)
            {
                schema.Properties[option.Name] = Schema(option);
            }

            document.Components.Schemas[$"ModelOptions.{model.Info.Id}"] = schema;
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(ModelOptionDescription option)
    {
        var schema = new OpenApiSchema { Description = option.Help };
        switch (option.Kind)
        {
            case ModelOptionKind.Number:
                schema.Type = JsonSchemaType.Number;
                break;
            case ModelOptionKind.Integer:
                schema.Type = JsonSchemaType.Integer;
                break;
            case ModelOptionKind.Boolean:
                schema.Type = JsonSchemaType.Boolean;
                break;
            case ModelOptionKind.Choice:
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. option.Choices.Select(c => (JsonNode)JsonValue.Create(c)!)];
                break;
            default:
                schema.Type = JsonSchemaType.String;
                break;
        }

        if (option.Minimum is { } minimum)
        {
            var text = minimum.ToString("R", CultureInfo.InvariantCulture);
            if (option.MinimumIsExclusive)
            {
                schema.ExclusiveMinimum = text;
            }
            else
            {
                schema.Minimum = text;
            }
        }

        if (option.Maximum is { } maximum)
        {
            schema.Maximum = maximum.ToString("R", CultureInfo.InvariantCulture);
        }

        if (option.Default is { } fallback && option.Check(fallback) is null)
        {
            schema.Default = option.Kind switch
            {
                ModelOptionKind.Number when double.TryParse(fallback, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                ModelOptionKind.Integer when long.TryParse(fallback, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
                ModelOptionKind.Boolean when bool.TryParse(fallback, out var flag) => JsonValue.Create(flag),
                _ => JsonValue.Create(fallback),
            };
        }

        return schema;
    }
}
