using System.Globalization;
using System.Text;

namespace Parley.ExchangeDiff;

/// <summary>The campaign's figures, as Markdown: what was compared, the share inside, every exclusion with its rule, every failure.</summary>
internal static class Report
{
    public static string Summary(CampaignOptions options, IReadOnlyList<CaseResult> results, IReadOnlyList<CaseResult> shrunk, IReadOnlyList<(CaseResult Five, CaseResult More)> widened, TimeSpan elapsed, int notCompared, IReadOnlySet<CaseResult> boundaryExplained)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Exchange model: Parley against the Decide reference");
        Line($"");
        Line($"Campaign seed {options.Seed}, scenarios {options.First}-{options.First + options.Count - 1}, {Differential.ReferenceSeeds.Length} reference tie seeds, wall time {elapsed:hh\\:mm\\:ss}.");
        if (notCompared > 0)
        {
            Line($"Not compared: {notCompared} scenario-p cases (a reference run timed out{(options.CachedOnly ? ", or is not in the cache" : string.Empty)}).");
        }

        var scenarios = results.Select(r => r.Scenario).DistinctBy(s => s.Name).ToList();
        if (scenarios.Count > 0)
        {
            Line($"Scenarios: {scenarios.Count}; actors {scenarios.Min(s => s.Actors.Length)}-{scenarios.Max(s => s.Actors.Length)} (mean {scenarios.Average(s => s.Actors.Length):0.0}), issues {scenarios.Min(s => s.Issues.Length)}-{scenarios.Max(s => s.Issues.Length)} (mean {scenarios.Average(s => s.Issues.Length):0.0}); {scenarios.Count(s => s.Stances.Any(x => x.Salience == 0))} with a salience of 0, {scenarios.Count(s => s.Stances.Length < s.Actors.Length * s.Issues.Length)} with actors missing from issues.");
        }

