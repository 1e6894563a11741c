using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Formats.Sheets;

/// <summary>
/// Builds a scenario from a matrix workbook's sheets or a matrix CSV, alone or imported into an
/// existing scenario (the <c>baseline</c>): a workbook's sheets replace the parts they hold and its
/// absent sheets keep the baseline's; a CSV updates the stances, capabilities, names and scales it
/// names and keeps everything else. Every cell problem and every problem the scenario checks find
/// is located at its cell.
/// </summary>
internal static class MatrixScenarioBuilder
{
    /// <summary>The scenario a workbook's sheets describe (imported into <paramref name="baseline"/> when given).</summary>
    public static ReadResult FromWorkbook(IReadOnlyList<SheetTable> sheets, string fileName, Scenario? baseline)
    {
        var problems = new DiagnosticList();
        var map = new SourceMap();
        var byName = new Dictionary<string, SheetTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            byName.TryAdd(sheet.Name.Trim(), sheet);
        }

        if (baseline is null)
        {
            foreach (var missing in SheetLayout.RequiredSheets.Where(s => !byName.ContainsKey(s)))
            {
                problems.Add(new Diagnostic(fileName, 1, 1, $"the workbook has no sheet '{missing}'; a matrix workbook needs the sheets {string.Join(", ", SheetLayout.RequiredSheets)} (it has: {(sheets.Count == 0 ? "no sheets" : string.Join(", ", sheets.Select(s => Excerpt.Of(s.Name))))}; docs/spreadsheets.md)"));
            }

            if (problems.Count > 0)
            {
                return ReadResult.Failure(problems);
            }
        }

