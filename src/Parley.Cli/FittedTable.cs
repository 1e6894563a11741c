using Spectre.Console;
using Spectre.Console.Rendering;

namespace Parley.Cli;

/// <summary>
/// A table that fits the console's width without splitting a word: columns wrap only between words,
/// and when the columns cannot all fit side by side the value columns are split over several tables,
/// each repeating the key columns (the issue, the actor), as many to a table as the width allows.
/// </summary>
/// <remarks>
/// Spectre shrinks a table that is too wide by wrapping cells at spaces; only when even the longest
/// word of every column cannot fit does it cut words ("comprom…", "[---" / "--|]"). So a table fits
/// when the sum of its columns' needs (the longest word, or the whole cell for short cells) and the
/// borders (three characters per column and one) is at most the width.
/// </remarks>
internal sealed partial class FittedTable
{

    /// <summary>Cells up to this long are kept on one line ("55.6 (from 10)"); longer text wraps between words.</summary>
    private const int ShortCell = 16;

    private readonly List<(string Header, Justify Alignment, bool Key, bool Wrap)> columns = [];
    private readonly List<string[]> rows = [];

    /// <summary>The title over the table (markup); split tables number it "(1/3)".</summary>
    public string? Title { get; init; }

    /// <summary>Key columns get at least this many characters when their text is that long, so names wrap into few lines.</summary>
    public int KeyWidth { get; init; } = 24;

    /// <summary>Lines between rows (for cells of several lines).</summary>
    public bool RowSeparators { get; init; }

    /// <summary>Adds a column repeated in every part of a split table (markup header).</summary>
    public FittedTable Key(string header, Justify alignment = Justify.Left)
    {
        columns.Add((header, alignment, true, true));
        return this;
    }

    /// <summary>Adds a column that may go to another part when the table is split (markup header); <paramref name="wrap"/> false keeps each cell line whole (bars, sparklines).</summary>
    public FittedTable Column(string header, Justify alignment = Justify.Left, bool wrap = true)
    {
        columns.Add((header, alignment, false, wrap));
        return this;
    }

    /// <summary>Adds a row of markup cells, one per column.</summary>
    public FittedTable Row(params string[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"a row has {cells.Length} cells for {columns.Count} columns", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    /// <summary>How many tables <see cref="Write"/> would print at <paramref name="width"/>.</summary>
    public int Parts(int width) => Groups(width, Needs(true).OfType<int>(), Needs(false)).Count;

    /// <summary>Writes the table, split into as many tables as <paramref name="console"/>'s width needs.</summary>
    public void Write(CliConsole console)
    {
        var keyNeeds = Needs(true).OfType<int>();
        var valueNeeds = Needs(false);
        var groups = Groups(console.Width, keyNeeds, valueNeeds);
        for (var g = 0; g < groups.Count; g++)
        {
            var shown = columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.Key || groups[g].Contains(c.Index)).ToList();
            var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded);
            if (RowSeparators)
            {
                table.ShowRowSeparators();
            }

            if (Title is not null)
            {
                table.Title(groups.Count == 1 ? Title : $"{Title} [grey]({g + 1}/{groups.Count})[/]");
            }

            var widths = Widths(console.Width, [.. shown.Select(c => Need(c.Index, c.Column.Key))], [.. shown.Select(c => Natural(c.Index))]);
            for (var c = 0; c < shown.Count; c++)
            {
                var column = shown[c].Column;
                table.AddColumn(new TableColumn(Renderable(column.Header)) { Alignment = column.Alignment, NoWrap = !column.Wrap, Width = widths?[c] });
            }

            foreach (var row in rows)
            {
                table.AddRow([.. shown.Select(c => Renderable(row[c.Index]))]);
            }

            console.Ansi.Write(table);
        }
    }

    /// <summary>
    /// Splits the value columns into groups, in order, each as large as fits beside the key columns in
    /// <paramref name="width"/> (a column too wide for any group gets one of its own).
    /// </summary>
    /// <param name="width">The console's width.</param>
    /// <param name="keyNeeds">Characters each key column needs.</param>
    /// <param name="valueNeeds">Characters each value column needs, by column index (<c>null</c> for key columns).</param>
    internal static List<List<int>> Groups(int width, IEnumerable<int> keyNeeds, IReadOnlyList<int?> valueNeeds)
    {
        var fixedWidth = 1 + keyNeeds.Sum(w => w + 3);
        var greedy = Pack(width, fixedWidth, valueNeeds, _ => int.MaxValue);

        // Spread the columns evenly (7 models at 80 columns: 3, 2, 2 rather than 3, 3, 1) when the same number of tables holds them.
        var count = valueNeeds.Count(n => n is not null);
        var tables = greedy.Count;
        var even = Pack(width, fixedWidth, valueNeeds, g => (count / tables) + (g < count % tables ? 1 : 0));
        return even.Count == tables ? even : greedy;
    }

