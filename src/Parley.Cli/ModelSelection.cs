using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Models;

namespace Parley.Cli;

/// <summary>
/// The options that choose models and set how they run, shared by every command that runs models:
/// <c>--model</c>, <c>--rounds</c>, <c>--tolerance</c>, <c>--seed</c>, <c>--trace</c>, and the
/// model-specific <c>--variant</c>, <c>--forecast</c>, <c>--rex-p</c> and <c>--param NAME=VALUE</c>
/// (which become <see cref="ModelOptions.Parameters"/>); they are checked in the application layer against
/// each model's option descriptions (<c>parley models ID</c> lists them).
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

    public Option<int?> Rounds { get; } = new("--rounds") { Description = $"Dynamic models: run this many rounds, 1 to {ModelOptionRules.MaxRounds:N0} (turns off the convergence stop; the exchange model still ends at a round without exchanges, a fixed point)." };

    public Option<double?> Tolerance { get; } = new("--tolerance") { Description = "Dynamic models: stop when outcomes move less than this, above 0 (on the issue's scale)." };

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

    /// <summary>
    /// The models and options the command line asks for, unchecked (the application layer checks them
    /// against the models' option descriptions), or <c>null</c> after printing a malformed <c>--param</c>.
    /// </summary>
    public ModelRequest? Request(ParseResult parse, CliConsole console)
    {
        var flags = new List<ParameterSetting>();
        if (parse.GetValue(Variant) is { } variant)
        {
            flags.Add(new ParameterSetting("variant", variant, "--variant"));
        }

        if (parse.GetValue(ForecastStatistic) is { } statistic)
        {
            flags.Add(new ParameterSetting("forecast", statistic, "--forecast"));
        }

        if (parse.GetValue(RexP) is { } rexP)
        {
            flags.Add(new ParameterSetting("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture), "--rex-p"));
        }

        var parameters = ParseParameters(parse.GetValue(Parameters) ?? [], console);
        return parameters is null ? null : new ModelRequest
        {
            Models = parse.GetValue(Model) ?? "all",
            AllowSeveral = allowAll,
            Rounds = parse.GetValue(Rounds),
            Tolerance = parse.GetValue(Tolerance),
            Seed = parse.GetValue(Seed),
            Trace = parse.GetValue(Trace),
            Parameters = [.. flags, .. parameters],
        };
    }

    /// <summary>Parses <c>--param NAME=VALUE</c> entries, or prints what is wrong and returns <c>null</c>.</summary>
    public static List<ParameterSetting>? ParseParameters(IEnumerable<string> parameters, CliConsole console)
    {
        var settings = new List<ParameterSetting>();
        foreach (var text in parameters)
        {
            var (setting, error) = ParameterSetting.Parse(text);
            if (setting is null)
            {
                console.Error.WriteLine($"parley: {error}");
                return null;
            }

            settings.Add(setting);
        }

        return settings;
    }
}
