using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Scoring;
using Parley.Reports.Charts;

namespace Parley.Reports.Html;

/// <summary>
/// The offline HTML report of a negotiation: the scenario with every stance's evidence, the
/// forecast per issue, the bargaining round by round, the uncertainty, the stages and who holds
/// the key, each with charts (<see cref="NegotiationCharts"/>) and captions generated from the numbers.
/// The same input always gives the same bytes.
/// </summary>
public static class NegotiationReport
{
    /// <summary>How many of the exchange model's largest exchanges the report lists.</summary>
    public const int LargestExchanges = 15;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every chart of the report, in page order (what <c>--png</c>/<c>--svg</c> draw).</summary>
    public static ImmutableArray<ChartSpec> Charts(NegotiationReportInput input) => [.. Build(input).Charts];

    /// <summary>The report as one self-contained HTML document.</summary>
    public static string ToHtml(NegotiationReportInput input)
    {
        var page = Build(input);
        var scenario = input.Scenario;
        var header = new StringBuilder();
        header.Append("<p class=\"meta\">");
        if (scenario.Date is { } date)
        {
            header.Append(HtmlPage.Escape(date)).Append(" &middot; ");
        }

        header.Append(HtmlPage.Escape(scenario.IsDraft
            ? string.Create(Invariant, $"A draft: {Counted.Of(scenario.Actors.Length, "actor")}, {Counted.Of(scenario.Issues.Length, "issue")}, {Counted.Of(scenario.Stances.Length, "stance")} and {Counted.Of(scenario.DraftStances.Length, "draft stance")}; {Counted.Of(input.OpenJudgements.Length, "judgement")} still open, so no model has run.")
            : string.Create(Invariant, $"{Counted.Of(scenario.Actors.Length, "actor")}, {Counted.Of(scenario.Issues.Length, "issue")}, {Counted.Of(scenario.Stances.Length, "stance")}; models: {string.Join(", ", input.Results.Select(r => r.Model.Id))}; seed {input.Seed}")))
            .Append("</p>\n");
        if (scenario.Description is { } description)
        {
            header.Append("<p>").Append(HtmlPage.Escape(description)).Append("</p>\n");
        }

        var footer = $"Made by Parley {Version()} with: {input.Command}." + (input.Stamp is null ? string.Empty : $" Generated {input.Stamp}.")
            + " Charts drawn with Apache ECharts (Apache License 2.0), included in this file.";
        return page.Render(scenario.Title, header.ToString(), footer);
    }

    private static HtmlPage Build(NegotiationReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = new HtmlPage();
        ScenarioSection(page, input.Scenario);
        EvidenceSection(page, input);

        if (input.Scenario.IsDraft)
        {
            AwaitingJudgements(page, input);
            return page;
        }

        ForecastSection(page, input);
        BargainingSection(page, input);
        if (input.Uncertainty is not null || input.Sensitivity is not null)
        {
            UncertaintySection(page, input);
        }

        if (!input.Staged.IsDefaultOrEmpty)
        {
            StagesSection(page, input);
        }

        if (input.TrackRecord is { } record && record.ScoredIssueCount > 0)
        {
            TrackRecordSection(page, record);
        }

        if (input.Influence is { } influence)
        {
            page.Section("influence", "Who holds the key",
                $"Each actor's influence on each issue under {influence.Model.Id}: its Shapley value (the mean move of the forecast when it joins, over every order of joining; Shapley 1953) and how far the forecast moves when it is absent. {Counted.Of(influence.Players, "player")}, {Counted.Of(influence.Runs, "model run")}.");
            page.ChartsOf(NegotiationCharts.Influence(input.Scenario, influence));
        }

        return page;
    }

