using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Formats;

/// <summary>
/// Reads the BDM-style CSV used by the open replications of Bueno de Mesquita's expected utility
/// model: a header naming the columns <c>Actor</c>, <c>Capability</c>, <c>Position</c> and
/// <c>Salience</c> (any order, any case, further columns ignored), then one row per actor. The
/// file describes one issue.
/// </summary>
/// <remarks>
/// <para>Salience scale: the file's saliences are on 0–1 when every one of them is at most 1,
/// else on 0–100 and divided by 100 (a 0–100 file whose saliences are all 0 or 1 is therefore
/// read as 0–1). Saliences below 0 or above 100 are errors, and so is a file that mixes the
/// scales, values in (0, 1) beside values above 1 (<see cref="SalienceScale"/>).</para>
/// <para>Position scale: BDM files carry none. The issue's scale runs from the lowest to the
/// highest position in the file, the convention of BDM (1994) and of the replications, which
/// normalise distances by the range of the actors' positions; when every actor holds the same
/// position x the scale is 0–100 if x lies in it, else x − 1 to x + 1. The issue has no status quo.</para>
/// <para>Fields are separated by commas; a field may be quoted with <c>"</c> (a doubled quote inside
/// stands for one). Blank lines are skipped. Numbers use the invariant culture (decimal point).</para>
/// </remarks>
public sealed class BdmCsvReader : IScenarioFormatReader
{
    private static readonly string[] RequiredColumns = ["Actor", "Capability", "Position", "Salience"];

    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.BdmCsv;

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        foreach (var (line, _) in Lines(text))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var names = Split(line).Select(f => f.Text.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return RequiredColumns.All(names.Contains);
        }

