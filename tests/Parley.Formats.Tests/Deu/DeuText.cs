namespace Parley.Formats.Tests.Deu;

/// <summary>Builds small DEU files in memory: a header, an optional GDP row and issue rows, tab-separated.</summary>
internal static class DeuText
{
    public const string Header = "prnrnmc\tisnrnmc\tprnr\tprname\tisnr\ttype\tcouncil\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tplu\tscom\tsep\tsde\tslu\trp\tout";

    public const string GdpRow = "\t\t\t\t\t\t\t\t\t\t\t4.1\t4.1\t4.1\t0.04\t\t\t\t\t\t";

    /// <summary>An issue row: positions and saliences of com, ep, de, lu (null = empty cell), rp, out.</summary>
    public static string Row(
        string proposal, string issueId, string proc, string rule, string intro,
        (string? Position, string? Salience) com, (string? Position, string? Salience) ep,
        (string? Position, string? Salience) de, (string? Position, string? Salience) lu,
        string rp, string outcome) =>
        string.Join('\t',
            proposal, "1", "d" + proposal, "name" + proposal, issueId, "Reg", "General", proc, rule, intro, "999",
            com.Position ?? string.Empty, ep.Position ?? string.Empty, de.Position ?? string.Empty, lu.Position ?? string.Empty,
            com.Salience ?? string.Empty, ep.Salience ?? string.Empty, de.Salience ?? string.Empty, lu.Salience ?? string.Empty,
            rp, outcome);

    public static string File(params string[] lines) => string.Join('\n', lines) + "\n";
}