    private static void ScenarioSection(HtmlPage page, Scenario scenario)
    {
        page.Section("scenario", "The scenario",
            "Every input of the forecast with the evidence behind it, so each number can be checked: actors with their capability, issues with their labelled scales, and each actor's stance on each issue.");
        page.Heading("Actors");
        page.Table(["Actor", "Kind", "Capability", "Role", "Evidence"],
            scenario.Actors.Select(a => (IReadOnlyList<string>)
            [
                a.Name, a.Kind.ToString().ToLowerInvariant(), a.Capability is { } c ? ScaleNumber.Capability(c) + CapabilityRange(a.CapabilityRange) : scenario.IsDraft ? ToDecide : "per stance",
                a.Description ?? string.Empty, Evidence(scenario, a.Evidence),
            ]), new HashSet<int> { 2 });
        page.Heading("Issues and their scales");
        page.Table(["Issue", "Scale", "Status quo", "Labelled points"],
            scenario.Issues.Select(i => (IReadOnlyList<string>)
            [
                i.Name, $"{ScaleNumber.Format(i.ScaleMin, i.ScaleWidth)} to {ScaleNumber.Format(i.ScaleMax, i.ScaleWidth)}",
                i.StatusQuo is { } sq ? ScaleNumber.Format(sq, i.ScaleWidth) : "unknown",
                string.Join("; ", i.Anchors.Select(a => $"{ScaleNumber.Format(a.Value, i.ScaleWidth)} = {a.Label}")),
            ]), new HashSet<int> { 2 });
        page.Heading("Stances and their evidence");
        foreach (var issue in scenario.Issues)
        {
            var stances = scenario.Stances.Where(s => s.IssueId == issue.Id).ToList();
            var drafts = scenario.DraftStances.Where(s => s.IssueId == issue.Id).ToList();
            if (stances.Count + drafts.Count == 0)
            {
                continue;
            }

            page.Raw($"<h4>{HtmlPage.Escape(issue.Name)}</h4>\n");
            page.Table(["Actor", "Position", "Salience", "Evidence"],
                stances.Select(s => (IReadOnlyList<string>)
                [
                    NegotiationCharts.ActorName(scenario, s.ActorId),
                    ScaleNumber.Format(s.Position, issue.ScaleWidth) + Range(s.PositionRange, issue.ScaleWidth),
                    ScaleNumber.Format(s.Salience, 1) + Range(s.SalienceRange, 1),
                    Evidence(scenario, s.Evidence) + Candidates(s.Candidates.Length),
                ]).Concat(drafts.Select(s => (IReadOnlyList<string>)
                [
                    NegotiationCharts.ActorName(scenario, s.ActorId),
                    s.Position is { } position ? ScaleNumber.Format(position, issue.ScaleWidth) : ToDecide,
                    s.Salience is { } salience ? ScaleNumber.Format(salience, 1) : ToDecide,
                    Evidence(scenario, s.Evidence) + Candidates(s.Candidates.Length),
                ])), new HashSet<int> { 1, 2 }, "stances");
        }

        if (!scenario.Sources.IsDefaultOrEmpty)
        {
            page.Heading("Sources");
            page.Table(["Id", "Title", "Publisher", "Date", "Address"],
                scenario.Sources.Select(s => (IReadOnlyList<string>)[s.Id, s.Title, s.Publisher ?? string.Empty, s.Date ?? string.Empty, s.Url ?? string.Empty]));
        }
    }

    private static void ForecastSection(HtmlPage page, NegotiationReportInput input)
    {
        var scenario = input.Scenario;
        page.Section("forecast", "The forecast",
            "Per issue, each model's forecast (diamonds) on the issue's scale, every actor's position (circles sized by capability x salience) and the status quo (dashed line).");
        var headers = new List<string> { "Issue" };
        headers.AddRange(input.Results.Select(r => r.Model.Id));
        page.Table(headers, scenario.Issues.Select(issue =>
        {
            var row = new List<string> { issue.Name };
            row.AddRange(input.Results.Select(r => r.ForIssue(issue.Id) is { } f ? ScaleNumber.Format(f.Forecast, issue.ScaleWidth) : "-"));
            return (IReadOnlyList<string>)row;
        }), Enumerable.Range(1, input.Results.Length).ToHashSet());
        page.ChartsOf(NegotiationCharts.Forecasts(scenario, input.Results));
        page.Heading("Calibrated intervals", "calibrated-intervals");
        if (input.Calibration is { } calibration)
        {
            page.Paragraph(CalibratedIntervalTable.Meaning);
            var columns = CalibratedIntervalTable.Headers(calibration);
            page.Table(columns, CalibratedIntervalTable.Rows(scenario, input.Results, calibration), Enumerable.Range(2, columns.Count - 2).ToHashSet());
            foreach (var label in CalibratedIntervalTable.Labels(input.Results, calibration))
            {
                page.Paragraph(label, "caption");
            }
        }
        else
        {
            page.Paragraph(CalibratedIntervalTable.Uncalibrated, "caption");
        }

        page.Heading("The models");
        page.Table(["Model", "Name", "What it computes", "Source"],
            input.Results.Select(r => (IReadOnlyList<string>)[r.Model.Id, r.Model.Name, r.Model.Summary, r.Model.Citation]));
    }