        // Every sheet's header first: a sheet whose header lacks a required column cannot be read, and reading the
        // others would report its missing rows as their own problems (evidence of stances "not in the Stances
        // sheet", issues "without a stance"); the header is the cause, reported alone.
        var headers = new Dictionary<string, TableFields?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SheetLayout.Columns.Keys.Where(byName.ContainsKey))
        {
            headers[name] = TableFields.Open(byName[name], fileName, problems, SheetLayout.Columns[name], SheetLayout.Required[name]);
        }

        if (headers.Values.Any(fields => fields is null))
        {
            return ReadResult.Failure(problems);
        }

        TableFields? Open(string name) => headers.GetValueOrDefault(name);
        bool Present(string name) => byName.ContainsKey(name);

        map.Set("scenario", byName.TryGetValue(SheetLayout.Scenario, out var scenarioSheet) ? scenarioSheet.Start : new SourceLocation(1, 1) { Sheet = SheetLayout.Actors });
        var metadata = ReadScenarioSheet(Open(SheetLayout.Scenario), map, baseline, fileName);
        var sources = Present(SheetLayout.Sources) ? ReadSources(Open(SheetLayout.Sources), map) : baseline?.Sources ?? [];
        var actors = Present(SheetLayout.Actors) ? ReadActors(Open(SheetLayout.Actors), map) : baseline?.Actors ?? [];
        var issues = Present(SheetLayout.Issues) ? ReadIssues(Open(SheetLayout.Issues), map) : baseline?.Issues ?? [];
        if (Present(SheetLayout.Points))
        {
            issues = ReadPoints(Open(SheetLayout.Points), issues);
        }
        else if (baseline is not null)
        {
            issues = [.. issues.Select(i => i with { Anchors = baseline.FindIssue(i.Id)?.Anchors ?? i.Anchors })];
        }

        // Stance rows written but not readable (a wrong cell, reported there): their evidence is not also "without a stance".
        var unread = new HashSet<(string Actor, string Issue)>();
        var (stances, drafts) = Present(SheetLayout.Stances) ? ReadStances(Open(SheetLayout.Stances), map, baseline, unread) : (baseline?.Stances ?? [], baseline?.DraftStances ?? []);
        if (Present(SheetLayout.Evidence))
        {
            (actors, issues, stances, drafts) = ReadEvidence(Open(SheetLayout.Evidence), map, actors, issues, stances, drafts, unread);
        }
        else if (baseline is not null)
        {
            (actors, issues, stances, drafts) = KeepEvidence(baseline, actors, issues, stances, drafts);
        }

        if (Present(SheetLayout.Candidates))
        {
            (actors, stances, drafts) = ReadCandidates(Open(SheetLayout.Candidates), actors, stances, drafts);
        }
        else if (baseline is not null)
        {
            (actors, stances, drafts) = KeepCandidates(baseline, actors, stances, drafts);
        }

        var scenario = metadata.With(sources, actors, issues, stances, drafts);
        if (scenario.StagesText is { } stagesText)
        {
            scenario = ReadStagesAndRules(scenario, stagesText, scenario.StagesLocation, fileName, problems);
        }

        if (baseline is not null && scenario.Scenario.Id != baseline.Id)
        {
            problems.Add(Diagnostic.At(fileName, map.Get("scenario.id"), $"id '{Excerpt.Of(scenario.Scenario.Id)}' differs from the scenario '{Excerpt.Of(baseline.Id)}' this matrix is imported into; keep the id '{Excerpt.Of(baseline.Id)}' (to save it as another scenario, upload it on its own)"));
        }

        return Finish(scenario.Scenario, map, fileName, problems, unread);
    }

    /// <summary>The scenario a matrix CSV describes (imported into <paramref name="baseline"/> when given).</summary>
    public static ReadResult FromCsv(SheetTable table, string fileName, Scenario? baseline)
    {
        var problems = new DiagnosticList();
        var map = new SourceMap();
        map.Set("scenario", SourceLocation.Start);
        var fields = TableFields.Open(table, fileName, problems, SheetLayout.CsvColumns, SheetLayout.CsvRequired, TableFields.IsEvidenceColumn);
        if (fields is null)
        {
            return ReadResult.Failure(problems);
        }

        var name = Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } stem ? stem : "matrix";
        var actors = (baseline?.Actors ?? []).ToList();
        var issues = (baseline?.Issues ?? []).ToList();
        var entries = new List<(string Actor, string Issue, object Stance)>();
        foreach (var stance in baseline?.Stances ?? [])
        {
            entries.Add((stance.ActorId, stance.IssueId, stance));
        }

        foreach (var draft in baseline?.DraftStances ?? [])
        {
            entries.Add((draft.ActorId, draft.IssueId, draft));
        }

        var seen = new Dictionary<(string, string), int>();
        var updatedActors = new Dictionary<string, SheetRow>(StringComparer.Ordinal);
        var updatedIssues = new Dictionary<string, SheetRow>(StringComparer.Ordinal);
        var groups = fields.EvidenceGroups();
        var stanceKeys = new Dictionary<(string, string), SheetRow>();
        foreach (var row in fields.Rows)
        {
            var actorId = fields.Id(row, "actor");
            var issueId = fields.Id(row, "issue");
            if (actorId is null || issueId is null)
            {
                fields.Report(fields.At(row, actorId is null ? "actor" : "issue"), $"{(actorId is null ? "actor" : "issue")} is empty; every row is one actor's stance on one issue: give both ids");
                continue;
            }

            if (seen.TryGetValue((actorId, issueId), out var firstLine))
            {
                fields.Report(row.Start, $"duplicate row: the stance of '{Excerpt.Of(actorId)}' on '{Excerpt.Of(issueId)}' is already given in record {firstLine}; give each actor one row per issue");
                continue;
            }

            seen[(actorId, issueId)] = row.Number;
            var actorIndex = actors.FindIndex(a => a.Id == actorId);
            if (actorIndex < 0 && baseline is not null)
            {
                fields.Report(fields.At(row, "actor"), $"unknown actor '{Excerpt.Of(actorId)}'; a CSV updates the actors the scenario has ({Known(actors.Select(a => a.Id))}): add new actors in an .xlsx workbook's Actors sheet");
                continue;
            }

            var issueIndex = issues.FindIndex(i => i.Id == issueId);
            if (issueIndex < 0 && baseline is not null)
            {
                fields.Report(fields.At(row, "issue"), $"unknown issue '{Excerpt.Of(issueId)}'; a CSV updates the issues the scenario has ({Known(issues.Select(i => i.Id))}): add new issues in an .xlsx workbook's Issues sheet");
                continue;
            }

            if (actorIndex < 0)
            {
                actors.Add(new Actor { Id = actorId, Name = actorId });
                actorIndex = actors.Count - 1;
            }

            if (issueIndex < 0)
            {
                issues.Add(new Issue { Id = issueId, Name = issueId });
                issueIndex = issues.Count - 1;
            }

            actors[actorIndex] = UpdateActor(fields, row, actors[actorIndex], updatedActors);
            map.Set(SourceMap.Key("actor", actorIndex), fields.At(row, "actor"));
            map.Set(SourceMap.Key("actor", actorIndex, "capability"), fields.At(row, "capability"));
            issues[issueIndex] = UpdateIssue(fields, row, issues[issueIndex], updatedIssues);
            map.Set(SourceMap.Key("issue", issueIndex), fields.At(row, "issue"));
            foreach (var column in new[] { "min", "max", "status_quo" })
            {
                map.Set(SourceMap.Key("issue", issueIndex, column), fields.At(row, column));
            }

            var index = entries.FindIndex(e => e.Actor == actorId && e.Issue == issueId);
            var old = index >= 0 ? entries[index].Stance : null;
            var evidence = groups.Count > 0 ? ReadEvidenceGroups(fields, row, groups) : old switch
            {
                Stance s => s.Evidence,
                DraftStance d => d.Evidence,
                _ => [],
            };
            var stance = ReadStance(fields, row, actorId, issueId, "stance_capability") switch
            {
                Stance s => (object)(s with
                {
                    Evidence = evidence,
                    Candidates = (old as Stance)?.Candidates ?? (old as DraftStance)?.Candidates ?? [],
                    Capability = fields.Has("stance_capability") ? s.Capability : (old as Stance)?.Capability ?? (old as DraftStance)?.Capability,
                    PositionRange = fields.Has("position_low") || fields.Has("position_high") ? s.PositionRange : (old as Stance)?.PositionRange,
                    SalienceRange = fields.Has("salience_low") || fields.Has("salience_high") ? s.SalienceRange : (old as Stance)?.SalienceRange,
                }),
                DraftStance d => d with { Evidence = evidence, Candidates = (old as Stance)?.Candidates ?? (old as DraftStance)?.Candidates ?? [] },
                var other => other,
            };
            if (index >= 0)
            {
                entries[index] = (actorId, issueId, stance);
            }
            else
            {
                entries.Add((actorId, issueId, stance));
            }

            stanceKeys[(actorId, issueId)] = row;
        }

        var stances = entries.Select(e => e.Stance).OfType<Stance>().ToImmutableArray();
        var drafts = entries.Select(e => e.Stance).OfType<DraftStance>().ToImmutableArray();
        for (var i = 0; i < stances.Length; i++)
        {
            if (stanceKeys.TryGetValue((stances[i].ActorId, stances[i].IssueId), out var row))
            {
                MapStance(fields, row, map, SourceMap.Key("stance", i), "stance_capability");
            }
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            if (stanceKeys.TryGetValue((drafts[i].ActorId, drafts[i].IssueId), out var row))
            {
                MapStance(fields, row, map, SourceMap.Key(Native.DraftFields.MapKind, i), "stance_capability");
            }
        }

        var sources = baseline?.Sources ?? [.. stances.SelectMany(s => s.Evidence).Concat(drafts.SelectMany(d => d.Evidence))
            .Select(e => e.SourceId).OfType<string>().Distinct(StringComparer.Ordinal).Select(id => new Source(id, id))];
        var scenario = (baseline ?? new Scenario { Id = name, Title = name, Description = "Read from a Parley matrix CSV (docs/spreadsheets.md)." }) with
        {
            Sources = sources,
            Actors = [.. actors],
            Issues = [.. issues],
            Stances = stances,
            DraftStances = drafts,
        };
        return Finish(scenario, map, fileName, problems);
    }

    /// <summary>
    /// The result, with the scenario's checks, for which the stance rows that did not read (<paramref name="unread"/>)
    /// still count as stances: their absence is not a problem of its own beside the wrong cell.
    /// </summary>
    private static ReadResult Finish(Scenario scenario, SourceMap map, string fileName, DiagnosticList problems, IReadOnlySet<(string Actor, string Issue)>? unread = null)
    {
        // A cell already reported (read as missing) is not reported again by the scenario's checks.
        problems.AddUnlessLocated(ScenarioChecker.Check(scenario, map, fileName, unread));

        var result = ReadResult.From(scenario, problems);
        return result.Succeeded ? result with { OpenJudgements = [.. ScenarioChecker.OpenJudgements(scenario, map, fileName)] } : result;
    }

    /// <summary>The Scenario sheet's fields; without the sheet, the baseline's (or names from the file).</summary>
    private static Metadata ReadScenarioSheet(TableFields? fields, SourceMap map, Scenario? baseline, string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } stem ? stem : "matrix";
        var scenario = baseline ?? new Scenario { Id = name, Title = name };
        if (fields is null)
        {
            return new Metadata(scenario, null, default);
        }

        var rows = new Dictionary<string, SheetRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in fields.Rows)
        {
            var field = fields.Id(row, "field");
            if (field is null)
            {
                fields.Report(fields.At(row, "field"), $"the field name is empty; column A names one of {string.Join(", ", SheetLayout.ScenarioFields)}");
            }
            else if (!SheetLayout.ScenarioFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                fields.Report(fields.At(row, "field"), $"unknown field '{Excerpt.Of(field)}'; the Scenario sheet's fields are {string.Join(", ", SheetLayout.ScenarioFields)}");
            }
            else if (!rows.TryAdd(field, row))
            {
                fields.Report(fields.At(row, "field"), $"field '{Excerpt.Of(field)}' is given twice (also in row {rows[field].Number}); give each field once");
            }
        }

        string? Text(string field, string? kept) => rows.TryGetValue(field, out var row) ? fields.Text(row, "value") : kept;
        string? Date(string field, string? kept)
        {
            if (!rows.TryGetValue(field, out var row))
            {
                return kept;
            }

            map.Set($"scenario.{field}", fields.At(row, "value"));
            return fields.Date(row, "value");
        }

        double? Spread(string field, double? kept)
        {
            if (!rows.TryGetValue(field, out var row))
            {
                return kept;
            }

            var value = fields.Number(row, "value", "a number from 0 to 1 (0.1 = ±10 %)");
            if (value is < 0 or > 1)
            {
                fields.Report(fields.At(row, "value"), $"{field} {value.Value.ToString("R", CultureInfo.InvariantCulture)} is outside 0..1; a spread is a number from 0 to 1 (0.1 = ±10 %)");
                return null;
            }

            return value;
        }

        if (rows.TryGetValue("id", out var idRow))
        {
            map.Set("scenario.id", fields.At(idRow, "value"));
        }

        var position = Spread("default_spread_position", baseline?.DefaultSpread?.Position);
        var salience = Spread("default_spread_salience", baseline?.DefaultSpread?.Salience);
        var capability = Spread("default_spread_capability", baseline?.DefaultSpread?.Capability);
        var standard = DefaultSpread.Standard;
        scenario = scenario with
        {
            Id = Text("id", scenario.Id)?.Trim() ?? string.Empty,
            Title = Text("title", scenario.Title) ?? string.Empty,
            Date = Date("date", scenario.Date),
            Question = Text("question", scenario.Question),
            Horizon = Date("horizon", scenario.Horizon),
            Description = Text("description", scenario.Description),
            DefaultSpread = position is null && salience is null && capability is null
                ? null
                : new DefaultSpread(position ?? standard.Position, salience ?? standard.Salience, capability ?? standard.Capability),
        };
        if (!rows.TryGetValue(SheetLayout.StagesAndRules, out var stagesRow))
        {
            return new Metadata(scenario, null, default);
        }

        scenario = scenario with { Stages = [], Rules = null };
        return new Metadata(scenario, fields.Text(stagesRow, "value"), fields.At(stagesRow, "value"));
    }

    /// <summary>The scenario being built, with the Scenario sheet's stages-and-rules YAML still to read.</summary>
    private sealed record Metadata(Scenario Scenario, string? StagesText, SourceLocation StagesLocation)
    {
        public Metadata With(Scenario scenario) => this with { Scenario = scenario };
    }

    private static Metadata With(this Metadata metadata, ImmutableArray<Source> sources, ImmutableArray<Actor> actors, ImmutableArray<Issue> issues, ImmutableArray<Stance> stances, ImmutableArray<DraftStance> drafts) =>
        metadata.With(metadata.Scenario with { Sources = sources, Actors = actors, Issues = issues, Stances = stances, DraftStances = drafts });

    /// <summary>
    /// Reads the stages and rules cell as native YAML appended to the scenario written natively, so
    /// they are read and checked as in a YAML file; a problem in the cell's YAML is reported at the
    /// cell with its line inside it.
    /// </summary>
    private static Metadata ReadStagesAndRules(Metadata metadata, string yaml, SourceLocation cell, string fileName, DiagnosticList problems)
    {
        var head = Native.NativeScenarioWriter.ToYaml(metadata.Scenario with { Stages = [], Rules = null });
        var headLines = head.Count(c => c == '\n');
        var read = Native.NativeScenarioReader.Yaml.Read(head + yaml.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n", fileName);
        if (read.Scenario is { } whole)
        {
            return metadata.With(metadata.Scenario with { Stages = whole.Stages, Rules = whole.Rules });
        }

        foreach (var problem in read.Diagnostics.Where(d => d.Line > headLines))
        {
            problems.Add(Diagnostic.At(fileName, cell, $"{SheetLayout.StagesAndRules} (native YAML), line {problem.Line - headLines}, column {problem.Column}: {problem.Message}"));
        }

        return metadata;
    }

    private static ImmutableArray<Source> ReadSources(TableFields? fields, SourceMap map)
    {
        var sources = ImmutableArray.CreateBuilder<Source>();
        foreach (var row in fields?.Rows ?? [])
        {
            map.Set(SourceMap.Key("source", sources.Count), row.Start);
            map.Set(SourceMap.Key("source", sources.Count, "id"), fields!.At(row, "id"));
            sources.Add(new Source(fields.Id(row, "id") ?? string.Empty, fields.Text(row, "title") ?? string.Empty, fields.Text(row, "publisher"), fields.Date(row, "date"), fields.Text(row, "url"))
            {
                File = fields.Text(row, "file"),
                Sha256 = fields.Id(row, "sha256"),
            });
        }

        return sources.ToImmutable();
    }

    private static ImmutableArray<Actor> ReadActors(TableFields? fields, SourceMap map)
    {
        var actors = ImmutableArray.CreateBuilder<Actor>();
        foreach (var row in fields?.Rows ?? [])
        {
            var id = fields!.Id(row, "id");
            if (id is null)
            {
                fields.Report(fields.At(row, "id"), "the actor's id is empty; give every actor an id (stances name actors by it)");
                continue;
            }

            var key = SourceMap.Key("actor", actors.Count);
            map.Set(key, fields.At(row, "id"));
            map.Set($"{key}.capability", fields.At(row, "capability"));
            map.Set($"{key}.capability_range", fields.At(row, "capability_low"));
            map.Set($"{key}.members", fields.At(row, "members"));
            var kindText = fields.Id(row, "kind");
            var kind = ActorKind.State;
            var knownKind = kindText is null || (Enum.TryParse(kindText, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsDigit(kindText[0]));
            if (!knownKind)
            {
                fields.Report(fields.At(row, "kind"), $"kind: '{Excerpt.Of(kindText)}' is not allowed; write state, person, organisation or bloc");
                kind = ActorKind.State;
            }

            actors.Add(new Actor
            {
                Id = id,
                Name = fields.Text(row, "name") ?? id,
                Kind = kind,
                Description = fields.Text(row, "description"),
                Capability = fields.Number(row, "capability", "a number from 0 (the actor's capability)"),
                CapabilityRange = Range(fields, row, "capability"),
                Members = [.. fields.List(row, "members")],
            });
        }

        return actors.ToImmutable();
    }

    private static ImmutableArray<Issue> ReadIssues(TableFields? fields, SourceMap map)
    {
        var issues = ImmutableArray.CreateBuilder<Issue>();
        foreach (var row in fields?.Rows ?? [])
        {
            var id = fields!.Id(row, "id");
            if (id is null)
            {
                fields.Report(fields.At(row, "id"), "the issue's id is empty; give every issue an id (stances name issues by it)");
                continue;
            }

            var key = SourceMap.Key("issue", issues.Count);
            map.Set(key, fields.At(row, "id"));
            foreach (var column in new[] { "min", "max", "status_quo", "outcome" })
            {
                map.Set($"{key}.{column}", fields.At(row, column));
            }

            var observed = fields.Date(row, "outcome_observed");
            var note = fields.Text(row, "outcome_note");
            issues.Add(new Issue
            {
                Id = id,
                Name = fields.Text(row, "name") ?? id,
                Description = fields.Text(row, "description"),
                ScaleMin = fields.Number(row, "min", "a number (the scale's lowest point)") ?? 0,
                ScaleMax = fields.Number(row, "max", "a number above min (the scale's highest point)") ?? 100,
                StatusQuo = fields.Number(row, "status_quo", "a number on the issue's scale"),
                Outcome = fields.Number(row, "outcome", "a number on the issue's scale"),
                OutcomeObservation = observed is null && note is null ? null : new OutcomeObservation { Date = observed, Note = note },
            });
        }

        return issues.ToImmutable();
    }

    private static ImmutableArray<Issue> ReadPoints(TableFields? fields, ImmutableArray<Issue> issues)
    {
        var anchors = issues.ToDictionary(i => i.Id, _ => ImmutableArray.CreateBuilder<Anchor>(), StringComparer.Ordinal);
        foreach (var row in fields?.Rows ?? [])
        {
            var issue = fields!.Id(row, "issue");
            var value = fields.Number(row, "value", "a number on the issue's scale");
            var label = fields.Text(row, "label");
            if (issue is null || !anchors.TryGetValue(issue, out var list))
            {
                fields.Report(fields.At(row, "issue"), issue is null ? "issue is empty; name the issue whose scale the point labels" : $"unknown issue '{Excerpt.Of(issue)}'; use one of the issue ids ({Known(anchors.Keys)})");
                continue;
            }

            if (label is null)
            {
                fields.Report(fields.At(row, "label"), "label is empty; say what an outcome at this point means");
                continue;
            }

            if (value is { } number)
            {
                list.Add(new Anchor(number, label));
            }
            else if (!fields.IsSet(row, "value"))
            {
                fields.Report(fields.At(row, "value"), "value is empty; give the point on the issue's scale");
            }
        }

        return [.. issues.Select(i => i with { Anchors = anchors[i.Id].ToImmutable() })];
    }

    /// <summary>The Stances sheet's rows; the actor and issue of each row whose cells did not read go to <paramref name="unread"/>.</summary>
    private static (ImmutableArray<Stance>, ImmutableArray<DraftStance>) ReadStances(TableFields? fields, SourceMap map, Scenario? baseline, HashSet<(string Actor, string Issue)> unread)
    {
        var stances = ImmutableArray.CreateBuilder<Stance>();
        var drafts = ImmutableArray.CreateBuilder<DraftStance>();
        foreach (var row in fields?.Rows ?? [])
        {
            var actor = fields!.Id(row, "actor");
            var issue = fields.Id(row, "issue");
            if (actor is null || issue is null)
            {
                fields.Report(fields.At(row, actor is null ? "actor" : "issue"), $"{(actor is null ? "actor" : "issue")} is empty; every row is one actor's stance on one issue: give both ids");
                continue;
            }

            switch (ReadStance(fields, row, actor, issue, "capability"))
            {
                case Stance stance when baseline?.FindStance(actor, issue) is { } old:
                    // A column the sheet leaves out keeps the scenario's value.
                    MapStance(fields, row, map, SourceMap.Key("stance", stances.Count), "capability");
                    stances.Add(stance with
                    {
                        Capability = fields.Has("capability") ? stance.Capability : old.Capability,
                        PositionRange = fields.Has("position_low") || fields.Has("position_high") ? stance.PositionRange : old.PositionRange,
                        SalienceRange = fields.Has("salience_low") || fields.Has("salience_high") ? stance.SalienceRange : old.SalienceRange,
                    });
                    break;
                case Stance stance:
                    MapStance(fields, row, map, SourceMap.Key("stance", stances.Count), "capability");
                    stances.Add(stance);
                    break;
                case DraftStance draft:
                    MapStance(fields, row, map, SourceMap.Key(Native.DraftFields.MapKind, drafts.Count), "capability");
                    drafts.Add(fields.Has("suggestion") ? draft : draft with
                    {
                        // A sheet without the column keeps the scenario's suggestion, as with the other columns.
                        Suggestion = baseline?.DraftStances.FirstOrDefault(d => d.ActorId == actor && d.IssueId == issue)?.Suggestion,
                    });
                    break;
                default:
                    unread.Add((actor, issue));
                    break;
            }
        }

        return (stances.ToImmutable(), drafts.ToImmutable());
    }

    /// <summary>A stance row: a <see cref="Stance"/>, or a <see cref="DraftStance"/> when its position or salience is still empty.</summary>
    private static object ReadStance(TableFields fields, SheetRow row, string actor, string issue, string capabilityColumn)
    {
        var position = fields.Number(row, "position", "a number on the issue's scale");
        var salience = fields.Number(row, "salience", "a number from 0 to 1");
        var capability = fields.Number(row, capabilityColumn, "a number from 0 (this actor's capability on this issue)");
        if (position is { } p && salience is { } s)
        {
            Suggestion(fields, row, decided: true);
            return new Stance
            {
                ActorId = actor,
                IssueId = issue,
                Position = p,
                Salience = s,
                Capability = capability,
                PositionRange = Range(fields, row, "position"),
                SalienceRange = Range(fields, row, "salience"),
            };
        }

        if ((fields.IsSet(row, "position") && position is null) || (fields.IsSet(row, "salience") && salience is null))
        {
            // A wrong value was reported at its cell; the row is not also an open judgement.
            return new object();
        }

        return new DraftStance { ActorId = actor, IssueId = issue, Position = position, Salience = salience, Capability = capability, Suggestion = Suggestion(fields, row) };
    }

    /// <summary>
    /// A draft stance's suggested position (columns <c>suggestion</c> and <c>suggestion_basis</c>), or <c>null</c>.
    /// Only an open judgement has one: on a decided stance the cells are reported.
    /// </summary>
    private static PositionSuggestion? Suggestion(TableFields fields, SheetRow row, bool decided = false)
    {
        var position = fields.Number(row, "suggestion", "a number on the issue's scale (the suggested position)");
        var basis = fields.Text(row, "suggestion_basis");
        if (decided)
        {
            if (position is not null || basis is not null)
            {
                fields.Report(fields.At(row, position is not null ? "suggestion" : "suggestion_basis"), "a suggestion is for a stance still open (position or salience empty); this stance is decided: empty suggestion and suggestion_basis");
            }

            return null;
        }

        if (position is null && basis is not null)
        {
            fields.Report(fields.At(row, "suggestion"), "suggestion is empty but suggestion_basis is not; give the suggested position, or empty both");
        }

        return position is { } value ? new PositionSuggestion(value, basis ?? string.Empty) : null;
    }

    private static void MapStance(TableFields fields, SheetRow row, SourceMap map, string key, string capabilityColumn)
    {
        map.Set(key, row.Start);
        foreach (var column in new[] { "actor", "issue", "position", "salience" })
        {
            map.Set($"{key}.{column}", fields.At(row, column));
        }

        map.Set($"{key}.capability", fields.At(row, capabilityColumn));
        map.Set($"{key}.position_range", fields.At(row, "position_low"));
        map.Set($"{key}.salience_range", fields.At(row, "salience_low"));
        map.Set($"{key}.evidence", fields.At(row, "evidence_1_source"));
    }

    /// <summary>A range from the <c>NAME_low</c>, <c>NAME_high</c> and <c>NAME_sd</c> cells; <c>null</c> when they are empty.</summary>
    private static ValueRange? Range(TableFields fields, SheetRow row, string name)
    {
        var low = fields.Number(row, $"{name}_low", "a number (the range's low end)");
        var high = fields.Number(row, $"{name}_high", "a number (the range's high end)");
        var sd = fields.Number(row, $"{name}_sd", "a number above 0 (a standard deviation)");
        if (low is null && high is null && sd is null)
        {
            return null;
        }

        if (low is null || high is null)
        {
            fields.Report(fields.At(row, low is null ? $"{name}_low" : $"{name}_high"), $"{name}_low and {name}_high go together: give both ends of the range (and {name}_sd optionally), or leave all three empty");
            return null;
        }

        return new ValueRange(low.Value, high.Value, sd);
    }

    private static ImmutableArray<Evidence> ReadEvidenceGroups(TableFields fields, SheetRow row, IReadOnlyList<int> groups)
    {
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var group in groups)
        {
            var (kind, text, source) = SheetLayout.EvidenceColumns(group);
            if (!fields.IsSet(row, kind) && !fields.IsSet(row, text) && !fields.IsSet(row, source))
            {
                continue;
            }

            if (EvidenceItem(fields, row, kind, text, source) is { } item)
            {
                evidence.Add(item);
            }
        }

        return evidence.ToImmutable();
    }

    private static Evidence? EvidenceItem(TableFields fields, SheetRow row, string kindColumn, string textColumn, string sourceColumn)
    {
        var kindText = fields.Id(row, kindColumn);
        var text = fields.Text(row, textColumn);
        EvidenceKind? kind = kindText?.ToLowerInvariant() switch
        {
            "quote" => EvidenceKind.Quote,
            "paraphrase" => EvidenceKind.Paraphrase,
            "judgement" or "judgment" => EvidenceKind.AnalystJudgement,
            _ => null,
        };
        if (kind is null)
        {
            fields.Report(fields.At(row, kindColumn), $"{kindColumn}: '{Excerpt.Of(kindText)}' is not allowed; write quote, paraphrase or judgement");
            return null;
        }

        if (text is null)
        {
            fields.Report(fields.At(row, textColumn), $"{textColumn} is empty; give the quote, the paraphrase or the judgement's reason");
            return null;
        }

        return new Evidence(kind.Value, text, fields.Id(row, sourceColumn));
    }

    private static (ImmutableArray<Actor>, ImmutableArray<Issue>, ImmutableArray<Stance>, ImmutableArray<DraftStance>) ReadEvidence(
        TableFields? fields, SourceMap map, ImmutableArray<Actor> actors, ImmutableArray<Issue> issues, ImmutableArray<Stance> stances, ImmutableArray<DraftStance> drafts,
        IReadOnlySet<(string Actor, string Issue)> unread)
    {
        var byActor = new Dictionary<string, List<Evidence>>(StringComparer.Ordinal);
        var byIssue = new Dictionary<string, List<Evidence>>(StringComparer.Ordinal);
        var byStance = new Dictionary<(string, string), List<Evidence>>();
        foreach (var row in fields?.Rows ?? [])
        {
            var actor = fields!.Id(row, "actor");
            var issue = fields.Id(row, "issue");
            var item = EvidenceItem(fields, row, "kind", "text", "source");
            var known = (actor, issue) switch
            {
                (null, null) => false,
                (not null, null) => actors.Any(a => a.Id == actor),
                (null, not null) => issues.Any(i => i.Id == issue),
                _ => stances.Any(s => s.ActorId == actor && s.IssueId == issue) || drafts.Any(d => d.ActorId == actor && d.IssueId == issue),
            };
            if (!known && actor is not null && issue is not null && unread.Contains((actor, issue)))
            {
                // Its stance's row is there but did not read; that row's cell is the problem.
                continue;
            }

            if (!known)
            {
                fields.Report(fields.At(row, actor is null ? "issue" : "actor"), (actor, issue) switch
                {
                    (null, null) => "actor and issue are both empty; evidence belongs to a stance (actor and issue), an actor's capability (actor only) or an issue's outcome (issue only)",
                    (not null, null) => $"unknown actor '{Excerpt.Of(actor)}'; use one of the actor ids ({Known(actors.Select(a => a.Id))})",
                    (null, not null) => $"unknown issue '{Excerpt.Of(issue)}'; use one of the issue ids ({Known(issues.Select(i => i.Id))})",
                    _ => $"no stance of '{Excerpt.Of(actor)}' on '{Excerpt.Of(issue)}' in the Stances sheet; evidence of a stance needs the stance's row there",
                });
                continue;
            }

            if (item is null)
            {
                continue;
            }

            var list = (actor, issue) switch
            {
                (not null, null) => Bucket(byActor, actor),
                (null, not null) => Bucket(byIssue, issue),
                _ => Bucket(byStance, (actor!, issue!)),
            };
            list.Add(item);
        }

        for (var i = 0; i < stances.Length; i++)
        {
            if (fields?.Rows.FirstOrDefault(r => fields.Id(r, "actor") == stances[i].ActorId && fields.Id(r, "issue") == stances[i].IssueId) is { } first)
            {
                map.Set(SourceMap.Key("stance", i, "evidence"), fields.At(first, "source"));
            }
        }

        ImmutableArray<Evidence> Of<TKey>(Dictionary<TKey, List<Evidence>> buckets, TKey key)
            where TKey : notnull => buckets.TryGetValue(key, out var found) ? [.. found] : [];
        return (
            [.. actors.Select(a => a with { Evidence = Of(byActor, a.Id) })],
            [.. issues.Select(i => WithOutcomeEvidence(i, Of(byIssue, i.Id)))],
            [.. stances.Select(s => s with { Evidence = Of(byStance, (s.ActorId, s.IssueId)) })],
            [.. drafts.Select(d => d with { Evidence = Of(byStance, (d.ActorId, d.IssueId)) })]);
    }

    private static List<TItem> Bucket<TKey, TItem>(Dictionary<TKey, List<TItem>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets[key] = list;
        }

        return list;
    }

    private static Issue WithOutcomeEvidence(Issue issue, ImmutableArray<Evidence> evidence) =>
        evidence.IsEmpty && issue.OutcomeObservation is null ? issue
        : issue with { OutcomeObservation = (issue.OutcomeObservation ?? new OutcomeObservation()) with { Evidence = evidence } };

    /// <summary>
    /// The Candidates sheet's passages (a draft's proposed evidence, best first), each given to its actor (issue
    /// empty) or to its stance or draft stance; every row is checked as the native format checks a candidate.
    /// </summary>
    private static (ImmutableArray<Actor>, ImmutableArray<Stance>, ImmutableArray<DraftStance>) ReadCandidates(
        TableFields? fields, ImmutableArray<Actor> actors, ImmutableArray<Stance> stances, ImmutableArray<DraftStance> drafts)
    {
        var byActor = new Dictionary<string, List<CandidateEvidence>>(StringComparer.Ordinal);
        var byStance = new Dictionary<(string, string), List<CandidateEvidence>>();
        foreach (var row in fields?.Rows ?? [])
        {
            var actor = fields!.Id(row, "actor");
            var issue = fields.Id(row, "issue");
            var candidate = CandidateItem(fields, row);
            var known = actor is not null && (issue is null
                ? actors.Any(a => a.Id == actor)
                : stances.Any(s => s.ActorId == actor && s.IssueId == issue) || drafts.Any(d => d.ActorId == actor && d.IssueId == issue));
            if (!known)
            {
                fields.Report(fields.At(row, actor is null || issue is null ? "actor" : "issue"), (actor, issue) switch
                {
                    (null, _) => "actor is empty; a candidate passage belongs to a stance (actor and issue) or to an actor (actor only)",
                    (_, null) => $"unknown actor '{Excerpt.Of(actor)}'; use one of the actor ids ({Known(actors.Select(a => a.Id))})",
                    _ => $"no stance of '{Excerpt.Of(actor)}' on '{Excerpt.Of(issue)}' in the Stances sheet; a candidate passage of a stance needs the stance's row there",
                });
                continue;
            }

            if (candidate is not null)
            {
                (issue is null ? Bucket(byActor, actor!) : Bucket(byStance, (actor!, issue))).Add(candidate);
            }
        }

        ImmutableArray<CandidateEvidence> Of<TKey>(Dictionary<TKey, List<CandidateEvidence>> buckets, TKey key)
            where TKey : notnull => buckets.TryGetValue(key, out var found) ? [.. found] : [];
        return (
            [.. actors.Select(a => a with { Candidates = Of(byActor, a.Id) })],
            [.. stances.Select(s => s with { Candidates = Of(byStance, (s.ActorId, s.IssueId)) })],
            [.. drafts.Select(d => d with { Candidates = Of(byStance, (d.ActorId, d.IssueId)) })]);
    }

    /// <summary>One Candidates row's passage, or <c>null</c> after reporting what is wrong with it.</summary>
    private static CandidateEvidence? CandidateItem(TableFields fields, SheetRow row)
    {
        var quote = fields.Text(row, "quote");
        var source = fields.Id(row, "source");
        var start = fields.WholeNumber(row, "start");
        var end = fields.WholeNumber(row, "end");
        var kindText = fields.Id(row, "kind");
        var score = fields.Number(row, "score", "a number from 0 to 1 (how well the passage matches)");
        var ok = true;
        foreach (var (column, value, what) in new (string, object?, string)[]
        {
            ("quote", quote, "give the passage's exact words"), ("source", source, "give the id of the source quoted"),
            ("start", start, "give the offset of the quote's first character"), ("end", end, "give the offset just past its last character"),
        })
        {
            if (value is null && !fields.IsSet(row, column))
            {
                fields.Report(fields.At(row, column), $"{column} is empty; {what}");
            }

            ok &= value is not null;
        }

        var kind = Native.DraftFields.KindOf(kindText);
        if (kind is null)
        {
            fields.Report(fields.At(row, "kind"), $"kind: '{Excerpt.Of(kindText)}' is not allowed; write one of {Native.DraftFields.KindList}");
            ok = false;
        }

        if (score is { } given && !(given >= 0 && given <= 1))
        {
            fields.Report(fields.At(row, "score"), $"score {given.ToString("R", CultureInfo.InvariantCulture)} is not allowed; a score is a number from 0 to 1");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        if (end!.Value - start!.Value != quote!.Length)
        {
            fields.Report(fields.At(row, "start"), string.Create(CultureInfo.InvariantCulture, $"offsets {start}-{end} do not fit the quote; start and end are whole character offsets from 0 with end - start equal to the quote's length ({quote.Length})"));
            return null;
        }

        return new CandidateEvidence(quote, source!, start.Value, end.Value, kind!.Value, score ?? 0);
    }

    /// <summary>Without a Candidates sheet, each actor, stance and draft stance keeps the baseline's candidate passages for the same ids.</summary>
    private static (ImmutableArray<Actor>, ImmutableArray<Stance>, ImmutableArray<DraftStance>) KeepCandidates(
        Scenario baseline, ImmutableArray<Actor> actors, ImmutableArray<Stance> stances, ImmutableArray<DraftStance> drafts) =>
        (
            [.. actors.Select(a => baseline.FindActor(a.Id) is { } old ? a with { Candidates = old.Candidates } : a)],
            [.. stances.Select(s => baseline.FindStance(s.ActorId, s.IssueId) is { } old ? s with { Candidates = old.Candidates } : s)],
            [.. drafts.Select(d => baseline.DraftStances.FirstOrDefault(o => o.ActorId == d.ActorId && o.IssueId == d.IssueId) is { } old ? d with { Candidates = old.Candidates } : d)]);

    /// <summary>Without an Evidence sheet, each actor, outcome and stance keeps the baseline's evidence for the same id (and a draft stance its suggestion).</summary>
    private static (ImmutableArray<Actor>, ImmutableArray<Issue>, ImmutableArray<Stance>, ImmutableArray<DraftStance>) KeepEvidence(
        Scenario baseline, ImmutableArray<Actor> actors, ImmutableArray<Issue> issues, ImmutableArray<Stance> stances, ImmutableArray<DraftStance> drafts) =>
        (
            [.. actors.Select(a => baseline.FindActor(a.Id) is { } old ? a with { Evidence = old.Evidence } : a)],
            [.. issues.Select(i => baseline.FindIssue(i.Id)?.OutcomeObservation is { } old ? WithOutcomeEvidence(i, old.Evidence) : i)],
            [.. stances.Select(s => baseline.FindStance(s.ActorId, s.IssueId) is { } old ? s with { Evidence = old.Evidence } : s)],
            [.. drafts.Select(d => baseline.DraftStances.FirstOrDefault(o => o.ActorId == d.ActorId && o.IssueId == d.IssueId) is { } old
                ? d with { Evidence = old.Evidence, Suggestion = old.Suggestion } : d)]);

    private static Actor UpdateActor(TableFields fields, SheetRow row, Actor actor, Dictionary<string, SheetRow> updated)
    {
        var name = fields.Text(row, "actor_name");
        var capability = fields.Number(row, "capability", "a number from 0 (the actor's capability)");
        if (updated.TryGetValue(actor.Id, out var first))
        {
            if (capability is { } c && actor.Capability != c)
            {
                fields.Report(fields.At(row, "capability"), $"capability {c.ToString("R", CultureInfo.InvariantCulture)} differs from the {actor.Capability?.ToString("R", CultureInfo.InvariantCulture)} given for '{Excerpt.Of(actor.Id)}' in record {first.Number}; give an actor one capability (its capability on one issue goes in stance_capability)");
            }

            return actor;
        }

        updated[actor.Id] = row;
        return actor with { Name = name ?? actor.Name, Capability = capability ?? actor.Capability };
    }

    private static Issue UpdateIssue(TableFields fields, SheetRow row, Issue issue, Dictionary<string, SheetRow> updated)
    {
        var name = fields.Text(row, "issue_name");
        var min = fields.Number(row, "min", "a number (the scale's lowest point)");
        var max = fields.Number(row, "max", "a number above min (the scale's highest point)");
        var statusQuo = fields.Number(row, "status_quo", "a number on the issue's scale");
        if (updated.TryGetValue(issue.Id, out var first))
        {
            foreach (var (column, given, kept) in new[] { ("min", min, (double?)issue.ScaleMin), ("max", max, issue.ScaleMax), ("status_quo", statusQuo, issue.StatusQuo) })
            {
                if (given is { } value && value != kept)
                {
                    fields.Report(fields.At(row, column), $"{column} {value.ToString("R", CultureInfo.InvariantCulture)} differs from the {kept?.ToString("R", CultureInfo.InvariantCulture)} given for issue '{Excerpt.Of(issue.Id)}' in record {first.Number}; give an issue one scale");
                }
            }

            return issue;
        }

        updated[issue.Id] = row;
        return issue with { Name = name ?? issue.Name, ScaleMin = min ?? issue.ScaleMin, ScaleMax = max ?? issue.ScaleMax, StatusQuo = statusQuo ?? issue.StatusQuo };
    }

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.Take(11).ToList();
        return list.Count == 0 ? "none yet" : string.Join(", ", list.Take(10).Select(id => Excerpt.Of(id))) + (list.Count > 10 ? ", ..." : string.Empty);
    }
}
