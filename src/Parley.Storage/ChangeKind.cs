namespace Parley.Storage;

/// <summary>How one part of a scenario differs between two versions.</summary>
public enum ChangeKind
{
    /// <summary>In the newer version only.</summary>
    Added,

    /// <summary>In the older version only.</summary>
    Removed,

    /// <summary>In both, with a different value.</summary>
    Changed,
}