    private static void BargainingSection(HtmlPage page, NegotiationReportInput input)
    {
        var dynamic = input.Results.Where(r => !r.Rounds.IsDefaultOrEmpty).ToList();
        if (dynamic.Count == 0)
        {
            return;
        }

        var scenario = input.Scenario;
        page.Section("bargaining", "The bargaining, round by round",
            "For each model that moves actors: every actor's position after each round (thin lines; round 0 is the stance) and the model's outcome (thick line).");
        foreach (var result in dynamic)
        {
            page.Heading($"{result.Model.Name} ({result.Model.Id})", $"bargaining-{NegotiationCharts.Slug(result.Model.Id)}");
            page.Paragraph(string.Create(Invariant, $"{Counted.Of(result.RoundsRun, "round")}; {(result.Converged == true ? "converged" : "stopped at the round limit")}. {result.Model.Citation}."), "meta");
            page.ChartsOf(NegotiationCharts.Bargaining(scenario, result));
            if (NegotiationCharts.ExchangeGains(scenario, result) is { } gains)
            {
                page.Chart(gains);
                ExchangeTable(page, scenario, result);
            }

            if (result.Rounds.OfType<ExpectedUtilityRound>().Any())
            {
                Explanations(page, scenario, result);
            }
        }
    }

    private static void ExchangeTable(HtmlPage page, Scenario scenario, ModelResult result)
    {
        var exchanges = result.Rounds.OfType<ExchangeRoundTrace>()
            .SelectMany(r => r.Exchanges.Select((e, i) => (r.Round, Order: i, Exchange: e)))
            .OrderByDescending(e => e.Exchange.Gain).ThenBy(e => e.Round).ThenBy(e => e.Order)
            .Take(LargestExchanges).ToList();
        page.Raw($"<h4>The {exchanges.Count} largest exchanges</h4>\n");
        page.Table(["Round", "Actor", "moves on", "from → to", "Actor", "moves on", "from → to", "Gain each"],
            exchanges.Select(e => (IReadOnlyList<string>)
            [
                e.Round.ToString(Invariant),
                NegotiationCharts.ActorName(scenario, e.Exchange.FirstActor), NegotiationCharts.IssueName(scenario, e.Exchange.FirstIssue), Move(scenario, e.Exchange.FirstIssue, e.Exchange.FirstFrom, e.Exchange.FirstTo),
                NegotiationCharts.ActorName(scenario, e.Exchange.SecondActor), NegotiationCharts.IssueName(scenario, e.Exchange.SecondIssue), Move(scenario, e.Exchange.SecondIssue, e.Exchange.SecondFrom, e.Exchange.SecondTo),
                e.Exchange.Gain.ToString("0.####", Invariant),
            ]), new HashSet<int> { 0, 3, 6, 7 });
    }

    private static void Explanations(HtmlPage page, Scenario scenario, ModelResult result)
    {
        page.Raw("<h4>Why actors move: the model's explanations</h4>\n");
        foreach (var issue in scenario.Issues)
        {
            var rounds = result.Rounds.OfType<ExpectedUtilityRound>().Where(r => r.Issue == issue.Id).ToList();
            if (rounds.Count == 0)
            {
                continue;
            }

            var moves = rounds.Sum(r => r.Offers.Count(o => o.Accepted));
            var html = new StringBuilder();
            html.Append("<details><summary>").Append(HtmlPage.Escape(string.Create(Invariant, $"{issue.Name}: {Counted.Of(rounds.Count, "round")}, {Counted.Of(moves, "accepted offer")}"))).Append("</summary>\n");
            foreach (var round in rounds)
            {
                html.Append("<p><strong>Round ").Append(round.Round.ToString(Invariant)).Append("</strong></p><ol class=\"events\">");
                foreach (var sentence in round.Describe().Where(s => !s.StartsWith("On ", StringComparison.Ordinal)))
                {
                    html.Append("<li>").Append(HtmlPage.Escape(sentence)).Append("</li>");
                }

                html.Append("</ol>\n");
            }

            page.Raw(html.Append("</details>\n").ToString());
        }
    }

