namespace Parley.Formats.Sheets;

/// <summary>
/// The sheets of a matrix workbook and their columns (<c>docs/spreadsheets.md</c>): the one place
/// both the reader and the writer take them from.
/// </summary>
internal static class SheetLayout
{
    public const string Scenario = "Scenario", Sources = "Sources", Actors = "Actors", Issues = "Issues", Points = "Points",
        Stances = "Stances", Evidence = "Evidence", Candidates = "Candidates";

    /// <summary>The sheets in the order they are written.</summary>
    public static readonly string[] SheetNames = [Scenario, Sources, Actors, Issues, Points, Stances, Evidence, Candidates];

    /// <summary>The sheets a workbook read on its own must have.</summary>
    public static readonly string[] RequiredSheets = [Actors, Issues, Stances];

    /// <summary>The rows of the Scenario sheet (columns <c>field</c>, <c>value</c>).</summary>
    public static readonly string[] ScenarioFields =
    [
        "id", "title", "date", "question", "horizon", "description",
        "default_spread_position", "default_spread_salience", "default_spread_capability", StagesAndRules,
    ];

    /// <summary>The Scenario sheet's field holding the stages and decision rules as native YAML.</summary>
    public const string StagesAndRules = "stages_and_rules";

    /// <summary>Each sheet's columns in written order; the first <see cref="Required"/> of them must be in the header.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Scenario] = ["field", "value"],
        [Sources] = ["id", "title", "publisher", "date", "url", "file", "sha256"],
        [Actors] = ["id", "name", "kind", "description", "capability", "capability_low", "capability_high", "capability_sd", "members"],
        [Issues] = ["id", "name", "description", "min", "max", "status_quo", "outcome", "outcome_observed", "outcome_note"],
        [Points] = ["issue", "value", "label"],
        [Stances] = ["actor", "issue", "position", "salience", "capability", "position_low", "position_high", "position_sd", "salience_low", "salience_high", "salience_sd", "suggestion", "suggestion_basis"],
        [Evidence] = ["actor", "issue", "kind", "text", "source"],
        [Candidates] = ["actor", "issue", "quote", "source", "start", "end", "kind", "score"],
    };

    /// <summary>The columns each sheet's header must name.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Scenario] = ["field", "value"],
        [Sources] = ["id", "title"],
        [Actors] = ["id"],
        [Issues] = ["id"],
        [Points] = ["issue", "value", "label"],
        [Stances] = ["actor", "issue", "position", "salience"],
        [Evidence] = ["kind", "text"],
        [Candidates] = ["actor", "quote", "source", "start", "end", "kind", "score"],
    };

    /// <summary>The matrix CSV's columns besides the evidence groups, in written order.</summary>
    public static readonly string[] CsvColumns =
    [
        "actor", "actor_name", "capability", "issue", "issue_name", "min", "max", "status_quo",
        "position", "salience", "stance_capability", "position_low", "position_high", "position_sd", "salience_low", "salience_high", "salience_sd",
    ];

    /// <summary>The columns a matrix CSV's header must name (also how it is recognised).</summary>
    public static readonly string[] CsvRequired = ["actor", "issue", "position", "salience"];

    /// <summary>The names of evidence group <paramref name="number"/> (from 1) of the matrix CSV: <c>evidence_1_kind</c>, <c>evidence_1_text</c>, <c>evidence_1_source</c>.</summary>
    public static (string Kind, string Text, string Source) EvidenceColumns(int number) =>
        ($"evidence_{number}_kind", $"evidence_{number}_text", $"evidence_{number}_source");
}
