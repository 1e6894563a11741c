using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parley.Core.Domain;

namespace Parley.Formats.Deu;

/// <summary>
/// Reads DEU data sets (Thomson et al. 2006, <i>The European Union Decides</i>; DEU III,
/// Arregui &amp; Perarnaud 2021, doi:10.34810/data53): tab-separated, a header row, an optional
/// capability row (row 2, GDP figures, with no proposal or issue number), then one contested
/// issue per row with <c>p&lt;actor&gt;</c> positions and <c>s&lt;actor&gt;</c> saliences on
/// 0–100, the reference point <c>rp</c> and the outcome <c>out</c>.
/// </summary>
/// <remarks>
/// <para>Each issue row becomes a one-issue <see cref="Scenario"/> on a 0–100 scale with
/// <see cref="Issue.StatusQuo"/> = <c>rp</c> and <see cref="Issue.Outcome"/> = <c>out</c>
/// (either may be empty). An actor takes a stance on a row when both its position and its
/// salience are given; an empty cell means no stance, and a position without a salience is
/// read as no stance too (the salience cannot be guessed). Saliences are divided by 100.
/// Columns are found by header name, so their order and any extra columns do not matter.</para>
/// <para>Every problem is reported at once, located by line and column: a missing header column,
/// a row with the wrong number of cells, a number that does not parse or leaves 0–100, and for
/// <see cref="DeuCapability.Votes"/> an unknown voting rule or date. Rows with problems are left out of <see cref="DeuDataset.Rows"/>.</para>
/// </remarks>
public sealed class DeuReader : IScenarioFormatReader
{
    private const double ScaleMax = 100;

    private static readonly string[] RequiredColumns = ["prnrnmc", "isnr", "proc", "counvte", "rp", "out"];