    private static void UncertaintySection(HtmlPage page, NegotiationReportInput input)
    {
        var scenario = input.Scenario;
        var model = input.Uncertainty?.Model ?? input.Sensitivity!.Model;
        var spread = input.Uncertainty?.Spread ?? input.Sensitivity!.Spread;
        page.Section("uncertainty", "Uncertainty",
            string.Create(Invariant,
                $"How far the {model.Id} forecast moves when the inputs vary within their uncertainty: each input's own range, or the default spread (positions +-{spread.Position * 100:0.##}% of the scale, salience +-{spread.Salience:0.##}, capability +-{spread.Capability * 100:0.##}%). This is input sensitivity, not a predictive interval: on DEU III's development file such 90% bands held 14-52% of outcomes (docs/validation.md); see the calibrated intervals of the forecast section for where the outcome should fall."));
        if (input.Uncertainty is { } distribution)
        {
            page.Heading(string.Create(Invariant, $"Distribution of the forecast over {Counted.Of(distribution.Draws, "draw")} (seed {distribution.Seed})"));
            page.ChartsOf(NegotiationCharts.Distributions(scenario, distribution));
        }

        if (input.Sensitivity is { } sensitivity)
        {
            page.Heading("What each forecast hinges on");
            page.Paragraph("Each bar is the forecast's change when one input is set to the low (or high) end of its range with all others at their estimates (one-at-a-time swings); the inputs that move it most come first.");
            page.ChartsOf(NegotiationCharts.Tornadoes(scenario, sensitivity));
        }
    }

    /// <summary>Every model scored against the outcomes the scenario records, with the outcomes' evidence (docs/track-record.md).</summary>
    private static void TrackRecordSection(HtmlPage page, ScenarioScoreCard record)
    {
        var scenario = record.Scenario;
        var asOf = scenario.Date is null ? string.Empty : $" made as of {scenario.Date}";
        var horizon = scenario.Horizon is null ? string.Empty : $", judged at {scenario.Horizon}";
        var draws = record.Models.IsEmpty ? 0 : record.Models[0].Draws;
        var how = draws > 0
            ? string.Create(Invariant, $"Each model's Monte Carlo distribution ({Counted.Of(draws, "draw")}) is scored by the continuous ranked probability score (CRPS; Gneiting & Raftery 2007), in points of the scale, lower is better, and by whether the outcome fell inside its 50, 80 and 90 % intervals; the point forecast by its absolute error.")
            : "Point forecasts are scored by their absolute error (run the report with --draws for the CRPS and interval coverage of each model's distribution).";
        page.Section("track-record", "Track record",
            $"The forecasts{asOf}{horizon}, against what happened. {how} One scenario is one case: it adds to a record and tells little on its own about which model is better.");
        if (scenario.Question is { } question)
        {
            page.Paragraph("Question: " + question);
        }

        var width = TrackRecordCharts.SummaryScaleWidth(record);
        page.Table(["Model", "Issues scored", "Mean absolute error", "Mean CRPS", "Inside 50 %", "Inside 80 %", "Inside 90 %"],
            record.Models.Select(m => (IReadOnlyList<string>)
            [
                m.ModelId,
                m.Summary.Count.ToString(Invariant),
                double.IsFinite(m.Summary.MeanAbsoluteError) ? ScaleNumber.Fixed(m.Summary.MeanAbsoluteError, width) : "-",
                m.Summary.MeanCrps is { } crps ? ScaleNumber.Fixed(crps, width) : "-",
                .. CentralInterval.StandardLevels.Select(level => m.Summary.Coverage.FirstOrDefault(c => Math.Abs(c.Level - level) < 1e-9) is { Count: > 0 } c
                    ? string.Create(Invariant, $"{c.Inside} of {c.Count}")
                    : "-"),
            ]), new HashSet<int> { 1, 2, 3, 4, 5, 6 });
        page.ChartsOf(TrackRecordCharts.Outcomes(record));

        page.Heading("What happened, and the evidence");
        var html = new StringBuilder("<ul class=\"evidence\">");
        foreach (var issue in scenario.Issues.Where(i => i.Outcome is not null || i.OutcomeObservation is not null))
        {
            html.Append("<li><strong>").Append(HtmlPage.Escape(issue.Name)).Append("</strong>: ");
            html.Append(HtmlPage.Escape(issue.Outcome is { } value
                ? $"outcome {ScaleNumber.Format(value, issue.ScaleWidth)}{(issue.NearestAnchor(value) is { } anchor ? $" (nearest label: \u201c{anchor.Label}\u201d)" : string.Empty)}"
                : "no outcome recorded"));
            if (issue.OutcomeObservation is { } observation)
            {
                if (observation.Date is { } date)
                {
                    html.Append(HtmlPage.Escape($", observed {date}"));
                }

                html.Append('.');
                if (observation.Note is { } note)
                {
                    html.Append(' ').Append(HtmlPage.Escape(note));
                }

                html.Append(EvidenceList(scenario, observation.Evidence));
            }

            html.Append("</li>");
        }

        page.Raw(html.Append("</ul>\n").ToString());
        foreach (var note in record.Origin.Notes)
        {
            page.Paragraph("Note: " + note);
        }
    }

