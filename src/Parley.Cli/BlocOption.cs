using System.CommandLine;
using Parley.Core.Blocs;

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

    /// <summary>The mode as given.</summary>
    public string Value(ParseResult parse) => parse.GetValue(Mode) ?? "as-written";
}
