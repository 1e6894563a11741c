using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Formats;

/// <summary>
/// The checks every reader applies once a scenario is built: ids unique and known, numbers
/// finite and in range, every actor and issue with a stance. Each problem is located through the
/// reader's <see cref="SourceMap"/> and says what is allowed.
/// </summary>
public static class ScenarioChecker
{
    /// <summary>Every problem of <paramref name="scenario"/>, located in <paramref name="fileName"/>.</summary>
    /// <param name="scenario">The scenario read.</param>
    /// <param name="map">Where the reader found each element.</param>
    /// <param name="fileName">The file, as the user named it.</param>
    /// <param name="unreadStances">Stances the file holds that did not read (a wrong cell, reported there): their actor
    /// and issue count as having a stance, so that the one wrong cell is not also reported as a stance missing.</param>
    /// <param name="unreadScales">Issues whose scale the file gives with a value that did not read (reported there): their
    /// scale is not checked, nor their stances against it, so that the one wrong value is not also reported as a scale
    /// that does not stand.</param>
    public static IReadOnlyList<Diagnostic> Check(
        Scenario scenario, SourceMap map, string fileName, IEnumerable<(string Actor, string Issue)>? unreadStances = null, IEnumerable<string>? unreadScales = null)
    {
        var problems = new DiagnosticList();
        void Report(string key, string message)
        {
            var at = map.Get(key);
            problems.Add(Diagnostic.At(fileName, at, message));
        }

        if (string.IsNullOrWhiteSpace(scenario.Id))
        {
            Report("scenario", "the scenario's id is empty; give the scenario a non-empty id (in KTAB files, its name)");
        }
        else if (map.Contains("scenario.id") && UnaddressableId(scenario.Id) is { } why)
        {
            // Only an id written as a field (native YAML/JSON). '/' is not refused: KTAB scenario names hold it ('China
            // Policy/Competitive; scen 2') and their conversions to YAML must read back; the server's links must carry it.
            Report("scenario.id", $"the scenario's id '{Excerpt.Of(scenario.Id)}' {why}, so the run store could save it but not name it again (ID@N names version N); "
                + "an id may hold letters, digits, spaces and punctuation other than '@', and may not be '.' or '..'");
        }

        if (string.IsNullOrWhiteSpace(scenario.Title))
        {
            Report("scenario", "the scenario's title is empty; give the scenario a title");
        }

        if (scenario.Actors.IsEmpty)
        {
            Report("scenario", "the scenario has no actors; list at least one actor");
        }

        if (scenario.Issues.IsEmpty)
        {
            Report("scenario", "the scenario has no issues; list at least one issue");
        }

        CheckUnique(scenario.Sources.Select(s => s.Id), "source", Report);
        CheckUnique(scenario.Actors.Select(a => a.Id), "actor", Report);
        CheckUnique(scenario.Issues.Select(i => i.Id), "issue", Report);
        CheckUnique(scenario.Stages.Select(s => s.Id), "stage", Report);

        var sourceIds = scenario.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actorIds = scenario.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var issuesById = new Dictionary<string, Issue>(StringComparer.Ordinal);
        foreach (var issue in scenario.Issues)
        {
            issuesById.TryAdd(issue.Id, issue);
        }

        // The issues whose scale stands: the others are reported once, at the scale, and their stances are not also
        // reported as off a scale that does not stand (consequences are not causes).
        var scaled = new HashSet<string>(StringComparer.Ordinal);
        var unreadScale = new HashSet<string>(unreadScales ?? [], StringComparer.Ordinal);
        for (var i = 0; i < scenario.Issues.Length; i++)
        {
            if (!unreadScale.Contains(scenario.Issues[i].Id) && CheckIssue(scenario.Issues[i], i, Report))
            {
                scaled.Add(scenario.Issues[i].Id);
            }
        }

        CheckQuestionAndOutcomes(scenario, sourceIds, Report);

        var memberIds = scenario.Actors.SelectMany(a => a.Members).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Actors.Length; i++)
        {
            var actor = scenario.Actors[i];
            CheckNonNegative(actor.Capability, SourceMap.Key("actor", i, "capability"), $"actor '{Excerpt.Of(actor.Id)}': capability", Report);
            CheckRange(actor.CapabilityRange, actor.Capability, 0, double.MaxValue, SourceMap.Key("actor", i, "capability_range"), $"actor '{Excerpt.Of(actor.Id)}': capability range", Report);
            foreach (var member in actor.Members)
            {
                if (member == actor.Id)
                {
                    Report(SourceMap.Key("actor", i, "members"), $"actor '{Excerpt.Of(actor.Id)}' lists itself as a member; members are other actors");
                }
                else if (!actorIds.Contains(member))
                {
                    Report(SourceMap.Key("actor", i, "members"), $"actor '{Excerpt.Of(actor.Id)}': unknown member '{Excerpt.Of(member)}'; members must be actor ids ({Known(actorIds)})");
                }
            }

            CheckEvidence(actor.Evidence, sourceIds, SourceMap.Key("actor", i, "evidence"), Report);
            CheckCandidates(actor.Candidates, sourceIds, SourceMap.Key("actor", i, "candidates"), Report);
        }