        return false;
    }

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (InputText.CheckLineLengths(text, fileName) is { } tooLong)
        {
            return ReadResult.Failure([tooLong]);
        }

        var problems = new DiagnosticList();
        var lines = Lines(text).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        if (lines.Count == 0)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "the file is empty; a BDM CSV needs a header (Actor, Capability, Position, Salience) and one row per actor")]);
        }

        var (headerText, headerLine) = lines[0];
        var header = Split(headerText);
        var columnOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Text.Trim();
            if (RequiredColumns.Contains(name, StringComparer.OrdinalIgnoreCase) && !columnOf.TryAdd(name, c))
            {
                problems.Add(new Diagnostic(fileName, headerLine, header[c].Column, $"column '{Excerpt.Of(name)}' appears twice; name each of Actor, Capability, Position and Salience once"));
            }
        }

        var missing = RequiredColumns.Where(c => !columnOf.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new Diagnostic(fileName, headerLine, 1, $"missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header needs Actor, Capability, Position and Salience (any order, any case)"));
            return ReadResult.Failure(problems);
        }

        if (lines.Count == 1)
        {
            problems.Add(new Diagnostic(fileName, headerLine, 1, "the file has a header but no actors; add one row per actor below the header"));
            return ReadResult.Failure(problems);
        }

        var rows = new List<Row>(lines.Count - 1);
        foreach (var (lineText, lineNumber) in lines.Skip(1))
        {
            var fields = Split(lineText);
            if (fields.Count != header.Count)
            {
                problems.Add(new Diagnostic(fileName, lineNumber, 1, $"this row has {fields.Count} field{(fields.Count == 1 ? string.Empty : "s")} but the header has {header.Count}; give every row one field per column"));
                continue;
            }

            var name = fields[columnOf["Actor"]];
            var row = new Row(
                lineNumber,
                name.Text.Trim(),
                name.Column,
                ParseNumber(fields[columnOf["Capability"]], "capability", lineNumber, fileName, problems),
                ParseNumber(fields[columnOf["Position"]], "position", lineNumber, fileName, problems),
                ParseNumber(fields[columnOf["Salience"]], "salience", lineNumber, fileName, problems));
            if (row.Name.Length == 0)
            {
                problems.Add(new Diagnostic(fileName, lineNumber, name.Column, "the actor name is empty; give every actor a name"));
            }

            rows.Add(row);
        }

        var (salienceDivisor, mixedScales) = SalienceScale.Decide([.. rows.Select(r => new SalienceScale.Written(r.Salience.Value, r.Line, r.Salience.Column))], fileName);
        if (mixedScales is not null)
        {
            problems.Add(mixedScales);
        }

        foreach (var row in rows.Where(r => r.Salience.Value is < 0 or > 100))
        {
            problems.Add(new Diagnostic(fileName, row.Line, row.Salience.Column, $"salience {Show(row.Salience.Value)} is out of range; salience is from 0 to 1, or from 0 to 100 for the whole file"));
        }

        var scenario = Build(rows, salienceDivisor, fileName, out var map);
        problems.AddRange(ScenarioChecker.Check(scenario, map, fileName));
        return ReadResult.From(scenario, problems);
    }

    private static Scenario Build(List<Row> rows, double salienceDivisor, string fileName, out SourceMap map)
    {
        map = new SourceMap();
        map.Set("scenario", SourceLocation.Start);
        map.Set(SourceMap.Key("issue", 0), SourceLocation.Start);
        var positions = rows.Select(r => r.Position.Value).ToList();
        var (min, max) = Scale(positions);

        var actors = ImmutableArray.CreateBuilder<Actor>(rows.Count);
        var stances = ImmutableArray.CreateBuilder<Stance>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var actorIndex = actors.Count;
            map.Set(SourceMap.Key("actor", actorIndex), row.Line, 1);
            map.Set(SourceMap.Key("actor", actorIndex, "id"), row.Line, row.NameColumn);
            map.Set(SourceMap.Key("actor", actorIndex, "capability"), row.Line, row.Capability.Column);
            actors.Add(new Actor { Id = row.Name, Name = row.Name, Capability = row.Capability.Value });

            // A repeated name is reported once, as a duplicate actor, not again as a duplicate stance.
            if (!seen.Add(row.Name))
            {
                continue;
            }

            var stanceIndex = stances.Count;
            map.Set(SourceMap.Key("stance", stanceIndex), row.Line, 1);
            map.Set(SourceMap.Key("stance", stanceIndex, "position"), row.Line, row.Position.Column);
            map.Set(SourceMap.Key("stance", stanceIndex, "salience"), row.Line, row.Salience.Column);
            stances.Add(new Stance
            {
                ActorId = row.Name,
                IssueId = "issue",
                Position = row.Position.Value,
                Salience = Math.Clamp(Percent.Divide(row.Salience.Value, salienceDivisor), 0, 1),
            });
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "bdm";
        }

        return new Scenario
        {
            Id = name,
            Title = name,
            Description = "Read from a BDM-style CSV (Actor, Capability, Position, Salience).",
            Issues = [new Issue { Id = "issue", Name = name, ScaleMin = min, ScaleMax = max }],
            Actors = actors.ToImmutable(),
            Stances = stances.ToImmutable(),
        };
    }

    private static (double Min, double Max) Scale(List<double> positions)
    {
        var finite = positions.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 100);
        }

        double min = finite.Min(), max = finite.Max();
        if (max > min)
        {
            return (min, max);
        }

        if (min is >= 0 and <= 100)
        {
            return (0, 100);
        }

        // One common position: a scale around it, 1 either side or, for huge values where 1 is
        // below the resolution of a double, a relative 2^-20 of it (kept on the finite side).
        var pad = Math.Max(1.0, Math.Abs(min) * 9.5367431640625e-7);
        return double.IsFinite(min + pad) && double.IsFinite(min - pad) ? (min - pad, min + pad)
            : min > 0 ? (min - (2 * pad), min)
            : (min, min + (2 * pad));
    }

    /// <summary>A number field; an unreadable one is reported and read as 0 so that later checks stay quiet about it.</summary>
    private static Number ParseNumber(Field field, string what, int line, string fileName, DiagnosticList problems)
    {
        var text = field.Text.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var shown = text.Length == 0 ? "empty" : $"'{Excerpt.Of(text)}', not a number";
            problems.Add(new Diagnostic(fileName, line, field.Column, $"{what} is {shown}; write a number with a decimal point, e.g. 0.5"));
            return new Number(0, field.Column);
        }

        if (!double.IsFinite(value))
        {
            problems.Add(new Diagnostic(fileName, line, field.Column, $"{what} is {Excerpt.Of(text)}; it must be a finite number"));
            return new Number(0, field.Column);
        }

        return new Number(value, field.Column);
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The file's lines with their numbers (from 1), without line terminators.</summary>
    private static IEnumerable<(string Text, int Number)> Lines(string text)
    {
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            yield return (line.TrimEnd('\r'), number);
        }
    }

    /// <summary>Splits one line at commas outside quotes; each field keeps the column (from 1) where it starts.</summary>
    private static List<Field> Split(string line)
    {
        var fields = new List<Field>();
        var start = 0;
        while (true)
        {
            var column = start + 1;
            var position = start;
            while (position < line.Length && line[position] == ' ')
            {
                position++;
            }

            string value;
            int end;
            if (position < line.Length && line[position] == '"')
            {
                column = position + 1;
                var builder = new System.Text.StringBuilder();
                var at = position + 1;
                while (at < line.Length)
                {
                    if (line[at] == '"')
                    {
                        if (at + 1 < line.Length && line[at + 1] == '"')
                        {
                            builder.Append('"');
                            at += 2;
                            continue;
                        }

                        at++;
                        break;
                    }

                    builder.Append(line[at]);
                    at++;
                }

                value = builder.ToString();
                end = line.IndexOf(',', at);
            }
            else
            {
                end = line.IndexOf(',', start);
                value = end < 0 ? line[start..] : line[start..end];
                column = position + 1;
            }

            fields.Add(new Field(value, column));
            if (end < 0)
            {
                return fields;
            }

            start = end + 1;
        }
    }

    private readonly record struct Field(string Text, int Column);

    private readonly record struct Number(double Value, int Column);

    private sealed record Row(int Line, string Name, int NameColumn, Number Capability, Number Position, Number Salience);
}
