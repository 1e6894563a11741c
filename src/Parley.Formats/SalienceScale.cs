using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// The salience scale of a file that may write saliences on 0–1 or on 0–100 (BDM CSV, Decide),
/// decided once for the whole file: 0–1 when no salience exceeds 1, else 0–100 (divided by 100).
/// </summary>
/// <remarks>
/// The peers allow either scale (Decide's <c>#D</c> rows document 0–100 while its sample files use
/// 0–1; the BDM replications use 0–1, some published tables 0–100), so the scale is the file's, not
/// the format's. A file that uses both is refused: one salience written as a percentage (80 among
/// 0.8s) would otherwise turn the file to 0–100 and shrink every other salience a hundredfold
/// without a word. Values in (0, 1) alongside values above 1 are that mix: on 0–100 they are
/// under one point, which no analyst writes on purpose. 0 and 1 read sensibly on either scale and
/// are left alone; values outside 0–100 are the readers' own errors and are not counted here.
/// </remarks>
internal static class SalienceScale
{
    /// <summary>One salience as written, with where it is.</summary>
    /// <param name="Value">The number as written.</param>
    /// <param name="Line">Its line, from 1.</param>
    /// <param name="Column">Its column, from 1.</param>
    public readonly record struct Written(double Value, int Line, int Column);

    /// <summary>
    /// The divisor of <paramref name="saliences"/> (1 for 0–1, 100 for 0–100), and, when they mix
    /// both scales, the problem, located at the first salience that disagrees with the scale most of
    /// them are on (on a tie, the scale of the first one written).
    /// </summary>
    /// <param name="saliences">The file's saliences in file order.</param>
    /// <param name="fileName">The file, for the diagnostic.</param>
    public static (double Divisor, Diagnostic? Problem) Decide(IReadOnlyList<Written> saliences, string fileName)
    {
        ArgumentNullException.ThrowIfNull(saliences);
        var divisor = saliences.Any(s => s.Value > 1) ? 100.0 : 1.0;
        var fractions = saliences.Where(s => s.Value is > 0 and < 1).ToList();
        var percentages = saliences.Where(s => s.Value is > 1 and <= 100).ToList();
        if (fractions.Count == 0 || percentages.Count == 0)
        {
            return (divisor, null);
        }

        var firstIsFraction = saliences.First(s => s.Value is > 0 and < 1 or > 1 and <= 100).Value < 1;
        var fileIsFractions = fractions.Count > percentages.Count || (fractions.Count == percentages.Count && firstIsFraction);
        var (odd, usual) = fileIsFractions ? (percentages, fractions) : (fractions, percentages);
        var first = odd[0];
        var example = usual[0];
        var andMore = usual.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" and {usual.Count - 1:N0} more") : string.Empty;
        var likewise = odd.Count > 1
            ? string.Create(CultureInfo.InvariantCulture, $" (and the {odd.Count - 1:N0} other salience{(odd.Count == 2 ? string.Empty : "s")} {(fileIsFractions ? "above" : "below")} 1 likewise)")
            : string.Empty;
        var message = fileIsFractions
            ? string.Create(CultureInfo.InvariantCulture,
                $"salience {Show(first.Value)} is on 0-100 but the file's other saliences are on 0-1 ({Show(example.Value)} on line {example.Line}{andMore}); "
                + $"one scale is read for the whole file, and on 0-100 {Show(example.Value)} would weigh {Show(Percent.Divide(example.Value, 100))}, a hundredth of what it says; "
                + $"write {Show(first.Value)} as {Show(Percent.Divide(first.Value, 100))}{likewise}, or write every salience on 0-100")
            : string.Create(CultureInfo.InvariantCulture,
                $"salience {Show(first.Value)} is on 0-1 but the file's other saliences are on 0-100 ({Show(example.Value)} on line {example.Line}{andMore}); "
                + $"one scale is read for the whole file, and on 0-100 {Show(first.Value)} would weigh {Show(Percent.Divide(first.Value, 100))}, a hundredth of what it says; "
                + $"write it as {Show((double)((decimal)first.Value * 100))}{likewise}, or write every salience on 0-1");
        return (divisor, new Diagnostic(fileName, first.Line, first.Column, message));
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