    private static void StagesSection(HtmlPage page, NegotiationReportInput input)
    {
        var scenario = input.Scenario;
        page.Section("stages", "Stages",
            "The negotiation run stage by stage: each stage's outcome becomes the next stage's status quo, and actors who join later start from their own stances (docs/stages.md).");
        var first = input.Staged[0];
        page.Table(["#", "Stage", "Participants", "Issues on the table", "What happens"],
            first.Stages.Select((s, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(Invariant), s.Stage.Name,
                string.Join(", ", s.Participants.Select(p => NegotiationCharts.ActorName(scenario, p))),
                string.Join(", ", s.IssuesOnTable.Select(id => NegotiationCharts.IssueName(scenario, id))),
                s.Stage.Description ?? string.Empty,
            ]), new HashSet<int> { 0 });
        foreach (var staged in input.Staged)
        {
            page.Chart(NegotiationCharts.Stages(scenario, staged));
        }
    }

    private const string ToDecide = "to decide";

    private static string Candidates(int count) => count switch
    {
        0 => string.Empty,
        1 => " (1 candidate passage under Evidence in context)",
        _ => string.Create(Invariant, $" ({count} candidate passages under Evidence in context)"),
    };

    /// <summary>
    /// Every stance's candidate evidence in its source, grouped by actor and issue and ranked as the
    /// drafter ranked them: the sentence around each quote with the quoted words marked, its kind,
    /// score, source and character offsets, so the analyst can judge each passage where it stands.
    /// </summary>
    private static void EvidenceSection(HtmlPage page, NegotiationReportInput input)
    {
        var scenario = input.Scenario;
        var texts = input.SourceTexts.ToDictionary(t => t.SourceId, StringComparer.Ordinal);

        // An accepted quote is shown in context where its source's text is at hand (at its first occurrence), before the candidates.
        IEnumerable<Passage> Accepted(ImmutableArray<Evidence> evidence) =>
            evidence.Where(e => e.Kind == EvidenceKind.Quote && e.SourceId is not null)
                .Select(e => (Evidence: e, At: texts.TryGetValue(e.SourceId!, out var t) && t.Text is { } whole ? whole.IndexOf(e.Text, StringComparison.Ordinal) : -1))
                .Where(e => e.At >= 0)
                .Select(e => new Passage(e.Evidence.Text, e.Evidence.SourceId!, e.At, e.At + e.Evidence.Text.Length, "accepted quote", null));
        static IEnumerable<Passage> Proposed(ImmutableArray<CandidateEvidence> candidates) =>
            candidates.Select(c => new Passage(c.Quote, c.SourceId, c.Start, c.End, KindName(c.Kind), c.Score));
        var stances = scenario.DraftStances.Select(s => (s.ActorId, s.IssueId, Decided: Decided(scenario, s.Position, s.Salience, s.IssueId), Passages: Accepted(s.Evidence).Concat(Proposed(s.Candidates)).ToList()))
            .Concat(scenario.Stances.Select(s => (s.ActorId, s.IssueId, Decided: Decided(scenario, s.Position, s.Salience, s.IssueId), Passages: Accepted(s.Evidence).Concat(Proposed(s.Candidates)).ToList())))
            .Where(s => s.Passages.Count > 0)
            .ToList();
        if (stances.Count == 0)
        {
            return;
        }

        page.Section("evidence", "Evidence in context",
            "The passages of the sources behind each actor's stance on each issue: accepted quotes first, then the candidates a drafting tool proposed, best first. Each stands in its sentence with the quoted words marked, so the analyst can judge it before deciding positions and saliences. Offsets count characters of the source's extracted text.");
        foreach (var problem in input.SourceTexts.Where(t => t.Problem is not null))
        {
            page.Paragraph($"Source {problem.SourceId}: {problem.Problem}; its passages are shown without their context.", "meta");
        }

        foreach (var actor in scenario.Actors)
        {
            var own = stances.Where(s => s.ActorId == actor.Id)
                .OrderBy(s => scenario.Issues.IndexOf(scenario.FindIssue(s.IssueId)!))
                .ToList();
            if (own.Count == 0)
            {
                continue;
            }

            page.Heading(actor.Name, $"evidence-{NegotiationCharts.Slug(actor.Id)}");
            foreach (var stance in own)
            {
                var html = new StringBuilder();
                html.Append("<div class=\"evidence\" data-actor=\"").Append(HtmlPage.Escape(stance.ActorId)).Append("\" data-issue=\"").Append(HtmlPage.Escape(stance.IssueId)).Append("\">\n<h4>")
                    .Append(HtmlPage.Escape($"{actor.Name} on {NegotiationCharts.IssueName(scenario, stance.IssueId)}")).Append("</h4>\n<p class=\"meta\">")
                    .Append(HtmlPage.Escape(stance.Decided)).Append("</p>\n<ol class=\"passages\">\n");
                foreach (var passage in stance.Passages)
                {
                    WritePassage(html, scenario, texts, passage);
                }

                page.Raw(html.Append("</ol>\n</div>\n").ToString());
            }
        }
    }