    /// <summary>Packs the value columns in order, a table at a time, each taking what fits and at most <paramref name="most"/>(table index) columns.</summary>
    private static List<List<int>> Pack(int width, int fixedWidth, IReadOnlyList<int?> valueNeeds, Func<int, int> most)
    {
        var groups = new List<List<int>>();
        var current = new List<int>();
        var used = fixedWidth;
        for (var i = 0; i < valueNeeds.Count; i++)
        {
            if (valueNeeds[i] is not { } need)
            {
                continue;
            }

            if (current.Count > 0 && (used + need + 3 > width || current.Count >= most(groups.Count)))
            {
                groups.Add(current);
                current = [];
                used = fixedWidth;
            }

            current.Add(i);
            used += need + 3;
        }

        groups.Add(current);
        return groups;
    }

    /// <summary>
    /// The columns' widths when the table is wider than <paramref name="width"/> at its natural widths
    /// (else <c>null</c>: Spectre lays it out): each column its need, and the room left shared out in
    /// proportion to what each lacks of its natural width. Spectre's own narrowing shrinks the widest
    /// columns first, below their longest word, which is what splits words ("compromi"/"se").
    /// </summary>
    internal static int[]? Widths(int width, int[] needs, int[] naturals)
    {
        if (1 + naturals.Sum(n => n + 3) <= width)
        {
            return null;
        }

        var widths = needs.ToArray();
        var spare = width - 1 - needs.Sum(n => n + 3);
        var lacking = needs.Select((n, i) => Math.Max(0, naturals[i] - n)).ToArray();
        var total = lacking.Sum();
        if (spare <= 0 || total == 0)
        {
            return widths;
        }

        var given = 0;
        for (var i = 0; i < widths.Length; i++)
        {
            var share = Math.Min(lacking[i], (int)((long)spare * lacking[i] / total));
            widths[i] += share;
            given += share;
        }

        // What rounding left over goes to the first columns that still lack room.
        for (var i = 0; i < widths.Length && given < spare; i++)
        {
            var more = Math.Min(spare - given, naturals[i] - widths[i]);
            if (more > 0)
            {
                widths[i] += more;
                given += more;
            }
        }

        return widths;
    }

    /// <summary>
    /// A cell's markup as Spectre should draw it: as one <see cref="Text"/> (with its one style, if any) when it is
    /// plain text or plain text in one style tag, since Spectre's markup breaks lines between the pieces an escaped
    /// bracket makes ("[95%]" drawn as "[" / "95%]"), where a text breaks only at spaces; other markup as it is.
    /// </summary>
    internal static IRenderable Renderable(string markup)
    {
        var styled = OneStyle().Match(markup);
        var (style, inner) = styled.Success ? (Style.Parse(styled.Groups["style"].Value), styled.Groups["inner"].Value) : (Style.Plain, markup);
        var text = Markup.Remove(inner);
        return Markup.Escape(text) == inner ? new Text(text, style) : new Markup(markup);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\[(?<style>[a-z0-9 #]+)\](?<inner>.*)\[/\]$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex OneStyle();

    private int Natural(int column) =>
        rows.Select(r => r[column]).Prepend(columns[column].Header).Select(Markup.Remove)
            .SelectMany(t => t.Split('\n')).Select(l => l.Length).DefaultIfEmpty(0).Max();

    /// <summary>The characters each key column needs (<paramref name="key"/>), or each value column's by index (null for the others).</summary>
    private List<int?> Needs(bool key) =>
        [.. columns.Select((c, i) => c.Key == key ? Need(i, c.Key) : (int?)null)];

    private int Need(int column, bool key)
    {
        static int LongestWord(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();
        static int LongestLine(string text) => text.Split('\n').Select(l => l.Length).DefaultIfEmpty(0).Max();
        var header = Markup.Remove(columns[column].Header);
        var cells = rows.Select(r => Markup.Remove(r[column])).ToList();
        var longestWord = cells.Select(LongestWord).Append(LongestWord(header)).Max();
        var longestLine = cells.Select(LongestLine).DefaultIfEmpty(0).Max();

        // Headers wrap between words ("Median AE" over two lines); short cells stay on one line; long text wraps.
        return key ? Math.Max(longestWord, Math.Min(Math.Max(longestLine, LongestLine(header)), KeyWidth))
            : !columns[column].Wrap || longestLine <= ShortCell ? Math.Max(longestWord, longestLine)
            : longestWord;
    }
}
