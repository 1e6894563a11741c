using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// The problems found in one file, keeping at most <see cref="Limit"/> of them and counting the
/// rest: a broken 64 MiB file can hold millions of problems, and neither memory nor the user's
/// terminal should receive them all. <see cref="Summarize"/> lists the kept ones and closes with
/// "and N more problems".
/// </summary>
public sealed class DiagnosticList : Collection<Diagnostic>
{
    /// <summary>How many problems of one file are kept and listed: 100.</summary>
    public const int Limit = 100;

    /// <summary>How many problems were found beyond <see cref="Limit"/> and not kept.</summary>
    public int Omitted { get; private set; }

    /// <summary>Every problem found, kept or not: use it to tell whether a step found any.</summary>
    public int Total => Count + Omitted;

    /// <summary>Adds every problem of <paramref name="diagnostics"/> (counting those past the limit).</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }

        if (diagnostics is DiagnosticList other)
        {
            Omitted += other.Omitted;
        }
    }

    /// <summary>
    /// Adds the problems of <paramref name="diagnostics"/> found at a line and column where no
    /// problem is listed yet: a later check of a value already reported adds nothing new.
    /// </summary>
    public void AddUnlessLocated(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reported = this.Select(d => (d.Sheet, d.Line, d.Column)).ToHashSet();
        AddRange(diagnostics.Where(d => !reported.Contains((d.Sheet, d.Line, d.Column))));
    }

    /// <summary>
    /// <paramref name="diagnostics"/> sorted by line and column (a workbook's by sheet name, then row and column), at most <see cref="Limit"/> of
    /// them, followed, when some were left out, by one "and N more problems" diagnostic.
    /// </summary>
    public static ImmutableArray<Diagnostic> Summarize(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var omitted = diagnostics is DiagnosticList list ? list.Omitted : 0;
        var sorted = diagnostics.OrderBy(d => d.Sheet ?? string.Empty, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToImmutableArray();
        if (sorted.Length > Limit)
        {
            omitted += sorted.Length - Limit;
            sorted = sorted[..Limit];
        }

        if (omitted == 0)
        {
            return sorted;
        }

        var last = sorted[^1];
        return sorted.Add(last with
        {
            MoreProblems = omitted,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"and {omitted:N0} more problem{(omitted == 1 ? string.Empty : "s")}; only the first {Limit} are listed: fix these and check the file again"),
        });
    }

    /// <summary>
    /// How many problems <paramref name="diagnostics"/> report: one for each, except that a closing
    /// "and N more problems" (<see cref="Summarize"/>) counts the N it stands for, not itself; so a
    /// file with 150 problems counts 150, not the 101 lines listed.
    /// </summary>
    public static int CountProblems(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Sum(d => d.MoreProblems > 0 ? d.MoreProblems : 1);
    }

    /// <inheritdoc />
    protected override void InsertItem(int index, Diagnostic item)
    {
        if (Count >= Limit)
        {
            Omitted++;
            return;
        }

        base.InsertItem(index, item);
    }
}