    private static string KindName(CandidateKind kind) => kind switch
    {
        CandidateKind.DirectQuote => "direct quote",
        CandidateKind.ReportedSpeech => "reported speech",
        CandidateKind.Description => "description",
        _ => "mention",
    };

    private static string Decided(Scenario scenario, double? position, double? salience, string issueId)
    {
        var width = scenario.FindIssue(issueId)?.ScaleWidth ?? 100;
        return $"position {(position is { } p ? ScaleNumber.Format(p, width) : ToDecide)}, salience {(salience is { } s ? ScaleNumber.Format(s, 1) : ToDecide)}";
    }

    private static void WritePassage(StringBuilder html, Scenario scenario, Dictionary<string, SourceText> texts, Passage passage)
    {
        var source = scenario.Sources.FirstOrDefault(s => s.Id == passage.SourceId);
        var context = texts.TryGetValue(passage.SourceId, out var text) && text.Text is { } whole
            ? EvidenceContext.Of(whole, passage.Start, passage.End, passage.Quote)
            : null;
        html.Append("<li><blockquote class=\"context\">");
        if (context is null)
        {
            html.Append("<mark>").Append(HtmlPage.Escape(passage.Quote)).Append("</mark>");
        }
        else
        {
            html.Append(HtmlPage.Escape(context.Before)).Append("<mark>").Append(HtmlPage.Escape(context.Quote)).Append("</mark>").Append(HtmlPage.Escape(context.After));
        }

        var score = passage.Score is { } value ? string.Create(Invariant, $"score {value:0.000} · ") : string.Empty;
        var missing = text is null ? "; the source is not listed in the scenario" : context is null && text.Text is not null ? "; the source's text there differs from the quote" : string.Empty;
        html.Append("</blockquote>\n<p class=\"meta\"><span class=\"kind\">").Append(HtmlPage.Escape(passage.Kind)).Append("</span>")
            .Append(HtmlPage.Escape(string.Create(Invariant, $"{score}{source?.Title ?? passage.SourceId} ({passage.SourceId}), characters {passage.Start}-{passage.End}{missing}")))
            .Append("</p></li>\n");
    }