        var seenPairs = new HashSet<(string, string)>();
        var actorsWithStance = new HashSet<string>(unreadStances?.Select(s => s.Actor) ?? [], StringComparer.Ordinal);
        var issuesWithStance = new HashSet<string>(unreadStances?.Select(s => s.Issue) ?? [], StringComparer.Ordinal);
        for (var i = 0; i < scenario.Stances.Length; i++)
        {
            var stance = scenario.Stances[i];
            var label = $"stance of '{Excerpt.Of(stance.ActorId)}' on '{Excerpt.Of(stance.IssueId)}'";
            if (!actorIds.Contains(stance.ActorId))
            {
                Report(SourceMap.Key("stance", i, "actor"), $"{label}: unknown actor '{Excerpt.Of(stance.ActorId)}'; use one of the actor ids ({Known(actorIds)})");
            }
            else
            {
                actorsWithStance.Add(stance.ActorId);
            }

            issuesById.TryGetValue(stance.IssueId, out var issue);
            if (issue is null)
            {
                Report(SourceMap.Key("stance", i, "issue"), $"{label}: unknown issue '{Excerpt.Of(stance.IssueId)}'; use one of the issue ids ({Known(issuesById.Keys)})");
            }
            else
            {
                issuesWithStance.Add(stance.IssueId);
            }

            if (!seenPairs.Add((stance.ActorId, stance.IssueId)))
            {
                Report(SourceMap.Key("stance", i), $"{label}: duplicate stance; give each actor at most one stance per issue");
            }

            if (issue is not null && scaled.Contains(issue.Id))
            {
                CheckOnScale(stance.Position, issue, SourceMap.Key("stance", i, "position"), $"{label}: position", Report);
                CheckRange(stance.PositionRange, stance.Position, issue.ScaleMin, issue.ScaleMax, SourceMap.Key("stance", i, "position_range"), $"{label}: position range", Report);
            }
            else if (!double.IsFinite(stance.Position))
            {
                Report(SourceMap.Key("stance", i, "position"), $"{label}: position is {Format(stance.Position)}; it must be a finite number");
            }

            if (!double.IsFinite(stance.Salience) || stance.Salience < 0 || stance.Salience > 1)
            {
                Report(SourceMap.Key("stance", i, "salience"), $"{label}: salience {Format(stance.Salience)} is not allowed; salience is a number from 0 to 1");
            }

            CheckRange(stance.SalienceRange, stance.Salience, 0, 1, SourceMap.Key("stance", i, "salience_range"), $"{label}: salience range", Report);
            CheckNonNegative(stance.Capability, SourceMap.Key("stance", i, "capability"), $"{label}: capability", Report);
            CheckEvidence(stance.Evidence, sourceIds, SourceMap.Key("stance", i, "evidence"), Report);
            CheckCandidates(stance.Candidates, sourceIds, SourceMap.Key("stance", i, "candidates"), Report);
        }