    private static readonly HashSet<string> MetadataColumns = new(
        ["prnrnmc", "isnrnmc", "prnr", "prname", "isnr", "type", "council", "proc", "counvte", "proccde", "issues", "intro", "finact", "rp", "out"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly ImmutableSortedDictionary<string, string> ActorNames = new Dictionary<string, string>
    {
        ["com"] = "European Commission", ["ep"] = "European Parliament", ["at"] = "Austria", ["be"] = "Belgium",
        ["bu"] = "Bulgaria", ["cr"] = "Croatia", ["cy"] = "Cyprus", ["cz"] = "Czech Republic", ["dk"] = "Denmark",
        ["ee"] = "Estonia", ["fi"] = "Finland", ["fr"] = "France", ["de"] = "Germany", ["el"] = "Greece",
        ["hu"] = "Hungary", ["ie"] = "Ireland", ["it"] = "Italy", ["lv"] = "Latvia", ["lt"] = "Lithuania",
        ["lu"] = "Luxembourg", ["mt"] = "Malta", ["nl"] = "Netherlands", ["pl"] = "Poland", ["pt"] = "Portugal",
        ["ro"] = "Romania", ["si"] = "Slovenia", ["sk"] = "Slovakia", ["es"] = "Spain", ["se"] = "Sweden",
        ["uk"] = "United Kingdom",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>A reader giving every actor the capabilities <paramref name="capability"/>.</summary>
    public DeuReader(DeuCapability capability = DeuCapability.Equal)
    {
        Capability = capability;
    }

    /// <summary>The capabilities the scenarios carry.</summary>
    public DeuCapability Capability { get; }

    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.Deu;

    /// <summary>The command-line names of the capability options: <c>equal, gdp, votes</c>.</summary>
    public static string CapabilityNames => "equal, gdp, votes";

    /// <summary>The capability option named <paramref name="name"/> (case-insensitive), or <c>null</c>.</summary>
    public static DeuCapability? ParseCapability(string name) => name.Trim().ToUpperInvariant() switch
    {
        "EQUAL" => DeuCapability.Equal,
        "GDP" => DeuCapability.Gdp,
        "VOTES" => DeuCapability.Votes,
        _ => null,
    };

    /// <summary>The command-line name of <paramref name="capability"/>.</summary>
    public static string CapabilityName(DeuCapability capability) => capability switch
    {
        DeuCapability.Equal => "equal",
        DeuCapability.Gdp => "gdp",
        DeuCapability.Votes => "votes",
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, "unknown capability option"),
    };

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = (end < 0 ? text : text[..end]).TrimEnd('\r').Split('\t').Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return header.Contains("rp") && header.Contains("out") && header.Contains("isnr");
    }

    /// <summary>Reads the whole data set as one scenario: one issue per row, each stance carrying its row's capability.</summary>
    public ReadResult Read(string text, string fileName)
    {
        var dataset = ReadDataset(text, fileName, Capability);
        if (!dataset.Succeeded)
        {
            return ReadResult.Failure(dataset.Diagnostics);
        }

        if (dataset.Rows.IsEmpty)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "the file has no issue rows; add one row per issue after the header")]);
        }

        var scenario = DeuDataset.Merge(
            dataset.Rows,
            Path.GetFileNameWithoutExtension(fileName),
            $"DEU data set {Path.GetFileName(fileName)}",
            $"{dataset.Rows.Length} contested issues of EU legislative proposals; capabilities: {CapabilityName(Capability)}.");
        return ReadResult.Success(scenario);
    }

    /// <summary>Reads the DEU file at <paramref name="path"/>; an unreadable file is a diagnostic.</summary>
    public static DeuDataset ReadDatasetFile(string path, DeuCapability capability = DeuCapability.Equal)
    {
        var (bytes, problem) = InputText.ReadBytes(path);
        return bytes is null ? Unreadable(path, capability, problem!) : ReadDatasetBytes(bytes, path, capability);
    }

    /// <summary>Reads a DEU data set from the bytes of the file <paramref name="fileName"/>; text that cannot be decoded is a diagnostic.</summary>
    public static DeuDataset ReadDatasetBytes(byte[] bytes, string fileName, DeuCapability capability = DeuCapability.Equal)
    {
        var (text, problem) = InputText.Decode(bytes, fileName);
        return text is null ? Unreadable(fileName, capability, problem!) : ReadDataset(text, fileName, capability);
    }

    private static DeuDataset Unreadable(string fileName, DeuCapability capability, Diagnostic problem) =>
        new() { FileName = fileName, Capability = capability, Rows = [], Diagnostics = [problem] };

    /// <summary>Reads every row of a DEU data set, reporting every problem located in <paramref name="fileName"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file as the user named it, for diagnostics.</param>
    /// <param name="capability">Where capabilities come from.</param>
    public static DeuDataset ReadDataset(string text, string fileName, DeuCapability capability = DeuCapability.Equal)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (InputText.CheckLineLengths(text, fileName) is { } tooLong)
        {
            return new DeuDataset { FileName = fileName, Capability = capability, Rows = [], Diagnostics = [tooLong] };
        }

        var parser = new Parser(fileName, capability);
        var rows = parser.Parse(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        var diagnostics = DiagnosticList.Summarize(parser.Problems);
        return new DeuDataset { FileName = fileName, Capability = capability, Rows = rows, Diagnostics = diagnostics };
    }

    private static string ActorName(string code) => ActorNames.GetValueOrDefault(code, code);

    private static ActorKind ActorKindOf(string code) =>
        code is DeuVotingWeights.Commission or DeuVotingWeights.Parliament ? ActorKind.Organisation : ActorKind.State;

    private static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses dates as written in DEU files: dd-mm-yy (years from 50 are 19xx), dd-mm-yyyy or
    /// dd/mm/yyyy. A date written yyyy-mm-dd is read as a dd-mm-yy date that a spreadsheet
    /// misread as yy-mm-dd (<c>2029-09-04</c> is 29-09-04, 29 September 2004): the DEU III copies
    /// in circulation carry such dates, including years after the data set was published.
    /// </summary>
    internal static DateOnly? ParseDate(string text)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2049;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["dd-MM-yy", "d-M-yy", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy"], culture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var misread)
            && DateOnly.TryParseExact(
                string.Create(CultureInfo.InvariantCulture, $"{misread.Year % 100:D2}-{misread.Month:D2}-{misread.Day:D2}"),
                "dd-MM-yy", culture, DateTimeStyles.None, out var repaired))
        {
            return repaired;
        }

        return null;
    }

    /// <summary>The state of one read: header layout, capability row and the problems found.</summary>
    private sealed class Parser(string fileName, DeuCapability capability)
    {
        private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> actorCodes = [];
        private readonly Dictionary<string, double> gdp = new(StringComparer.Ordinal);
        private readonly HashSet<string> reportedMissingGdp = new(StringComparer.Ordinal);
        private readonly HashSet<string> issueIds = new(StringComparer.Ordinal);
        private string[] header = [];
        private int? capabilityRowLine;
        private bool reportedNoGdpRow;

        public DiagnosticList Problems { get; } = [];

        public ImmutableArray<DeuIssue> Parse(string text)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
            {
                Report(1, 1, "the file has no header row; a DEU file starts with tab-separated column names (prnrnmc, isnr, proc, counvte, p<actor>, s<actor>, rp, out...)");
                return [];
            }

            if (!ReadHeader(lines[0]))
            {
                return [];
            }

            var rows = ImmutableArray.CreateBuilder<DeuIssue>();
            for (var index = 1; index < lines.Length; index++)
            {
                var line = index + 1;
                if (string.IsNullOrWhiteSpace(lines[index]))
                {
                    continue;
                }

                var cells = lines[index].Split('\t');
                if (cells.Length != header.Length)
                {
                    Report(line, 1, $"the row has {cells.Length} cells but the header has {header.Length}; separate cells with tabs and keep one cell per column (empty cells are allowed)");
                    continue;
                }

                if (Cell(cells, "prnrnmc").Length == 0 && Cell(cells, "isnr").Length == 0)
                {
                    ReadCapabilityRow(cells, line);
                }
                else if (ReadIssueRow(cells, line) is { } row)
                {
                    rows.Add(row);
                }
            }

            return rows.ToImmutable();
        }

        private bool ReadHeader(string line)
        {
            header = [.. line.Split('\t').Select(c => c.Trim())];
            var ok = true;
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i].Length > 0 && !columns.TryAdd(header[i], i))
                {
                    Report(1, ColumnOf(header, i), $"column '{Excerpt.Of(header[i])}' appears twice; give each column once");
                    ok = false;
                }
            }

            foreach (var required in RequiredColumns.Where(r => !columns.ContainsKey(r)))
            {
                Report(1, 1, $"the header has no column '{Excerpt.Of(required)}'; a DEU file needs {string.Join(", ", RequiredColumns)} and p<actor>/s<actor> pairs");
                ok = false;
            }

            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i];
                if (name.Length < 2 || MetadataColumns.Contains(name))
                {
                    continue;
                }

                var code = name[1..].ToLowerInvariant();
                if (name[0] is 'p' or 'P')
                {
                    if (columns.ContainsKey("s" + code))
                    {
                        actorCodes.Add(code);
                    }
                    else
                    {
                        Report(1, ColumnOf(header, i), $"position column '{Excerpt.Of(name)}' has no salience column '{Excerpt.Of("s" + code)}'; give every actor both p<actor> and s<actor>");
                        ok = false;
                    }
                }
                else if (name[0] is 's' or 'S' && !columns.ContainsKey("p" + code))
                {
                    Report(1, ColumnOf(header, i), $"salience column '{Excerpt.Of(name)}' has no position column '{Excerpt.Of("p" + code)}'; give every actor both p<actor> and s<actor>");
                    ok = false;
                }
            }

            if (ok && actorCodes.Count == 0)
            {
                Report(1, 1, "the header has no actor columns; add p<actor> and s<actor> pairs such as pcom and scom");
                ok = false;
            }

            return ok;
        }

        private void ReadCapabilityRow(string[] cells, int line)
        {
            if (capabilityRowLine is { } first)
            {
                Report(line, 1, $"a second row without proposal and issue number (the first is line {first}); only one capability row is allowed, and issue rows need prnrnmc and isnr");
                return;
            }

            capabilityRowLine = line;
            foreach (var code in actorCodes)
            {
                var column = columns["p" + code];
                var text = cells[column].Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
                {
                    // The row is only used by gdp capabilities; otherwise a bad figure there harms nothing.
                    if (capability == DeuCapability.Gdp)
                    {
                        Report(line, ColumnOf(cells, column), $"capability '{Excerpt.Of(text)}' of '{Excerpt.Of(code)}' is not allowed; the capability row holds numbers of 0 or more (e.g. GDP)");
                    }

                    continue;
                }

                gdp[code] = value;
            }
        }

        private DeuIssue? ReadIssueRow(string[] cells, int line)
        {
            var before = Problems.Total;
            var proposal = Cell(cells, "prnrnmc");
            var issueId = Cell(cells, "isnr");
            if (proposal.Length == 0)
            {
                Report(line, ColumnOf(cells, columns["prnrnmc"]), "the proposal number (prnrnmc) is empty; every issue row needs one");
            }

            if (issueId.Length == 0)
            {
                Report(line, ColumnOf(cells, columns["isnr"]), "the issue id (isnr) is empty; every issue row needs one");
            }
            else if (!issueIds.Add(issueId))
            {
                Report(line, ColumnOf(cells, columns["isnr"]), $"issue id '{Excerpt.Of(issueId)}' appears twice; every issue row needs its own isnr");
            }

            var statusQuo = Number(cells, line, "rp", "the reference point (rp)");
            var outcome = Number(cells, line, "out", "the outcome (out)");
            var rule = Cell(cells, "counvte");

            // The rule only matters for votes capabilities; with equal or GDP capabilities it is kept as written.
            if (capability == DeuCapability.Votes && rule.Length > 0 && !DeuVotingWeights.IsKnownRule(rule))
            {
                Report(line, ColumnOf(cells, columns["counvte"]), $"voting rule '{Excerpt.Of(rule)}' is not known; capability votes needs QMV or Unan");
            }

            var positions = new List<(string Code, double Position, double Salience, int Column)>();
            foreach (var code in actorCodes)
            {
                var positionColumn = columns["p" + code];
                var position = Number(cells, line, "p" + code, $"the position of '{Excerpt.Of(code)}'");
                var salience = Number(cells, line, "s" + code, $"the salience of '{Excerpt.Of(code)}'");
                if (position is { } p && salience is { } s)
                {
                    positions.Add((code, p, Percent.Divide(s, ScaleMax), ColumnOf(cells, positionColumn)));
                }
            }

            if (positions.Count == 0 && Problems.Total == before)
            {
                Report(line, 1, "the row has no stance; give at least one actor both a position (p<actor>) and a salience (s<actor>)");
            }

            var introText = Cell(cells, "intro");
            var introduced = ParseDate(introText);
            var capabilities = Capabilities(cells, line, positions.Select(p => p.Code).ToList(), rule, introduced, introText);
            // A problem reported once for the whole file (no GDP row) leaves this row without capabilities too.
            if (Problems.Total > before || capabilities.Values.Count != positions.Count)
            {
                return null;
            }

            var name = Cell(cells, "prname");
            var proposalId = Cell(cells, "prnr");
            var issueNumber = Cell(cells, "isnrnmc");
            var issue = new Issue
            {
                Id = issueId,
                Name = name.Length > 0 ? $"{name}, issue {(issueNumber.Length > 0 ? issueNumber : issueId)}" : issueId,
                ScaleMin = 0,
                ScaleMax = ScaleMax,
                StatusQuo = statusQuo,
                Outcome = outcome,
            };
            var procedure = Cell(cells, "proc");
            var description = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"DEU proposal {proposal} {proposalId} '{name}', {Cell(cells, "type")}, {Cell(cells, "council")} Council; ")
                .Append(CultureInfo.InvariantCulture, $"procedure {procedure}, Council rule {rule}; introduced {introText}{(introduced is { } read ? $" (read as {read:yyyy-MM-dd})" : string.Empty)}, final act {Cell(cells, "finact")}; ")
                .Append(CultureInfo.InvariantCulture, $"capabilities: {CapabilityName(capability)}{capabilities.Note}.")
                .ToString();
            var scenario = new Scenario
            {
                Id = issueId,
                Title = issue.Name,
                Date = introduced?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Description = description,
                Actors = [.. positions.Select(p => new Actor { Id = p.Code, Name = ActorName(p.Code), Kind = ActorKindOf(p.Code), Capability = capabilities.Values[p.Code] })],
                Issues = [issue],
                Stances = [.. positions.Select(p => new Stance { ActorId = p.Code, IssueId = issueId, Position = p.Position, Salience = p.Salience })],
            };

            var map = new SourceMap();
            map.Set("scenario", line, 1);
            map.Set(SourceMap.Key("issue", 0), line, ColumnOf(cells, columns["isnr"]));
            map.Set(SourceMap.Key("issue", 0, "status_quo"), line, ColumnOf(cells, columns["rp"]));
            map.Set(SourceMap.Key("issue", 0, "outcome"), line, ColumnOf(cells, columns["out"]));
            for (var i = 0; i < positions.Count; i++)
            {
                map.Set(SourceMap.Key("actor", i), line, positions[i].Column);
                map.Set(SourceMap.Key("stance", i), line, positions[i].Column);
            }

            var checks = ScenarioChecker.Check(scenario, map, fileName);
            Problems.AddRange(checks);
            if (checks.Count > 0)
            {
                return null;
            }

            // The rules come from the reader's own tables, so they are added after the checks.
            var codes = positions.Select(p => p.Code).ToArray();
            var members = codes.Where(CouncilRegimes.IsMemberState).ToArray();
            var regime = introduced is { } date && members.Length > 0 ? CouncilRegimes.For(date, members) : null;
            return new DeuIssue
            {
                Line = line,
                Scenario = scenario with { Rules = DeuVotingWeights.RulesFor(regime, rule, procedure, codes) },
                ProposalNumber = proposal,
                ProposalId = proposalId,
                ProposalName = name,
                IssueId = issueId,
                Type = Cell(cells, "type"),
                Council = Cell(cells, "council"),
                Procedure = procedure,
                VotingRule = rule,
                Introduced = introduced,
                FinalAct = Cell(cells, "finact"),
            };
        }

        private (ImmutableSortedDictionary<string, double> Values, string Note) Capabilities(
            string[] cells, int line, List<string> codes, string rule, DateOnly? introduced, string introText)
        {
            switch (capability)
            {
                case DeuCapability.Gdp:
                    if (capabilityRowLine is null)
                    {
                        if (!reportedNoGdpRow)
                        {
                            reportedNoGdpRow = true;
                            Report(line, 1, "capability gdp needs a capability row (row 2: no prnrnmc or isnr, GDP figures in the p<actor> columns) before the issue rows; use --capability equal or votes otherwise");
                        }

                        return (ImmutableSortedDictionary<string, double>.Empty, string.Empty);
                    }

                    foreach (var code in codes.Where(c => !gdp.ContainsKey(c)))
                    {
                        if (reportedMissingGdp.Add(code))
                        {
                            Report(capabilityRowLine.Value, ColumnOf(header, columns["p" + code]), $"the capability row has no figure for '{Excerpt.Of(code)}', which takes a stance on line {line}; give every actor with a stance a GDP figure");
                        }
                    }

                    return (codes.Where(gdp.ContainsKey).ToImmutableSortedDictionary(c => c, c => gdp[c], StringComparer.Ordinal), string.Empty);

                case DeuCapability.Votes:
                    return Votes(cells, line, codes, rule, introduced, introText);

                default:
                    return (codes.ToImmutableSortedDictionary(c => c, _ => 1.0, StringComparer.Ordinal), string.Empty);
            }
        }

        private (ImmutableSortedDictionary<string, double> Values, string Note) Votes(
            string[] cells, int line, List<string> codes, string rule, DateOnly? introduced, string introText)
        {
            var empty = (ImmutableSortedDictionary<string, double>.Empty, string.Empty);
            var ok = true;
            if (introduced is null)
            {
                var column = columns.TryGetValue("intro", out var c) ? ColumnOf(cells, c) : 1;
                Report(line, column, introText.Length == 0
                    ? "capability votes needs the introduction date (intro) to know the Council's voting weights; give it as dd-mm-yy"
                    : $"intro '{Excerpt.Of(introText)}' is not a date; write dd-mm-yy or dd-mm-yyyy");
                ok = false;
            }

            if (rule.Length == 0)
            {
                Report(line, ColumnOf(cells, columns["counvte"]), "capability votes needs the Council voting rule (counvte); use QMV or Unan");
                ok = false;
            }

            var procedure = Cell(cells, "proc");
            if (procedure.Length == 0)
            {
                Report(line, ColumnOf(cells, columns["proc"]), "capability votes needs the procedure (proc), e.g. COD or CNS");
                ok = false;
            }

            foreach (var code in codes.Where(c => c is not (DeuVotingWeights.Commission or DeuVotingWeights.Parliament) && !CouncilRegimes.IsMemberState(c)))
            {
                Report(line, ColumnOf(cells, columns["p" + code]), $"actor '{Excerpt.Of(code)}' has no Council voting weight; capability votes knows com, ep and the member-state codes, use --capability equal or gdp for other actors");
                ok = false;
            }

            if (!ok || introduced is null)
            {
                return empty;
            }

            var members = codes.Where(CouncilRegimes.IsMemberState).ToList();
            var regime = CouncilRegimes.For(introduced.Value, members);
            if (regime is null)
            {
                Report(line, 1, $"no Council voting rule from {introduced.Value:yyyy-MM-dd} on has all of {string.Join(", ", members)} as members; check the member-state columns");
                return empty;
            }

            var values = DeuVotingWeights.For(regime, rule, procedure, codes);
            return (values, $" ({regime.Name}, {(DeuVotingWeights.IsUnanimity(rule) ? "unanimity" : "QMV")})");
        }

        private double? Number(string[] cells, int line, string columnName, string label)
        {
            var column = columns[columnName];
            var text = cells[column].Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Report(line, ColumnOf(cells, column), $"{label} '{Excerpt.Of(text)}' is not a number; write a number from 0 to 100 with a decimal point, or leave the cell empty");
                return null;
            }

            if (value < 0 || value > ScaleMax)
            {
                Report(line, ColumnOf(cells, column), $"{label} {FormatNumber(value)} is outside 0–100; DEU positions, saliences, reference points and outcomes are on 0–100");
                return null;
            }

            return value;
        }

        private string Cell(string[] cells, string columnName) =>
            columns.TryGetValue(columnName, out var column) ? cells[column].Trim() : string.Empty;

        private void Report(int line, int column, string message) => Problems.Add(new Diagnostic(fileName, line, column, message));

        private static int ColumnOf(string[] cells, int index)
        {
            var column = 1;
            for (var i = 0; i < index; i++)
            {
                column += cells[i].Length + 1;
            }

            return column;
        }
    }
}