    /// <summary>A passage of a source cited for a stance: an accepted quote or a candidate.</summary>
    private sealed record Passage(string Quote, string SourceId, int Start, int End, string Kind, double? Score);

    /// <summary>A draft runs no model: in place of the forecast, what the analyst must still decide.</summary>
    private static void AwaitingJudgements(HtmlPage page, NegotiationReportInput input)
    {
        page.Section("forecast", "The forecast awaits the analyst's judgements",
            string.Create(Invariant, $"This scenario is a draft: {Counted.Of(input.OpenJudgements.Length, "judgement")} {(input.OpenJudgements.Length == 1 ? "is" : "are")} still open. No model runs until every position, salience and capability below is decided in the file (parley validate lists them; parley forecast and this report's forecast sections follow once they are)."));
        page.Raw("<ol class=\"open-judgements\">\n" + string.Concat(input.OpenJudgements.Select(j => $"<li>{HtmlPage.Escape(j)}</li>\n")) + "</ol>\n");
    }

    private static string Evidence(Scenario scenario, ImmutableArray<Evidence> evidence) =>
        string.Join(" | ", evidence.Select(e =>
        {
            var kind = e.Kind switch
            {
                EvidenceKind.Quote => "quote",
                EvidenceKind.Paraphrase => "paraphrase",
                _ => "analyst judgement",
            };
            var source = e.SourceId is null ? string.Empty : " (" + (scenario.Sources.FirstOrDefault(s => s.Id == e.SourceId)?.Title ?? e.SourceId) + ")";
            return e.Kind == EvidenceKind.Quote ? $"{kind}: \u201c{e.Text}\u201d{source}" : $"{kind}: {e.Text}{source}";
        }));

    /// <summary>Evidence as an escaped HTML list, each quote or paraphrase with its source's title, publisher, date and link.</summary>
    private static string EvidenceList(Scenario scenario, ImmutableArray<Evidence> evidence)
    {
        if (evidence.IsEmpty)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<ul>");
        foreach (var item in evidence)
        {
            html.Append("<li>").Append(HtmlPage.Escape(item.Kind switch
            {
                EvidenceKind.Quote => $"\u201c{item.Text}\u201d",
                EvidenceKind.Paraphrase => $"paraphrase: {item.Text}",
                _ => $"analyst judgement: {item.Text}",
            }));
            if (item.SourceId is { } id && scenario.Sources.FirstOrDefault(s => s.Id == id) is { } source)
            {
                var cited = string.Join(", ", new[] { source.Title, source.Publisher, source.Date }.Where(part => !string.IsNullOrWhiteSpace(part)));
                html.Append(" &mdash; ");
                html.Append(source.Url is { } url && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
                    ? $"<a href=\"{HtmlPage.Escape(url)}\">{HtmlPage.Escape(cited)}</a>"
                    : HtmlPage.Escape(cited));
            }

            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static string Range(Core.Domain.ValueRange? range, double width) =>
        range is null ? string.Empty : $" ({ScaleNumber.Format(range.Low, width)}-{ScaleNumber.Format(range.High, width)})";

    private static string CapabilityRange(Core.Domain.ValueRange? range) =>
        range is null ? string.Empty : $" ({ScaleNumber.Capability(range.Low)}-{ScaleNumber.Capability(range.High)})";

    private static string Move(Scenario scenario, string issueId, double from, double to)
    {
        var width = scenario.FindIssue(issueId)?.ScaleWidth ?? 100;
        return $"{ScaleNumber.Format(from, width)} → {ScaleNumber.Format(to, width)}";
    }

    private static string Version() =>
        typeof(NegotiationReport).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "dev";
}