        for (var i = 0; i < scenario.DraftStances.Length; i++)
        {
            var draft = scenario.DraftStances[i];
            var kind = Native.DraftFields.MapKind;
            var label = $"draft stance of '{draft.ActorId}' on '{draft.IssueId}'";
            if (!actorIds.Contains(draft.ActorId))
            {
                Report(SourceMap.Key(kind, i, "actor"), $"{label}: unknown actor '{draft.ActorId}'; use one of the actor ids ({Known(actorIds)})");
            }
            else
            {
                actorsWithStance.Add(draft.ActorId);
            }

            issuesById.TryGetValue(draft.IssueId, out var issue);
            if (issue is null)
            {
                Report(SourceMap.Key(kind, i, "issue"), $"{label}: unknown issue '{draft.IssueId}'; use one of the issue ids ({Known(issuesById.Keys)})");
            }
            else
            {
                issuesWithStance.Add(draft.IssueId);
            }

            if (!seenPairs.Add((draft.ActorId, draft.IssueId)))
            {
                Report(SourceMap.Key(kind, i), $"{label}: duplicate stance; give each actor at most one stance per issue");
            }

            if (issue is not null && scaled.Contains(issue.Id) && draft.Position is { } position)
            {
                CheckOnScale(position, issue, SourceMap.Key(kind, i, "position"), $"{label}: position", Report);
            }

            if (issue is not null && scaled.Contains(issue.Id) && draft.Suggestion is { } suggestion)
            {
                CheckOnScale(suggestion.Position, issue, SourceMap.Key(kind, i, "suggestion"), $"{label}: suggested position", Report);
            }

            if (draft.Salience is { } salience && (!double.IsFinite(salience) || salience < 0 || salience > 1))
            {
                Report(SourceMap.Key(kind, i, "salience"), $"{label}: salience {Format(salience)} is not allowed; salience is a number from 0 to 1");
            }

            CheckNonNegative(draft.Capability, SourceMap.Key(kind, i, "capability"), $"{label}: capability", Report);
            CheckEvidence(draft.Evidence, sourceIds, SourceMap.Key(kind, i, "evidence"), Report);
            CheckCandidates(draft.Candidates, sourceIds, SourceMap.Key(kind, i, "candidates"), Report);
        }

        for (var i = 0; i < scenario.Actors.Length; i++)
        {
            var actor = scenario.Actors[i];
            var standsThroughMembers = !actor.Members.IsEmpty || memberIds.Contains(actor.Id);
            if (!actorsWithStance.Contains(actor.Id) && !standsThroughMembers)
            {
                Report(SourceMap.Key("actor", i), $"actor '{Excerpt.Of(actor.Id)}' has no stance; give it a stance on at least one issue, or make it a member of a bloc or delegation");
            }
        }

        for (var i = 0; i < scenario.Issues.Length; i++)
        {
            var issue = scenario.Issues[i];
            if (!issuesWithStance.Contains(issue.Id))
            {
                Report(SourceMap.Key("issue", i), $"issue '{Excerpt.Of(issue.Id)}' has no stance; give at least one actor a stance on it");
            }
        }

