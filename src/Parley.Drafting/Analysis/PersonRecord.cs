namespace Parley.Drafting.Analysis;

/// <summary>A person the drafter found: the fullest name seen, roles, and the evidence for an affiliation.</summary>
internal sealed class PersonRecord(string key, string fullName)
{
    public string Key { get; } = key;

    public string FullName { get; set; } = fullName;

    public string? Role { get; set; }

    /// <summary>Affiliation clues: an entity id or <c>person:</c> key, their strength (3 role phrase, 2 possessive, 1 same sentence), and the words that justify it.</summary>
    public List<(string Target, int Strength, int Source, int Start, int End)> Clues { get; } = [];

    /// <summary>The resolved affiliation (a gazetteer id), or <c>null</c>.</summary>
    public string? Affiliation { get; set; }

    public int FirstSource { get; set; }

    public int FirstOffset { get; set; }
}
