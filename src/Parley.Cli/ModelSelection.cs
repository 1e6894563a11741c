using System.CommandLine;
using System.Globalization;
using Parley.Core.Models;

namespace Parley.Cli;

/// <summary>
/// The options that choose models and set how they run, shared by every command that runs models:
/// <c>--model</c>, <c>--rounds</c>, <c>--tolerance</c>, <c>--seed</c>, <c>--trace</c>, and the
/// model-specific <c>--variant</c>, <c>--forecast</c>, <c>--rex-p</c> and <c>--param NAME=VALUE</c>
/// (which become <see cref="ModelOptions.Parameters"/>).
/// </summary>
internal sealed class ModelSelection
{
    private readonly bool allowAll;

    public ModelSelection(string defaultModel, bool allowAll)
    {
        this.allowAll = allowAll;
        Model = new Option<string>("--model", "-m")
        {
            Description = allowAll
                ? $"Model(s) to run, comma-separated, or 'all': {ModelCatalog.Ids}."
                : $"Model to run: {ModelCatalog.Ids}.",
            DefaultValueFactory = _ => defaultModel,
        };
    }

    public Option<string> Model { get; }

    public Option<int?> Rounds { get; } = new("--rounds") { Description = "Dynamic models: run exactly this many rounds (turns off the convergence stop)." };

    public Option<double?> Tolerance { get; } = new("--tolerance") { Description = "Dynamic models: stop when outcomes move less than this (on the issue's scale)." };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the models' randomness (REX, stochastic variants).", DefaultValueFactory = _ => 0UL };

    public Option<string?> Variant { get; } = new("--variant") { Description = "Model variant, e.g. eum: scholz | scholz-code." };

    public Option<string?> ForecastStatistic { get; } = new("--forecast") { Description = "Dynamic models that move positions: report the weighted 'median' (default) or 'mean'." };

    public Option<double?> RexP { get; } = new("--rex-p") { Description = "Exchange model: REX variant with this p (0-1)." };

    public Option<string[]> Parameters { get; } = new("--param")
    {
        Description = "A model parameter NAME=VALUE (repeatable), e.g. --param utility=quadratic.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command, bool withTrace = true)
    {
        command.Options.Add(Model);
        command.Options.Add(Rounds);
        command.Options.Add(Tolerance);
        command.Options.Add(Seed);
        command.Options.Add(Variant);
        command.Options.Add(ForecastStatistic);
        command.Options.Add(RexP);
        command.Options.Add(Parameters);
        if (withTrace)
        {
            command.Options.Add(Trace);
        }
    }

    public Option<bool> Trace { get; } = new("--trace") { Description = "Dynamic models: show every round (exchanges, offers, bargains)." };

    /// <summary>The chosen models, or an error message naming the allowed ids.</summary>
    public IReadOnlyList<IModel>? Models(ParseResult parse, CliConsole console)
    {
        var text = parse.GetValue(Model) ?? "all";
        if (allowAll && string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            return ModelCatalog.All;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!allowAll && ids.Length != 1)
        {
            console.Error.WriteLine($"parley: --model takes one model id here; use one of {ModelCatalog.Ids}");
            return null;
        }

        var models = new List<IModel>();
        foreach (var id in ids)
        {
            var model = ModelCatalog.Find(id);
            if (model is null)
            {
                console.Error.WriteLine($"parley: unknown model '{id}'; use one of {ModelCatalog.Ids}{(allowAll ? " or all" : string.Empty)}");
                return null;
            }

            models.Add(model);
        }

        return models.Count == 0 ? null : models;
    }

    /// <summary>The run options, or <c>null</c> after printing what is wrong with them.</summary>
    public ModelOptions? Options(ParseResult parse, CliConsole console)
    {
        var options = new ModelOptions
        {
            Rounds = parse.GetValue(Rounds),
            Tolerance = parse.GetValue(Tolerance),
            Seed = parse.GetValue(Seed),
            Trace = parse.GetValue(Trace),
        };
        if (options.Rounds is < 1)
        {
            console.Error.WriteLine("parley: --rounds must be 1 or more");
            return null;
        }

        if (options.Tolerance is { } tolerance && (!double.IsFinite(tolerance) || tolerance < 0))
        {
            console.Error.WriteLine("parley: --tolerance must be a finite number of 0 or more");
            return null;
        }

        if (parse.GetValue(Variant) is { } variant)
        {
            options = options.WithParameter("variant", variant);
        }

        if (parse.GetValue(ForecastStatistic) is { } statistic)
        {
            options = options.WithParameter("forecast", statistic);
        }

        if (parse.GetValue(RexP) is { } rexP)
        {
            options = options.WithParameter("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture));
        }

        return WithParameters(options, parse.GetValue(Parameters) ?? [], console);
    }

    /// <summary>Adds <c>--param NAME=VALUE</c> entries to <paramref name="options"/>, or prints what is wrong and returns <c>null</c>.</summary>
    public static ModelOptions? WithParameters(ModelOptions options, IEnumerable<string> parameters, CliConsole console)
    {
        foreach (var parameter in parameters)
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                console.Error.WriteLine($"parley: --param '{parameter}' must look like NAME=VALUE");
                return null;
            }

            options = options.WithParameter(parameter[..equals].Trim(), parameter[(equals + 1)..].Trim());
        }

        return options;
    }
}
