namespace Parley.Core.Domain;

/// <summary>A document that a scenario's evidence cites.</summary>
/// <param name="Id">Identifier that <see cref="Evidence.SourceId"/> refers to.</param>
/// <param name="Title">Title or headline.</param>
/// <param name="Publisher">Publisher or outlet, if known.</param>
/// <param name="Date">Publication date as written (ISO 8601 preferred), if known.</param>
/// <param name="Url">Where the document can be found, if public.</param>
public sealed record Source(string Id, string Title, string? Publisher = null, string? Date = null, string? Url = null)
{
    /// <summary>The file this source was read from, as given to the tool that read it; <c>null</c> if not recorded.</summary>
    public string? File { get; init; }

    /// <summary>SHA-256 of the source file's bytes, 64 lowercase hex digits, so a later reader can tell whether the document changed; <c>null</c> if not recorded.</summary>
    public string? Sha256 { get; init; }
}
