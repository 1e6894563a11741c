using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Formats.Ktab;

/// <summary>
/// Reads KTAB's SMP scenario CSV (<see cref="ScenarioFormat.KtabCsv"/>).
/// </summary>
/// <remarks>
/// Layout, as KTAB's <c>smpread.cpp</c> reads it: line 1 <c>name, description, actors, dimensions</c>
/// (further fields ignored); line 2 the header <c>Actor, Description, Power, &lt;dim 1&gt;, &lt;sal 1&gt;, …</c>,
/// whose position columns name the dimensions; then one row per actor
/// <c>name, description, capability, position 1, salience 1, …</c>. Trailing commas and blank
/// lines are ignored; fields may be quoted. The header and each row hold exactly
/// <c>3 + 2 × dimensions</c> fields: fewer is an error, and so is more (the extra ones would be dropped without a word). Positions and saliences are on a 0–100 scale: each
/// dimension becomes an <see cref="Issue"/> on [0, 100], each salience is divided by 100, and
/// Power becomes the actor's <see cref="Actor.Capability"/>. KTAB's own limits are checked:
/// capability in (0, 10⁸], positions and saliences in [0, 100], an actor's saliences summing to
/// more than 0 and at most 100. Unlike KTAB, no upper limit is put on the number of actors.
/// </remarks>
public sealed class KtabCsvReader : IScenarioFormatReader
{
    private const double MaxCapability = 1e8;

    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.KtabCsv;

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        var lines = CsvLine.SplitAll(text).Where(l => !l.IsBlank).Take(2).ToList();
        return lines.Count == 2
            && lines[0].Count >= 4
            && int.TryParse(lines[0].Fields[2].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && int.TryParse(lines[0].Fields[3].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && lines[1].Count >= 1
            && string.Equals(lines[1].Fields[0].Text, "Actor", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName)
    {
        if (InputText.CheckLineLengths(text, fileName) is { } tooLong)
        {
            return ReadResult.Failure([tooLong]);
        }

        var problems = new DiagnosticList();
        void Report(int line, int column, string message) => problems.Add(new Diagnostic(fileName, line, column, message));

        var lines = CsvLine.SplitAll(text);
        var content = lines.Where(l => !l.IsBlank).ToList();
        if (content.Count == 0)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "the file is empty; a KTAB CSV starts with 'name, description, actors, dimensions'")]);
        }

        var first = content[0];
        if (first.Count < 4)
        {
            Report(first.LineNumber, first.EndColumn, $"the first line has {first.Count} field(s); it needs 4: scenario name, description, number of actors, number of dimensions");
            return ReadResult.Failure(problems);
        }

        var actorCount = ReadCount(first, 2, "number of actors", Report);
        var dimensionCount = ReadCount(first, 3, "number of dimensions", Report);
        if (actorCount is null || dimensionCount is null)
        {
            return ReadResult.Failure(problems);
        }

        if (content.Count < 2)
        {
            Report(first.LineNumber + 1, 1, "the header line is missing; after the first line comes 'Actor, Description, Power' then a position and a salience column per dimension");
            return ReadResult.Failure(problems);
        }

        var header = content[1];
        var dimensions = dimensionCount.Value;
        var expected = 3L + (2L * dimensions); // long: a dimension count near int.MaxValue must not wrap round (found by fuzzing)
        if (header.Count < expected)
        {
            Report(header.LineNumber, header.EndColumn, $"the header has {header.Count} column(s); with {dimensions} dimension(s) it needs {expected}: Actor, Description, Power, then a position and a salience column per dimension");
            return ReadResult.Failure(problems);
        }

        if (header.Count > expected)
        {
            // Columns past the declared dimensions would be dropped without a word (a dimension
            // count left at 2 while a third was added): that is a mismatch, as too few columns are.
            var (extra, column) = header.Fields[(int)expected];
            Report(header.LineNumber, column, string.Create(CultureInfo.InvariantCulture,
                $"the header has {header.Count} column(s) but line {first.LineNumber} declares {dimensions} dimension(s), which take {expected}: Actor, Description, Power, then a position and a salience column per dimension; '{Excerpt.Of(extra)}' and the columns after it would be ignored: declare {DimensionsFor(header.Count)} on line {first.LineNumber}, or remove the extra columns"));
            return ReadResult.Failure(problems);
        }

        var map = new SourceMap();
        map.Set("scenario", first.LineNumber, first.Fields[0].Column);
        var issues = ImmutableArray.CreateBuilder<Issue>(dimensions);
        for (var d = 0; d < dimensions; d++)
        {
            var (name, column) = header.Fields[3 + (2 * d)];
            map.Set(SourceMap.Key("issue", d), header.LineNumber, column);
            map.Set(SourceMap.Key("issue", d, "id"), header.LineNumber, column);
            issues.Add(new Issue { Id = name, Name = name, ScaleMin = 0, ScaleMax = 100 });
        }

        var rows = content.Skip(2).ToList();
        if (rows.Count != actorCount.Value)
        {
            var (line, column) = rows.Count > actorCount.Value
                ? (rows[actorCount.Value].LineNumber, 1)
                : (first.LineNumber, first.Fields[2].Column);
            Report(line, column, $"line {first.LineNumber} declares {actorCount.Value} actor(s) but the file has {rows.Count} actor row(s); make the count match the rows");
        }

        var actors = ImmutableArray.CreateBuilder<Actor>(rows.Count);
        var stances = ImmutableArray.CreateBuilder<Stance>(rows.Count * dimensions);
        foreach (var row in rows)
        {
            if (row.Count < expected)
            {
                Report(row.LineNumber, row.EndColumn, $"the row has {row.Count} field(s); it needs {expected}: name, description, power, then a position and a salience per dimension");
                continue;
            }

            if (row.Count > expected)
            {
                Report(row.LineNumber, row.Fields[(int)expected].Column, string.Create(CultureInfo.InvariantCulture,
                    $"the row has {row.Count} field(s) but {dimensions} dimension(s) take {expected}: name, description, power, then a position and a salience per dimension; '{Excerpt.Of(row.Fields[(int)expected].Text)}' and the fields after it would be ignored: remove them, or add their dimension to the header and to line {first.LineNumber}'s count"));
            }

            var (name, nameColumn) = row.Fields[0];
            var capability = ReadNumber(row, 2, "power", Report);
            if (capability is { } c && !(c > 0 && c <= MaxCapability))
            {
                Report(row.LineNumber, row.Fields[2].Column, $"power {FormatNumber(c)} is out of range; KTAB capabilities are greater than 0 and at most 1e8");
            }

            var actorIndex = actors.Count;
            map.Set(SourceMap.Key("actor", actorIndex), row.LineNumber, nameColumn);
            map.Set(SourceMap.Key("actor", actorIndex, "id"), row.LineNumber, nameColumn);
            map.Set(SourceMap.Key("actor", actorIndex, "capability"), row.LineNumber, row.Fields[2].Column);
            actors.Add(new Actor { Id = name, Name = name, Description = row.Fields[1].Text, Capability = capability ?? 1 });

            var salienceSum = 0.0;
            var salienceValid = true;
            for (var d = 0; d < dimensions; d++)
            {
                var position = ReadNumber(row, 3 + (2 * d), "position", Report);
                var salience = ReadNumber(row, 4 + (2 * d), "salience", Report);
                if (position is { } p && !(p >= 0 && p <= 100))
                {
                    Report(row.LineNumber, row.Fields[3 + (2 * d)].Column, $"position {FormatNumber(p)} is out of range; KTAB positions are from 0 to 100");
                }

                if (salience is { } s && !(s >= 0 && s <= 100))
                {
                    Report(row.LineNumber, row.Fields[4 + (2 * d)].Column, $"salience {FormatNumber(s)} is out of range; KTAB saliences are from 0 to 100");
                    salienceValid = false;
                }

                salienceSum += salience ?? 0;
                salienceValid &= salience is not null;
                var stanceIndex = stances.Count;
                map.Set(SourceMap.Key("stance", stanceIndex), row.LineNumber, nameColumn);
                map.Set(SourceMap.Key("stance", stanceIndex, "position"), row.LineNumber, row.Fields[3 + (2 * d)].Column);
                map.Set(SourceMap.Key("stance", stanceIndex, "salience"), row.LineNumber, row.Fields[4 + (2 * d)].Column);
                stances.Add(new Stance
                {
                    ActorId = name,
                    IssueId = issues[d].Id,
                    Position = position ?? 0,
                    Salience = Math.Clamp(Percent.Divide(salience ?? 0, 100), 0, 1),
                });
            }

            if (salienceValid && !(salienceSum > 0 && salienceSum <= 100))
            {
                Report(row.LineNumber, row.Fields[4].Column, $"the saliences of '{Excerpt.Of(name)}' sum to {FormatNumber(salienceSum)}; KTAB needs a sum greater than 0 and at most 100");
            }
        }

        var title = first.Fields[0].Text;
        var scenario = new Scenario
        {
            Id = title,
            Title = title,
            Description = first.Fields[1].Text.Length > 0 ? first.Fields[1].Text : null,
            Actors = actors.ToImmutable(),
            Issues = issues.ToImmutable(),
            Stances = stances.ToImmutable(),
        };

        // One pass: the scenario's checks (ids, duplicates) run even when a value was refused above;
        // a refused value was replaced by a neutral one, and its spot is not reported twice.
        problems.AddUnlessLocated(ScenarioChecker.Check(scenario, map, fileName));
        return ReadResult.From(scenario, problems);
    }

    /// <summary>What <paramref name="columns"/> header columns would declare: "3 dimensions", or the odd column's fix.</summary>
    private static string DimensionsFor(int columns) => (columns - 3) % 2 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(columns - 3) / 2} dimensions")
        : "as many dimensions as there are position and salience column pairs";

    private static int? ReadCount(CsvLine line, int index, string what, Action<int, int, string> report)
    {
        var (text, column) = line.Fields[index];
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            report(line.LineNumber, column, $"{what} '{Excerpt.Of(text)}' is not allowed; give a whole number of 1 or more");
            return null;
        }

        return count;
    }

    private static double? ReadNumber(CsvLine row, int index, string what, Action<int, int, string> report)
    {
        var (text, column) = row.Fields[index];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            report(row.LineNumber, column, text.Length == 0
                ? $"{what} is missing; give a number"
                : $"{what} '{Excerpt.Of(text)}' is not a number; write numbers like 42 or 57.5");
            return null;
        }

        return value;
    }

    private static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
