using System.CommandLine;
using Parley.Core.Blocs;
using Parley.Core.Domain;

namespace Parley.Cli;

/// <summary>
/// <c>--blocs as-written|merge|split</c>: model each bloc or delegation as one actor whose stance
/// derives from its members, or as its members (see docs/stages.md).
/// </summary>
internal sealed class BlocOption
{
    public Option<string> Mode { get; } = new("--blocs")
    {
        Description = $"Blocs and delegations: {BlocTransform.Names} (merge: one actor whose stance derives from its members; split: the members).",
        DefaultValueFactory = _ => "as-written",
    };

    public void AddTo(Command command) => command.Options.Add(Mode);

    /// <summary>The scenario with the chosen mode applied, or <c>null</c> after printing the allowed modes.</summary>
    public Scenario? Apply(ParseResult parse, Scenario scenario, CliConsole console)
    {
        var text = parse.GetValue(Mode) ?? "as-written";
        if (BlocTransform.ParseMode(text) is not { } mode)
        {
            console.Error.WriteLine($"parley: --blocs '{text}' is not allowed; use one of {BlocTransform.Names}");
            return null;
        }

        return BlocTransform.Apply(scenario, mode);
    }
}