        // The voters of each issue when rules name none: the actors with a stance on it.
        IReadOnlyList<IReadOnlyList<string>> stanceHolders = [.. scenario.Stances.GroupBy(st => st.IssueId, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(st => st.ActorId).Distinct(StringComparer.Ordinal)])];
        for (var i = 0; i < scenario.Stages.Length; i++)
        {
            var stage = scenario.Stages[i];
            if (stage.Participants.IsEmpty)
            {
                Report(SourceMap.Key("stage", i, "participants"), $"stage '{Excerpt.Of(stage.Id)}' has no participants; list the actor ids taking part");
            }

            foreach (var participant in stage.Participants.Where(p => !actorIds.Contains(p)))
            {
                Report(SourceMap.Key("stage", i, "participants"), $"stage '{Excerpt.Of(stage.Id)}': unknown participant '{Excerpt.Of(participant)}'; use actor ids ({Known(actorIds)})");
            }

            foreach (var issueId in stage.Issues.Where(id => !issuesById.ContainsKey(id)))
            {
                Report(SourceMap.Key("stage", i, "issues"), $"stage '{Excerpt.Of(stage.Id)}': unknown issue '{Excerpt.Of(issueId)}'; use issue ids ({Known(issuesById.Keys)})");
            }

            if (stage.Model is { } model && ModelCatalog.Find(model) is null)
            {
                Report(SourceMap.Key("stage", i, "model"), $"stage '{Excerpt.Of(stage.Id)}': unknown model '{Excerpt.Of(model)}'; use one of {ModelCatalog.Ids}");
            }

            if (stage.Rules is { } stageRules)
            {
                CheckRules(stageRules, SourceMap.Key("stage", i, "rules"), $"stage '{Excerpt.Of(stage.Id)}': rules", actorIds, issuesById.Keys, stanceHolders, Report);
            }
        }

        if (scenario.Rules is { } rules)
        {
            CheckRules(rules, "rules", "rules", actorIds, issuesById.Keys, stanceHolders, Report);
        }

        return problems;
    }

    /// <summary>The ids a <c>rules</c> section names, and its numbers against its decision rule.</summary>
    /// <param name="rules">The section.</param>
    /// <param name="key">Its source-map key.</param>
    /// <param name="label">Its name in messages.</param>
    /// <param name="actorIds">The scenario's actors.</param>
    /// <param name="issueIds">The scenario's issues.</param>
    /// <param name="stanceHolders">For each issue, the actors with a stance on it: the voters when <c>voters</c> is not given.</param>
    /// <param name="report">Receives each problem at its field.</param>
    private static void CheckRules(DecisionRules rules, string key, string label, IReadOnlySet<string> actorIds, IEnumerable<string> issueIds, IReadOnlyList<IReadOnlyList<string>> stanceHolders, Action<string, string> report)
    {
        void Unknown(string field, IEnumerable<string> ids)
        {
            foreach (var id in ids.Where(id => !actorIds.Contains(id)))
            {
                report($"{key}.{field}", $"{label}: {field} names unknown actor '{Excerpt.Of(id)}'; use actor ids ({Known(actorIds)})");
            }
        }

        Unknown("voters", rules.Voters);
        Unknown("weights", rules.Weights.Keys);
        Unknown("veto_players", rules.VetoPlayers);
        Unknown("issue_veto_players", rules.IssueVetoPlayers.Values.SelectMany(v => v));
        Unknown("agenda_setter", rules.AgendaSetter is { } setter ? [setter] : []);
        var issues = issueIds.ToHashSet(StringComparer.Ordinal);
        foreach (var issueId in rules.IssueVetoPlayers.Keys.Where(id => !issues.Contains(id)))
        {
            report($"{key}.issue_veto_players", $"{label}: issue_veto_players names unknown issue '{Excerpt.Of(issueId)}'; use issue ids ({Known(issues)})");
        }

        if (!rules.Voters.IsEmpty)
        {
            foreach (var id in rules.Weights.Keys.Where(id => actorIds.Contains(id) && !rules.Voters.Contains(id, StringComparer.Ordinal)))
            {
                report($"{key}.weights", $"{label}: weights gives a weight to '{Excerpt.Of(id)}', which is not among the voters; weigh voters only, or add it to voters");
            }
        }

        if (rules.Decision != DecisionKind.QualifiedMajority)
        {
            foreach (var (field, given) in new[] { ("quota", rules.Quota is not null), ("minimum_members", rules.MinimumMembers is not null), ("blocking_members", rules.BlockingMembers is not null) })
            {
                if (given)
                {
                    report($"{key}.{field}", $"{label}: {field} applies only to decision: qualified_majority; remove it or change the decision");
                }
            }

            return;
        }

        if (rules.Quota is not { } quota)
        {
            report(key, $"{label}: a qualified majority needs a quota, the voting weight the voters in favour must reach (e.g. quota: 255 of 345 votes)");
            return;
        }

        if (!double.IsFinite(quota) || quota <= 0)
        {
            report($"{key}.quota", $"{label}: quota must be a finite number above 0, found {quota.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (!rules.Voters.IsEmpty && quota > rules.Voters.Sum(rules.WeightOf))
        {
            report($"{key}.quota", $"{label}: quota {quota.ToString(CultureInfo.InvariantCulture)} is above the voters' total weight {rules.Voters.Sum(rules.WeightOf).ToString(CultureInfo.InvariantCulture)}; no coalition could carry a decision");
        }
        else if (rules.Voters.IsEmpty && stanceHolders.Count > 0 && stanceHolders.Max(ids => ids.Sum(rules.WeightOf)) is var heaviest && quota > heaviest)
        {
            report($"{key}.quota", $"{label}: quota {quota.ToString(CultureInfo.InvariantCulture)} is above the total weight of the voters, the actors with a stance on an issue when voters is not given (at most {heaviest.ToString(CultureInfo.InvariantCulture)}); no coalition could carry a decision");
        }

        // A coalition needs minimum_members voters in favour: more than there are voters, and none
        // can carry a decision, so a procedural model would keep every status quo without a word.
        if (rules.MinimumMembers is { } minimum && !rules.Voters.IsEmpty && minimum > rules.Voters.Length)
        {
            report($"{key}.minimum_members", $"{label}: minimum_members {minimum} is above the number of voters ({rules.Voters.Length}); no coalition could carry a decision");
        }
        else if (rules.MinimumMembers is { } required && rules.Voters.IsEmpty && stanceHolders.Count > 0 && stanceHolders.Max(ids => ids.Count) is var most && required > most)
        {
            report($"{key}.minimum_members", $"{label}: minimum_members {required} is above the number of voters, the actors with a stance on an issue when voters is not given (at most {most}); no coalition could carry a decision");
        }
    }

    /// <summary>Checks an issue; returns whether its scale stands (finite ends, max above min, a finite width).</summary>
    private static bool CheckIssue(Issue issue, int index, Action<string, string> report)
    {
        var label = $"issue '{Excerpt.Of(issue.Id)}'";
        if (!double.IsFinite(issue.ScaleMin) || !double.IsFinite(issue.ScaleMax))
        {
            report(SourceMap.Key("issue", index, "min"), $"{label}: the scale ends must be finite numbers");
            return false;
        }

        if (!(issue.ScaleMax > issue.ScaleMin))
        {
            report(SourceMap.Key("issue", index, "max"), $"{label}: scale max {Format(issue.ScaleMax)} must be greater than min {Format(issue.ScaleMin)}");
            return false;
        }

        if (!double.IsFinite(issue.ScaleWidth))
        {
            report(SourceMap.Key("issue", index, "max"), $"{label}: the scale from {Format(issue.ScaleMin)} to {Format(issue.ScaleMax)} is too wide; its width (max - min) must be at most {Format(double.MaxValue)}, the largest number Parley can compute with (divide the scale and its positions by a common factor)");
            return false;
        }

        if (issue.StatusQuo is { } statusQuo)
        {
            CheckOnScale(statusQuo, issue, SourceMap.Key("issue", index, "status_quo"), $"{label}: status quo", report);
        }

        if (issue.Outcome is { } outcome)
        {
            CheckOnScale(outcome, issue, SourceMap.Key("issue", index, "outcome"), $"{label}: outcome", report);
        }

        for (var a = 0; a < issue.Anchors.Length; a++)
        {
            CheckOnScale(issue.Anchors[a].Value, issue, SourceMap.Key("issue", index, $"anchors[{a}]"), $"{label}: anchor '{Excerpt.Of(issue.Anchors[a].Label)}'", report);
        }

        return true;
    }

    /// <summary>
    /// The horizon and every outcome's date are ISO dates on or after the scenario's own date (a
    /// forecast is made as of that date, so an outcome observed before it was known when the
    /// forecast was made); an outcome without a value says why in a note; outcome evidence cites
    /// known sources.
    /// </summary>
    private static void CheckQuestionAndOutcomes(Scenario scenario, HashSet<string> sourceIds, Action<string, string> report)
    {
        var dated = scenario.Horizon is not null || scenario.Issues.Any(i => i.OutcomeObservation?.Date is not null);
        DateOnly? asOf = null;
        if (IsoDate.TryParseStart(scenario.Date, out var start))
        {
            asOf = start;
        }
        else if (dated)
        {
            report("scenario.date", scenario.Date is null
                ? "the scenario has a horizon or dated outcomes but no date; give its date (the day the forecast is made as of) as date: yyyy-MM-dd"
                : $"the scenario's date '{Excerpt.Of(scenario.Date)}' is not an ISO date; with a horizon or dated outcomes it must be yyyy-MM-dd (or yyyy-MM, yyyy), the day the forecast is made as of");
        }

        if (scenario.Horizon is { } horizonText)
        {
            if (!IsoDate.TryParseDay(horizonText, out var horizon))
            {
                report("scenario.horizon", $"horizon '{Excerpt.Of(horizonText)}' is not a date; write it as yyyy-MM-dd, the day the outcomes are read as of");
            }
            else if (asOf is { } day && horizon < day)
            {
                report("scenario.horizon", $"horizon {IsoDate.Format(horizon)} is before the scenario's date {scenario.Date}; the horizon is when the forecast is judged, on or after the date it is made");
            }
        }

        for (var i = 0; i < scenario.Issues.Length; i++)
        {
            var issue = scenario.Issues[i];
            if (issue.OutcomeObservation is not { } observation)
            {
                continue;
            }

            var label = $"issue '{Excerpt.Of(issue.Id)}': outcome";
            var key = SourceMap.Key("issue", i, "outcome");
            if (issue.Outcome is null && string.IsNullOrWhiteSpace(observation.Note))
            {
                report(key, $"{label} has no value; give its value on the scale, or a note saying why it cannot be told (reports disagree, nothing observable yet)");
            }

            if (observation.Date is { } dateText)
            {
                if (!IsoDate.TryParseDay(dateText, out var observed))
                {
                    report($"{key}.observed", $"{label}: observed date '{Excerpt.Of(dateText)}' is not a date; write it as yyyy-MM-dd");
                }
                else if (asOf is { } day && observed < day)
                {
                    report($"{key}.observed", $"{label} observed {IsoDate.Format(observed)}, before the scenario's date {scenario.Date}; an outcome is observed on or after the date the forecast is made (else it was known when forecasting)");
                }
            }

            CheckEvidence(observation.Evidence, sourceIds, $"{key}.evidence", report);
        }
    }

    private static void CheckOnScale(double value, Issue issue, string key, string label, Action<string, string> report)
    {
        if (!double.IsFinite(value))
        {
            report(key, $"{label} is {Format(value)}; it must be a finite number from {Format(issue.ScaleMin)} to {Format(issue.ScaleMax)}");
        }
        else if (value < issue.ScaleMin || value > issue.ScaleMax)
        {
            report(key, $"{label} {Format(value)} is outside the issue's scale; it must be from {Format(issue.ScaleMin)} to {Format(issue.ScaleMax)}");
        }
    }

    private static void CheckNonNegative(double? value, string key, string label, Action<string, string> report)
    {
        if (value is { } v && (!double.IsFinite(v) || v < 0))
        {
            report(key, $"{label} {Format(v)} is not allowed; capability is a finite number of 0 or more");
        }
    }

    private static void CheckRange(ValueRange? range, double? estimate, double min, double max, string key, string label, Action<string, string> report)
    {
        if (range is null)
        {
            return;
        }

        if (!double.IsFinite(range.Low) || !double.IsFinite(range.High) || range.Low > range.High)
        {
            report(key, $"{label} [{Format(range.Low)}, {Format(range.High)}] is not allowed; low and high are finite with low <= high");
        }
        else if (range.Low < min || range.High > max)
        {
            report(key, $"{label} [{Format(range.Low)}, {Format(range.High)}] leaves the allowed values; keep it within {Format(min)} to {Format(max)}");
        }
        else if (estimate is { } value && double.IsFinite(value) && !range.Contains(value))
        {
            report(key, $"{label} [{Format(range.Low)}, {Format(range.High)}] does not contain the estimate {Format(value)}; widen it or move the estimate");
        }

        if (range.StandardDeviation is { } sd && (!double.IsFinite(sd) || sd < 0))
        {
            report(key, $"{label}: standard deviation {Format(sd)} is not allowed; use a finite number of 0 or more");
        }
    }

    private static void CheckEvidence(IEnumerable<Evidence> evidence, HashSet<string> sourceIds, string key, Action<string, string> report)
    {
        foreach (var item in evidence)
        {
            if (item.SourceId is { } source && !sourceIds.Contains(source))
            {
                report(key, $"evidence cites unknown source '{Excerpt.Of(source)}'; list it under sources or use one of ({Known(sourceIds)})");
            }
        }
    }

    private static void CheckCandidates(IEnumerable<CandidateEvidence> candidates, HashSet<string> sourceIds, string key, Action<string, string> report)
    {
        foreach (var source in candidates.Select(c => c.SourceId).Where(id => !sourceIds.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            report(key, $"candidate evidence cites unknown source '{Excerpt.Of(source)}'; list it under sources or use one of ({Known(sourceIds)})");
        }
    }

    /// <summary>
    /// What the analyst must still decide in a draft, each located at its stance or actor: every
    /// open position and salience (with how many candidate passages wait for review) and every
    /// top-level actor's capability. Empty for a complete scenario.
    /// </summary>
    public static IReadOnlyList<Diagnostic> OpenJudgements(Scenario scenario, SourceMap map, string fileName)
    {
        var open = new List<Diagnostic>();
        if (!scenario.IsDraft)
        {
            return open;
        }

        void Add(string key, string message)
        {
            var at = map.Get(key);
            open.Add(Diagnostic.At(fileName, at, message));
        }

        var memberIds = scenario.Actors.SelectMany(a => a.Members).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Actors.Length; i++)
        {
            var actor = scenario.Actors[i];
            if (actor.Capability is null && !memberIds.Contains(actor.Id))
            {
                Add(SourceMap.Key("actor", i), $"capability of '{actor.Id}' ({actor.Name}): to decide (a number of 0 or more on a scale shared by the actors)");
            }
        }

        for (var i = 0; i < scenario.DraftStances.Length; i++)
        {
            var draft = scenario.DraftStances[i];
            var missing = (draft.Position, draft.Salience) switch
            {
                (null, null) => "position and salience",
                (null, _) => "position",
                _ => "salience",
            };
            var review = draft.Candidates.Length switch
            {
                0 => "no candidate evidence found; cite a source or give a judgement",
                1 => "1 candidate passage to review",
                var n => $"{n} candidate passages to review",
            };
            var suggestion = draft.Suggestion is { } s ? $"; suggested position {Format(s.Position)} (a suggestion, not a judgement)" : string.Empty;
            Add(SourceMap.Key(Native.DraftFields.MapKind, i), $"{missing} of '{draft.ActorId}' on '{draft.IssueId}': to decide; {review}{suggestion}");
        }

        return open;
    }

    private static void CheckUnique(IEnumerable<string> ids, string kind, Action<string, string> report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                report(SourceMap.Key(kind, index, "id"), $"{kind} {index + 1} has an empty id; give every {kind} a unique id");
            }
            else if (!seen.Add(id))
            {
                report(SourceMap.Key(kind, index, "id"), $"duplicate {kind} id '{Excerpt.Of(id)}'; every {kind} needs its own id");
            }

            index++;
        }
    }

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.Take(12).ToList();
        return list.Count == 0 ? "none defined" : string.Join(", ", list.Select(id => Excerpt.Of(id))) + (ids.Skip(12).Any() ? ", ..." : string.Empty);
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why <paramref name="id"/> cannot name a scenario in the store, or <c>null</c>: '@' separates the version
    /// (<c>ID@N</c>, so <c>talks@2</c> would name version 2 of <c>talks</c>), and '.' or '..' alone are path steps
    /// in the server's links (<c>/scenarios/ID</c>).
    /// </summary>
    private static string? UnaddressableId(string id) =>
        id is "." or ".." ? "is a path step"
        : id.Contains('@', StringComparison.Ordinal) ? "holds '@'"
        : null;
}
