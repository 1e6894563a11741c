using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Parley.ExchangeDiff;

/// <summary>An issue of a generated scenario: its id and scale.</summary>
internal sealed record GeneratedIssue(string Id, double Min, double Max);

/// <summary>One <c>#D</c> row: an actor's position, salience (0–1) and power on an issue.</summary>
internal sealed record GeneratedStance(string Actor, string Issue, double Position, double Salience, double Power);

/// <summary>
/// A random negotiation in the Decide input format, kept as data so that the shrinker can drop
/// actors and issues from it; <see cref="ToDecide"/> writes the file both programs read.
/// </summary>
internal sealed record GeneratedScenario(string Name, ImmutableArray<string> Actors, ImmutableArray<GeneratedIssue> Issues, ImmutableArray<GeneratedStance> Stances)
{
    /// <summary>The scenario as a Decide file: quoted, tab-separated rows as in the reference's own sample data.</summary>
    public string ToDecide()
    {
        var text = new StringBuilder();
        foreach (var actor in Actors)
        {
            text.Append(CultureInfo.InvariantCulture, $"'#A'\t'{actor}'\t'{actor}'\t''\n");
        }

        foreach (var issue in Issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"'#P'\t'{issue.Id}'\t'{issue.Id}'\t'{issue.Id}'\n");
            text.Append(CultureInfo.InvariantCulture, $"'#M'\t'{issue.Id}'\t{Number(issue.Min)}\n");
            text.Append(CultureInfo.InvariantCulture, $"'#M'\t'{issue.Id}'\t{Number(issue.Max)}\n");
        }

        foreach (var stance in Stances)
        {
            text.Append(CultureInfo.InvariantCulture, $"'#D'\t'{stance.Actor}'\t'{stance.Issue}'\t{Number(stance.Position)}\t{Number(stance.Salience)}\t{Number(stance.Power)}\n");
        }

        return text.ToString();
    }

    /// <summary>The scenario without <paramref name="actor"/>, or <c>null</c> if that would leave an issue without stances or fewer than two actors.</summary>
    public GeneratedScenario? WithoutActor(string actor)
    {
        var stances = Stances.RemoveAll(s => s.Actor == actor);
        return Actors.Length <= 2 || Issues.Any(i => !stances.Any(s => s.Issue == i.Id))
            ? null
            : this with { Actors = Actors.Remove(actor), Stances = stances };
    }

    /// <summary>The scenario without <paramref name="issue"/>, or <c>null</c> if that would leave no issue or an actor without stances.</summary>
    public GeneratedScenario? WithoutIssue(string issue)
    {
        var stances = Stances.RemoveAll(s => s.Issue == issue);
        return Issues.Length <= 1 || Actors.Any(a => !stances.Any(s => s.Actor == a))
            ? null
            : this with { Issues = Issues.RemoveAll(i => i.Id == issue), Stances = stances };
    }

    /// <summary>The scenario without the stance of <paramref name="actor"/> on <paramref name="issue"/>, or <c>null</c> if that empties an actor or an issue.</summary>
    public GeneratedScenario? WithoutStance(string actor, string issue)
    {
        var stances = Stances.RemoveAll(s => s.Actor == actor && s.Issue == issue);
        return stances.Length == Stances.Length || !stances.Any(s => s.Actor == actor) || !stances.Any(s => s.Issue == issue)
            ? null
            : this with { Stances = stances };
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
