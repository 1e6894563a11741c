using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Domain;

namespace Parley.Formats.Decide;

/// <summary>
/// Reads the input files of the Decide exchange model (Stokman &amp; Van Oosten; the Python
/// <c>decide-exchange-model</c>): rows keyed <c>#A</c> (actor: id, name, comment), <c>#P</c>
/// (issue: id, description), <c>#M</c> (scale point: issue, value, label), <c>#D</c> (stance:
/// actor, issue, position, salience, power, comment), <c>#O</c> (title) and <c>#/</c> (comment).
/// </summary>
/// <remarks>
/// <para>Fields are separated by a tab, <c>;</c> or <c>,</c>: whichever follows the row key, so
/// the delimiter is never guessed from the whole file. Fields may be wrapped in single or double
/// quotes. Numbers use a dot as decimal separator.</para>
/// <para>An issue's scale runs from the lowest to the highest of its <c>#M</c> values, in any
/// order (0–100 without <c>#M</c> rows); the <c>#M</c> rows become the issue's anchors.</para>
/// <para>Power is the stance's capability on that issue (<see cref="Stance.Capability"/>).
/// Salience is read as 0–1 when no salience in the file exceeds 1, else the whole file is read as
/// 0–100 and divided by 100: one rule per file, and a file that mixes the two (values in (0, 1)
/// beside values above 1, a percentage typed among fractions) is an error (<see cref="SalienceScale"/>).</para>
/// <para>An actor without any <c>#D</c> row is left out of the scenario: it takes no part in
/// any model, and the reference accepts such files.</para>
/// </remarks>
public sealed partial class DecideReader : IScenarioFormatReader
{
    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.Decide;

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName) =>
        StanceRow().IsMatch(text) && (ActorRow().IsMatch(text) || IssueRow().IsMatch(text));

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName)
    {
        if (InputText.CheckLineLengths(text, fileName) is { } tooLong)
        {
            return ReadResult.Failure([tooLong]);
        }

        var problems = new DiagnosticList();
        void Report(int line, int column, string message) => problems.Add(new Diagnostic(fileName, line, column, message));

        var rows = new List<DecideLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (DecideLine.Parse(raw.TrimEnd('\r'), number) is { } row)
            {
                rows.Add(row);
            }
        }

        var map = new SourceMap();
        map.Set("scenario", 1, 1);
        string? title = null;
        var actors = new List<Actor>();
        var issueRows = new List<(DecideLine Row, string Id, string? Description)>();
        var scalePoints = new List<(DecideLine Row, string IssueId, double Value, string Label)>();
        var unreadScales = new HashSet<string>(StringComparer.Ordinal);
        var stanceRows = new List<(DecideLine Row, string ActorId, string IssueId, double Position, double Salience, double Power)>();

        foreach (var row in rows)
        {
            switch (row.Key)
            {
                case "#/":
                    break;
                case "#O":
                    title ??= row.Field(0)?.Text is { Length: > 0 } t ? t : null;
                    break;
                case "#A":
                    if (RequireText(row, 0, "actor id", Report) is { } newActorId)
                    {
                        map.Set(SourceMap.Key("actor", actors.Count), row.Number, row.KeyColumn);
                        map.Set(SourceMap.Key("actor", actors.Count, "id"), row.Number, row.Fields[0].Column);
                        var name = row.Field(1)?.Text is { Length: > 0 } n ? n : newActorId;
                        var comment = row.Field(2)?.Text is { Length: > 0 } c ? c : null;
                        actors.Add(new Actor { Id = newActorId, Name = name, Description = comment, Kind = ActorKind.Organisation });
                    }

                    break;
                case "#P":
                    if (RequireText(row, 0, "issue id", Report) is { } newIssueId)
                    {
                        var description = row.Field(1)?.Text is { Length: > 0 } d && d != newIssueId ? d : null;
                        issueRows.Add((row, newIssueId, description));
                    }

                    break;
                case "#M":
                    {
                        var issueId = RequireText(row, 0, "issue id", Report);
                        var value = RequireNumber(row, 1, "scale point", Report);
                        if (issueId is not null && value is { } v)
                        {
                            scalePoints.Add((row, issueId, v, row.Field(2)?.Text ?? string.Empty));
                        }
                        else if (issueId is not null)
                        {
                            // Reported at the value: the scale it bounds is unknown, not too narrow.
                            unreadScales.Add(issueId);
                        }

                        break;
                    }

                case "#D":
                    {
                        var actorId = RequireText(row, 0, "actor id", Report);
                        var issueId = RequireText(row, 1, "issue id", Report);
                        var position = RequireNumber(row, 2, "position", Report);
                        var salience = RequireNumber(row, 3, "salience", Report);
                        var power = RequireNumber(row, 4, "power", Report);
                        if (actorId is not null && issueId is not null && position is { } x && salience is { } s && power is { } c)
                        {
                            stanceRows.Add((row, actorId, issueId, x, s, c));
                        }

                        break;
                    }

                default:
                    Report(row.Number, row.KeyColumn, $"unknown row key '{Excerpt.Of(row.Key)}'; rows start with #A (actor), #P (issue), #M (scale point), #D (stance), #O (title) or #/ (comment)");
                    break;
            }
        }

        var issueIds = issueRows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var point in scalePoints.Where(p => !issueIds.Contains(p.IssueId)))
        {
            Report(point.Row.Number, point.Row.Fields[0].Column, $"#M row for unknown issue '{Excerpt.Of(point.IssueId)}'; define the issue with a #P row");
        }

        var issues = new List<Issue>();
        for (var index = 0; index < issueRows.Count; index++)
        {
            var (row, issueKey, description) = issueRows[index];
            map.Set(SourceMap.Key("issue", index), row.Number, row.KeyColumn);
            map.Set(SourceMap.Key("issue", index, "id"), row.Number, row.Fields[0].Column);
            var points = scalePoints.Where(p => p.IssueId == issueKey).OrderBy(p => p.Value).ToList();
            double min = 0, max = 100;
            if (points.Count > 0)
            {
                min = points[0].Value;
                max = points[^1].Value;
                map.Set(SourceMap.Key("issue", index, "min"), points[0].Row.Number, points[0].Row.Fields[1].Column);
                map.Set(SourceMap.Key("issue", index, "max"), points[^1].Row.Number, points[^1].Row.Fields[1].Column);
            }

            issues.Add(new Issue
            {
                Id = issueKey,
                Name = issueKey,
                Description = description,
                ScaleMin = min,
                ScaleMax = max,
                Anchors = [.. points.Where(p => p.Label.Length > 0).Select(p => new Anchor(p.Value, p.Label))],
            });
        }

        // One salience scale per file: 0-1 unless some salience exceeds 1; a file mixing the two is refused.
        var (salienceDivisor, mixedScales) = SalienceScale.Decide([.. stanceRows.Select(r => new SalienceScale.Written(r.Salience, r.Row.Number, r.Row.Fields[3].Column))], fileName);
        if (mixedScales is not null)
        {
            problems.Add(mixedScales);
        }

        var stances = new List<Stance>();
        foreach (var (row, actorId, issueId, position, rawSalience, power) in stanceRows)
        {
            var index = stances.Count;
            map.Set(SourceMap.Key("stance", index), row.Number, row.KeyColumn);
            map.Set(SourceMap.Key("stance", index, "actor"), row.Number, row.Fields[0].Column);
            map.Set(SourceMap.Key("stance", index, "issue"), row.Number, row.Fields[1].Column);
            map.Set(SourceMap.Key("stance", index, "position"), row.Number, row.Fields[2].Column);
            map.Set(SourceMap.Key("stance", index, "salience"), row.Number, row.Fields[3].Column);
            map.Set(SourceMap.Key("stance", index, "capability"), row.Number, row.Fields[4].Column);

            var salience = Percent.Divide(rawSalience, salienceDivisor);
            if (rawSalience < 0 || rawSalience > 100)
            {
                Report(row.Number, row.Fields[3].Column, $"salience {Number(rawSalience)} is not allowed; salience is from 0 to 1 (or 0 to 100 for the whole file)");
                salience = 0;
            }

            double? capability = power;
            if (power < 0)
            {
                Report(row.Number, row.Fields[4].Column, $"power {Number(power)} is not allowed; power is a number of 0 or more");
                capability = null;
            }

            stances.Add(new Stance { ActorId = actorId, IssueId = issueId, Position = position, Salience = salience, Capability = capability });
        }

        // An actor without #D rows takes part in nothing; the reference loads such files (e.g. a
        // party that gave no positions), so it is left out rather than rejected.
        var actorsWithStance = stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
        var keptActors = new List<Actor>();
        for (var index = 0; index < actors.Count; index++)
        {
            if (actorsWithStance.Contains(actors[index].Id))
            {
                map.Set(SourceMap.Key("actor", keptActors.Count), map.Get(SourceMap.Key("actor", index)));
                map.Set(SourceMap.Key("actor", keptActors.Count, "id"), map.Get(SourceMap.Key("actor", index, "id")));
                keptActors.Add(actors[index]);
            }
        }

        var id = Path.GetFileNameWithoutExtension(fileName);
        var scenario = new Scenario
        {
            Id = id.Length > 0 ? id : "decide",
            Title = title ?? (id.Length > 0 ? id : "Decide scenario"),
            Description = "Read from a Decide exchange-model input file.",
            Actors = [.. keptActors],
            Issues = [.. issues],
            Stances = [.. stances],
        };

        problems.AddRange(ScenarioChecker.Check(scenario, map, fileName, unreadScales: unreadScales));
        return ReadResult.From(scenario, problems);
    }

    private static string? RequireText(DecideLine row, int index, string what, Action<int, int, string> report)
    {
        var field = row.Field(index);
        if (field is null || field.Text.Length == 0)
        {
            report(row.Number, field?.Column ?? row.EndColumn, $"{row.Key} row has no {what} (field {index + 2}); {Layout(row.Key)}");
            return null;
        }

        return field.Text;
    }

    private static double? RequireNumber(DecideLine row, int index, string what, Action<int, int, string> report)
    {
        var field = row.Field(index);
        if (field is null || field.Text.Length == 0)
        {
            report(row.Number, field?.Column ?? row.EndColumn, $"{row.Key} row has no {what} (field {index + 2}); {Layout(row.Key)}");
            return null;
        }

        if (!double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            report(row.Number, field.Column, $"{what} '{Excerpt.Of(field.Text)}' is not a number; write a finite number with a dot as decimal separator");
            return null;
        }

        return value;
    }

    private static string Layout(string key) => key switch
    {
        "#A" => "an actor row is: #A, id, name, comment",
        "#P" => "an issue row is: #P, id, description",
        "#M" => "a scale point row is: #M, issue, value, label",
        _ => "a stance row is: #D, actor, issue, position, salience, power, comment",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[ \t]*['""]?#D['""]?[ ]*[\t;,]", RegexOptions.Multiline)]
    private static partial Regex StanceRow();

    [GeneratedRegex(@"^[ \t]*['""]?#A['""]?[ ]*[\t;,]", RegexOptions.Multiline)]
    private static partial Regex ActorRow();

    [GeneratedRegex(@"^[ \t]*['""]?#P['""]?[ ]*[\t;,]", RegexOptions.Multiline)]
    private static partial Regex IssueRow();
}
