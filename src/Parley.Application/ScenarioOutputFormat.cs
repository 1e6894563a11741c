namespace Parley.Application;

/// <summary>
/// The format a command writes a scenario in, from <c>--to</c> and the output file's extension: the extension
/// decides when <c>--to</c> is not given, a <c>--to</c> that contradicts it is refused, and so is an extension
/// naming a format the command cannot write (a KTAB <c>.xml</c>, a Decide <c>.txt</c>, a workbook from
/// <c>draft</c>), so that a file's name never lies about its content. A file without an extension, or standard
/// output, gets <c>--to</c> or the command's first format.
/// </summary>
public static class ScenarioOutputFormat
{
    /// <summary>The formats Parley writes scenarios in, by the file extensions that name them.</summary>
    private static readonly (string Extension, string Format)[] Extensions =
        [(".yaml", "yaml"), (".yml", "yaml"), (".json", "json"), (".xlsx", "xlsx"), (".csv", "csv")];

    /// <summary>The extension(s) of <paramref name="format"/>, as <c>.yaml or .yml</c>.</summary>
    public static string ExtensionsOf(string format) =>
        string.Join(" or ", Extensions.Where(e => e.Format == format).Select(e => e.Extension));

    /// <summary>
    /// The format to write: one of <paramref name="writable"/> (the command's formats, its default first),
    /// chosen from <paramref name="requested"/> (<c>--to</c>, <c>null</c> when not given) and the extension of
    /// <paramref name="path"/> (<c>null</c> for standard output). Refused, with what to do instead, when the
    /// two disagree or the extension is not one of a format in <paramref name="writable"/>;
    /// <paramref name="advice"/>, when given, ends the message of an extension the command cannot write.
    /// </summary>
    public static Outcome<string> Choose(string? requested, string? path, IReadOnlyList<string> writable, string? advice = null)
    {
        ArgumentNullException.ThrowIfNull(writable);
        if (writable.Count == 0)
        {
            throw new ArgumentException("A command writes at least one format.", nameof(writable));
        }

        var extension = path is null ? string.Empty : Path.GetExtension(path);
        if (extension.Length == 0)
        {
            return Outcome<string>.Success(requested ?? writable[0]);
        }

        var named = Extensions.FirstOrDefault(e => string.Equals(e.Extension, extension, StringComparison.OrdinalIgnoreCase)).Format;
        if (named is null || !writable.Contains(named))
        {
            var names = Extensions.Where(e => writable.Contains(e.Format)).Select(e => e.Extension).ToList();
            var allowed = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
            return Outcome<string>.Invalid(
                $"--output {path}: this command cannot write a {extension} file; the extension says the format, so name the file {allowed}{(advice is null ? string.Empty : "; " + advice)}");
        }

        if (requested is not null && requested != named)
        {
            return Outcome<string>.Invalid(
                $"--to {requested} contradicts --output {path}, whose extension {extension} is for {named}; name the file {ExtensionsOf(requested)} for {requested}, or leave out --to");
        }

        return Outcome<string>.Success(named);
    }
}
