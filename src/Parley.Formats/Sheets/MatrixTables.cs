using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Parley.Core.Domain;

namespace Parley.Formats.Sheets;

/// <summary>
/// Writes a scenario as a matrix workbook (every part of it, so reading it back gives the same
/// scenario) or as a matrix CSV (the stance matrix with the actors' and issues' names, capabilities
/// and scales). Numbers are written as numbers, in their shortest round-trip form.
/// </summary>
internal static partial class MatrixTables
{
    /// <summary>The workbook's bytes. The same scenario gives the same bytes: MiniExcel's random part ids and the archive's times are made fixed.</summary>
    public static byte[] ToXlsx(Scenario scenario)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in Sheets(scenario))
        {
            var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
            foreach (var column in SheetLayout.Columns[name])
            {
                table.Columns.Add(column, typeof(object));
            }

            foreach (var row in rows)
            {
                table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
            }

            sheets[name] = table;
        }

        using var written = new MemoryStream();
        written.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return Deterministic(written.ToArray());
    }

    /// <summary>
    /// The matrix CSV's text: one row per stance (drafts too), the actor's and issue's fields repeated on each of its
    /// rows, then the stance's evidence in numbered groups. Rows go by actor, then issue, in the scenario's order: the
    /// reader takes the actors' order from their first rows, and the models sum over actors in that order, so
    /// another order would change forecasts in their last bits.
    /// </summary>
    public static string ToCsv(Scenario scenario)
    {
        var actorOrder = scenario.Actors.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var issueOrder = scenario.Issues.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var entries = scenario.Stances.Select(s => (s.ActorId, s.IssueId, Position: (double?)s.Position, Salience: (double?)s.Salience, s.Capability, s.PositionRange, s.SalienceRange, s.Evidence))
            .Concat(scenario.DraftStances.Select(d => (d.ActorId, d.IssueId, d.Position, d.Salience, d.Capability, PositionRange: (ValueRange?)null, SalienceRange: (ValueRange?)null, d.Evidence)))
            .OrderBy(e => actorOrder.GetValueOrDefault(e.ActorId, int.MaxValue))
            .ThenBy(e => issueOrder.GetValueOrDefault(e.IssueId, int.MaxValue))
            .ToList();
        var groups = entries.Count == 0 ? 0 : entries.Max(e => e.Evidence.Length);
        var header = SheetLayout.CsvColumns.ToList();
        for (var group = 1; group <= groups; group++)
        {
            var (kind, text, source) = SheetLayout.EvidenceColumns(group);
            header.AddRange([kind, text, source]);
        }

        var rows = entries.Select(e =>
        {
            var actor = scenario.FindActor(e.ActorId);
            var issue = scenario.FindIssue(e.IssueId);
            var row = new List<object?>
            {
                e.ActorId, actor?.Name, actor?.Capability, e.IssueId, issue?.Name, issue?.ScaleMin, issue?.ScaleMax, issue?.StatusQuo,
                e.Position, e.Salience, e.Capability, e.PositionRange?.Low, e.PositionRange?.High, e.PositionRange?.StandardDeviation,
                e.SalienceRange?.Low, e.SalienceRange?.High, e.SalienceRange?.StandardDeviation,
            };
            foreach (var item in e.Evidence)
            {
                row.AddRange([KindName(item.Kind), item.Text, item.SourceId]);
            }

            row.AddRange(Enumerable.Repeat<object?>(null, (groups - e.Evidence.Length) * 3));
            return (IReadOnlyList<object?>)row;
        });
        return MatrixCsvText.Write(header, rows);
    }

    /// <summary>What the matrix CSV cannot carry of <paramref name="scenario"/>, in words (empty when it carries all of it).</summary>
    public static IReadOnlyList<string> CsvOmissions(Scenario scenario)
    {
        var left = new List<string>();
        void Note(bool condition, string what)
        {
            if (condition)
            {
                left.Add(what);
            }
        }

        Note(!scenario.Sources.IsEmpty, "the sources' titles, publishers, dates and urls");
        Note(scenario.Actors.Any(a => a.Kind != ActorKind.State || a.Description is not null || a.CapabilityRange is not null || !a.Members.IsEmpty || !a.Evidence.IsEmpty), "actors' kinds, descriptions, capability ranges, members and evidence");
        Note(scenario.Issues.Any(i => i.Description is not null || !i.Anchors.IsEmpty || i.Outcome is not null || i.OutcomeObservation is not null), "issues' descriptions, labelled points and outcomes");
        Note(!scenario.Stages.IsEmpty || scenario.Rules is not null, "stages and decision rules");
        Note(scenario.Stances.Any(s => !s.Candidates.IsEmpty) || scenario.DraftStances.Any(d => !d.Candidates.IsEmpty || d.Suggestion is not null) || scenario.Actors.Any(a => !a.Candidates.IsEmpty), "drafts' candidate passages and suggestions");
        return left;
    }

    private static string KindName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Quote => "quote",
        EvidenceKind.Paraphrase => "paraphrase",
        _ => "judgement",
    };

    /// <summary>Each sheet's rows, one value per column of <see cref="SheetLayout.Columns"/>.</summary>
    private static IEnumerable<(string Name, IEnumerable<object?[]> Rows)> Sheets(Scenario scenario)
    {
        var spread = scenario.DefaultSpread;
        var stagesAndRules = StagesAndRulesYaml(scenario);
        yield return (SheetLayout.Scenario, new object?[][]
        {
            ["id", scenario.Id], ["title", scenario.Title], ["date", scenario.Date], ["question", scenario.Question],
            ["horizon", scenario.Horizon], ["description", scenario.Description],
            ["default_spread_position", spread?.Position], ["default_spread_salience", spread?.Salience], ["default_spread_capability", spread?.Capability],
            [SheetLayout.StagesAndRules, stagesAndRules],
        });
        yield return (SheetLayout.Sources, scenario.Sources.Select(s => new object?[] { s.Id, s.Title, s.Publisher, s.Date, s.Url, s.File, s.Sha256 }));
        yield return (SheetLayout.Actors, scenario.Actors.Select(a => new object?[]
        {
            a.Id, a.Name, a.Kind.ToString().ToLowerInvariant(), a.Description, a.Capability,
            a.CapabilityRange?.Low, a.CapabilityRange?.High, a.CapabilityRange?.StandardDeviation,
            a.Members.IsEmpty ? null : string.Join("; ", a.Members),
        }));
        yield return (SheetLayout.Issues, scenario.Issues.Select(i => new object?[]
        {
            i.Id, i.Name, i.Description, i.ScaleMin, i.ScaleMax, i.StatusQuo, i.Outcome, i.OutcomeObservation?.Date, i.OutcomeObservation?.Note,
        }));
        yield return (SheetLayout.Points, scenario.Issues.SelectMany(i => i.Anchors.Select(a => new object?[] { i.Id, a.Value, a.Label })));
        yield return (SheetLayout.Stances, scenario.Stances.Select(s => new object?[]
        {
            s.ActorId, s.IssueId, s.Position, s.Salience, s.Capability,
            s.PositionRange?.Low, s.PositionRange?.High, s.PositionRange?.StandardDeviation,
            s.SalienceRange?.Low, s.SalienceRange?.High, s.SalienceRange?.StandardDeviation, null, null,
        }).Concat(scenario.DraftStances.Select(d => new object?[]
        {
            d.ActorId, d.IssueId, d.Position, d.Salience, d.Capability, null, null, null, null, null, null, d.Suggestion?.Position, d.Suggestion?.Basis,
        })));
        yield return (SheetLayout.Evidence,
            scenario.Actors.SelectMany(a => a.Evidence.Select(e => Evidence(a.Id, null, e)))
                .Concat(scenario.Issues.SelectMany(i => (i.OutcomeObservation?.Evidence ?? []).Select(e => Evidence(null, i.Id, e))))
                .Concat(scenario.Stances.SelectMany(s => s.Evidence.Select(e => Evidence(s.ActorId, s.IssueId, e))))
                .Concat(scenario.DraftStances.SelectMany(d => d.Evidence.Select(e => Evidence(d.ActorId, d.IssueId, e)))));
        yield return (SheetLayout.Candidates,
            scenario.Actors.SelectMany(a => a.Candidates.Select(c => Candidate(a.Id, null, c)))
                .Concat(scenario.Stances.SelectMany(s => s.Candidates.Select(c => Candidate(s.ActorId, s.IssueId, c))))
                .Concat(scenario.DraftStances.SelectMany(d => d.Candidates.Select(c => Candidate(d.ActorId, d.IssueId, c)))));
    }

    private static object?[] Evidence(string? actor, string? issue, Evidence evidence) => [actor, issue, KindName(evidence.Kind), evidence.Text, evidence.SourceId];

    private static object?[] Candidate(string actor, string? issue, CandidateEvidence candidate) =>
        [actor, issue, candidate.Quote, candidate.SourceId, candidate.Start, candidate.End, Native.DraftFields.NameOf(candidate.Kind), candidate.Score];

    /// <summary>The stages and rules as native YAML (what the Scenario sheet's stages_and_rules cell holds), or <c>null</c> when there are none.</summary>
    private static string? StagesAndRulesYaml(Scenario scenario)
    {
        if (scenario.Stages.IsEmpty && scenario.Rules is null)
        {
            return null;
        }

        var yaml = Native.NativeScenarioWriter.ToYaml(new Scenario { Id = "x", Title = "x", Stages = scenario.Stages, Rules = scenario.Rules });
        var start = yaml.IndexOf(scenario.Stages.IsEmpty ? "\nrules:" : "\nstages:", StringComparison.Ordinal);
        return yaml[(start + 1)..].TrimEnd('\n');
    }

    /// <summary>
    /// <paramref name="xlsx"/> with MiniExcel's random relationship ids (<c>R</c> and 32 hex digits)
    /// numbered in order of appearance and every entry dated 1980-01-01, so equal scenarios give equal bytes.
    /// </summary>
    private static byte[] Deterministic(byte[] xlsx)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = RandomId().Replace(reader.ReadToEnd(), match =>
                {
                    if (!ids.TryGetValue(match.Value, out var fixedId))
                    {
                        fixedId = string.Create(CultureInfo.InvariantCulture, $"rParley{ids.Count + 1}");
                        ids[match.Value] = fixedId;
                    }

                    return fixedId;
                });
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(copy.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex("R[0-9a-f]{32}", RegexOptions.CultureInvariant)]
    private static partial Regex RandomId();
}
