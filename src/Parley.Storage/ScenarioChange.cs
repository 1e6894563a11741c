using System.Text;

namespace Parley.Storage;

/// <summary>
/// One difference between two versions of a scenario, as data (for an API) and as one line of text
/// (<see cref="ToString"/>, for a terminal).
/// </summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Part">Actor, issue, stance, evidence, ...</param>
/// <param name="Subject">Which one: an actor or issue id, <c>ACTOR on ISSUE</c> for a stance, the owner for evidence.</param>
/// <param name="Field">For a change, the field that differs (<c>position</c>, <c>salience</c>, <c>capability</c>, ...); otherwise <c>null</c>.</param>
/// <param name="Before">The older value (for a change or a removal), as text.</param>
/// <param name="After">The newer value (for a change or an addition), as text.</param>
public sealed record ScenarioChange(ChangeKind Kind, ScenarioPart Part, string Subject, string? Field, string? Before, string? After)
{
    /// <summary>
    /// One line: <c>+ actor zelensky: Volodymyr Zelensky</c>, <c>- stance usa on sanctions</c>,
    /// <c>~ stance usa on ceasefire: position 80 -> 75</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Kind switch { ChangeKind.Added => "+ ", ChangeKind.Removed => "- ", _ => "~ " });
        text.Append(Part.ToString().ToLowerInvariant()).Append(' ').Append(Subject);
        if (Kind == ChangeKind.Changed)
        {
            text.Append(": ").Append(Field).Append(' ').Append(Before ?? "(none)").Append(" -> ").Append(After ?? "(none)");
        }
        else if ((Kind == ChangeKind.Added ? After : Before) is { Length: > 0 } value)
        {
            text.Append(": ").Append(value);
        }

        return text.ToString();
    }
}