        foreach (var group in results.GroupBy(r => r.P).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var compared = group.Where(r => r.Excluded is null).ToList();
            var rounds = compared.SelectMany(r => r.Compared).ToList();
            var inside = rounds.Count(r => r.Inside);
            var countable = compared.Where(r => !r.CountLeaked).ToList();
            var counts = countable.Count(r => r.CountInside);
            var leaked = compared.SelectMany(r => r.Leaked).ToList();
            Line($"");
            var seeded = group.Key != "0" || options.ParleyTies == "coin";
            Line($"## p = {group.Key}{(group.Key == "0" ? " (equal gain)" : " (REX)")}, Parley's ties: {options.ParleyTies}{(seeded ? "; Parley's 5 seeds each compared" : string.Empty)}");
            Line($"");
            Line($"| figure | value |");
            Line($"|---|---:|");
            Line($"| scenarios | {group.Count()} |");
            Line($"| compared (no exclusion rule applies) | {compared.Count} |");
            Line($"| issue-rounds compared (issue x round 1 and {group.First().IssueRounds.Select(r => r.Round).DefaultIfEmpty(10).Max()}{(seeded ? " x Parley seed" : string.Empty)}) | {rounds.Count} |");
            Line($"| issue-rounds left out by rule `decimal-leak` (a reference run made a `short` boundary cut in that round or before) | {leaked.Count} in {compared.Count(r => r.LeakRound is not null)} scenarios (round 1: {leaked.Count(r => r.Round == 1)}); Parley inside anyway: {leaked.Count(r => r.Inside)} ({Share(leaked.Count(r => r.Inside), leaked.Count)}) |");
            Line($"| all issue-rounds, none left out by `decimal-leak` | {rounds.Count(r => r.Inside) + leaked.Count(r => r.Inside)} of {rounds.Count + leaked.Count} ({Share(rounds.Count(r => r.Inside) + leaked.Count(r => r.Inside), rounds.Count + leaked.Count)}) |");
            Line($"| inside the reference's range +/- 1 point | {inside} ({Share(inside, rounds.Count)}) |");
            Line($"| round 1 inside | {Share(rounds.Count(r => r.Round == 1 && r.Inside), rounds.Count(r => r.Round == 1))} |");
            Line($"| last round inside | {Share(rounds.Count(r => r.Round != 1 && r.Inside), rounds.Count(r => r.Round != 1))} |");
            Line($"| round-1 exchange count inside the reference's range | {counts} of {countable.Count} ({Share(counts, countable.Count)}; {compared.Count - countable.Count} left out by `decimal-leak`, {compared.Count(r => r.CountLeaked && r.CountInside)} of them inside anyway) |");
            var self = compared.Select(r => r.ReferenceLeaveOneOut()).Aggregate((Inside: 0, Total: 0), (a, b) => (a.Inside + b.Inside, a.Total + b.Total));
            Line($"| the reference against itself: each run's issue-rounds against its other runs' range +/- 1 point | {self.Inside} of {self.Total} ({Share(self.Inside, self.Total)}) |");
            Line($"| largest miss (points of 0-100) | {rounds.Select(r => r.Miss).DefaultIfEmpty(0).Max():0.##} |");
            Line($"| issues left out by rule `issue-nobody-weighs` (every stance with salience or power 0) | {compared.Sum(r => r.UnweighedIssues)} |");
            Line($"| scenarios whose reference runs diverged through ties | {compared.Count(r => r.TieDivergent)} |");
            Line($"| reference CPU (s, all seeds) | {group.SelectMany(r => r.Reference).Sum(r => r.CpuSeconds):0} |");

            // Salience 0 and actors absent from issues: which of them the reference crashed on.
            static bool HasZeroSalience(GeneratedScenario s) => s.Stances.Any(x => x.Salience * x.Power == 0);
            static bool HasAbsentActors(GeneratedScenario s) => s.Stances.Length < s.Actors.Length * s.Issues.Length;
            var crashed = group.Where(r => r.Excluded == ExclusionRule.ReferenceCrash).ToList();
            var zero = group.Where(r => HasZeroSalience(r.Scenario)).ToList();
            var absentOnly = group.Where(r => HasAbsentActors(r.Scenario) && !HasZeroSalience(r.Scenario)).ToList();
            Line($"");
            Line($"Salience (or power) 0 and absent actors: the reference crashed on {crashed.Count} scenarios, {crashed.Count(r => HasZeroSalience(r.Scenario))} of them with a salience or power of 0; of the {zero.Count} scenarios with a salience or power of 0 it crashed on {zero.Count(r => r.Excluded == ExclusionRule.ReferenceCrash)} and ran {zero.Count(r => r.Excluded is null)}; of the {absentOnly.Count} with actors absent from issues and no salience or power of 0 it crashed on {absentOnly.Count(r => r.Excluded == ExclusionRule.ReferenceCrash)}.");

            foreach (var rule in group.Where(r => r.Excluded is not null).GroupBy(r => r.Excluded!.Name))
            {
                Line($"");
                Line($"Excluded by rule `{rule.Key}` ({rule.First().Excluded!.Description}): {rule.Count()} scenarios.");
                foreach (var detail in rule.GroupBy(r => r.ExclusionDetail))
                {
                    Line($"- {detail.Count()} x `{detail.Key}` (e.g. {string.Join(", ", detail.Take(3).Select(r => r.Scenario.Name))})");
                }
            }

            var again = widened.Where(w => w.Five.P == group.Key).ToList();
            if (again.Count > 0)
            {
                var fiveRounds = again.SelectMany(w => w.Five.Compared).Count(r => !r.Inside);
                var moreRounds = again.SelectMany(w => w.More.Compared).Count(r => !r.Inside);
                Line($"");
                Line($"{again.Count} failing scenarios had reference runs that diverged through ties; against {again[0].More.Reference.Length} tie seeds instead of 5, {again.Count(w => !w.More.Failed)} of them lie inside, and their issue-rounds outside go from {fiveRounds} to {moreRounds} (the figures above use the {again[0].More.Reference.Length} seeds for these scenarios).");
                var insideWithFive = inside - again.Sum(w => w.More.Compared.Count(r => r.Inside)) + again.Sum(w => w.Five.Compared.Count(r => r.Inside));
                var roundsWithFive = rounds.Count - again.Sum(w => w.More.Compared.Count()) + again.Sum(w => w.Five.Compared.Count());
                Line($"With 5 seeds for every scenario: {insideWithFive} of {roundsWithFive} issue-rounds inside ({Share(insideWithFive, roundsWithFive)}).");
            }

            var explained = group.Where(boundaryExplained.Contains).ToList();
            if (explained.Count > 0)
            {
                var explainedOutside = explained.Sum(r => r.Compared.Count(x => !x.Inside));
                Line($"");
                Line($"Rule `decimal-boundary` (compared, explained when outside): {explained.Count} failing scenarios lie inside with `boundary=short`, the reference's Decimal reading of an outcome sitting on the demander; {explainedOutside} of their issue-rounds lie outside with Parley's rule. Counting those as explained: {inside + explainedOutside} of {rounds.Count} issue-rounds ({Share(inside + explainedOutside, rounds.Count)}).");
            }

            var leakedOutside = compared.Where(r => r.Leaked.Any(x => !x.Inside)).ToList();
            if (leakedOutside.Count > 0)
            {
                Line($"");
                Line($"Left out by `decimal-leak` and outside ({leakedOutside.Count} scenarios; tools/exchange-diff-boundary.py shows where Parley parts from the reference):");
                foreach (var leak in leakedOutside)
                {
                    Line($"- {leak.Scenario.Name} ({leak.Scenario.Actors.Length} x {leak.Scenario.Issues.Length}, {(leak.TieDivergent ? "reference runs diverged through ties" : "reference runs identical")}, short cut from round {leak.LeakRound}): {string.Join("; ", leak.Leaked.Where(x => !x.Inside).Take(3))}");
                }
            }

            var failed = group.Where(r => r.Failed).ToList();
            if (failed.Count > 0)
            {
                Line($"");
                Line($"Outside the range ({failed.Count} scenarios):");
                foreach (var failure in failed)
                {
                    Line($"- {failure.Scenario.Name} ({failure.Scenario.Actors.Length} x {failure.Scenario.Issues.Length}, {(failure.TieDivergent ? "reference runs diverged through ties" : "reference runs identical")}, {failure.Reference.Length} seeds{(failure.LeakRound is { } leak ? $", decimal-leak from round {leak}" : string.Empty)}{(boundaryExplained.Contains(failure) ? ", explained: decimal-boundary" : string.Empty)}): {string.Join("; ", failure.Misses().Take(4))}");
                }
            }
        }

        if (shrunk.Count > 0)
        {
            Line($"");
            Line($"## Shrunk failing cases (files in failures/)");
            Line($"");
            foreach (var small in shrunk)
            {
                Line($"- {small.Scenario.Name} p={small.P}: {small.Scenario.Actors.Length} actors x {small.Scenario.Issues.Length} issues, {small.Scenario.Stances.Length} stances: {string.Join("; ", small.Misses().Take(3))}");
            }
        }

        return text.ToString();
    }

    public static string Failure(CaseResult original, CaseResult small)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {original.Scenario.Name}, p = {original.P}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generated with {original.Scenario.Actors.Length} actors x {original.Scenario.Issues.Length} issues; shrunk to {small.Scenario.Actors.Length} x {small.Scenario.Issues.Length} ({small.Scenario.Stances.Length} stances, the .txt beside this file).");
        text.AppendLine();
        text.AppendLine("Outside the reference's range, as generated:");
        foreach (var miss in original.Misses())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {miss}");
        }

        text.AppendLine();
        text.AppendLine("Outside the reference's range, shrunk:");
        foreach (var miss in small.Misses())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {miss}");
        }

        return text.ToString();
    }

    private static string Share(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.00} %");
}
