using System.Collections.Immutable;
using System.Globalization;

namespace Parley.ExchangeDiff;

/// <summary>
/// One issue after one round: Parley's voting outcome against the range of the reference's
/// outcomes over its tie seeds, widened by one point of the 0–100 scale (1 % of the issue's width).
/// </summary>
/// <remarks>
/// <c>Leaked</c>: left out by rule <c>decimal-leak</c>, because some reference run had made a
/// <c>short</c> boundary cut (its <c>Decimal</c> rounding decided it) in this round or an earlier one.
/// </remarks>
internal sealed record IssueRound(string Issue, int Round, ulong ParleySeed, double Parley, double Low, double High, double Width, bool Leaked = false)
{
    /// <summary>The widening: one point on the 0–100 scale the model works on.</summary>
    public double Margin => Width / 100;

    /// <summary>Whether Parley's outcome lies in the widened range (with 1e-9 for printing rounding).</summary>
    public bool Inside => Parley >= Low - Margin - 1e-9 && Parley <= High + Margin + 1e-9;

    /// <summary>How far outside the widened range Parley's outcome is, in points of the 0–100 scale (0 inside).</summary>
    public double Miss => Inside ? 0 : Math.Max(Low - Margin - Parley, Parley - High - Margin) * 100 / Width;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Issue} round {Round}: Parley {Parley:0.###} (seed {ParleySeed}), reference {Low:0.###}-{High:0.###} (+/- {Margin:0.###})");
}

/// <summary>The comparison of one scenario at one REX value.</summary>
internal sealed record CaseResult(
    GeneratedScenario Scenario,
    string P,
    ImmutableArray<ReferenceRun> Reference,
    ImmutableArray<IssueRound> IssueRounds,
    (int Low, int High) ReferenceCount,
    ImmutableArray<int> ParleyCounts,
    ExclusionRule? Excluded,
    string? ExclusionDetail,
    int UnweighedIssues = 0,
    int? LeakRound = null)
{
    /// <summary>The issue-rounds compared: those no rule leaves out (<see cref="IssueRound.Leaked"/>).</summary>
    public IEnumerable<IssueRound> Compared => IssueRounds.Where(r => !r.Leaked);

    /// <summary>The issue-rounds left out by rule <c>decimal-leak</c>.</summary>
    public IEnumerable<IssueRound> Leaked => IssueRounds.Where(r => r.Leaked);

    /// <summary>Whether the round-1 exchange count is left out by rule <c>decimal-leak</c> (a <c>short</c> cut in round 1).</summary>
    public bool CountLeaked => LeakRound == 1;

    /// <summary>
    /// Whether the reference's tie seeds gave different results: its unseeded-upstream coin broke
    /// exact ties differently, so its runs are samples of a random process (and Parley's
    /// deterministic tie order is one more path through it).
    /// </summary>
    public bool TieDivergent => Reference.Length > 1 && Reference.Any(r =>
        !r.ExchangesPerRound.SequenceEqual(Reference[0].ExchangesPerRound)
        || r.Voting.Zip(Reference[0].Voting).Any(pair => pair.First.Any(v => Math.Abs(v.Value - pair.Second[v.Key]) > 1e-9)));

    /// <summary>Whether Parley's round-1 exchange counts all lie in the reference's range.</summary>
    public bool CountInside => ParleyCounts.All(c => c >= ReferenceCount.Low && c <= ReferenceCount.High);

    /// <summary>Whether the case is compared (no exclusion rule applies) and something lies outside.</summary>
    public bool Failed => Excluded is null && ((!CountLeaked && !CountInside) || Compared.Any(r => !r.Inside));

    /// <summary>
    /// The reference against itself: each of its runs' issue-rounds against the range of its other
    /// runs, widened the same way. Where ties or REX make the reference a random process, this is
    /// about how often one more run of it would lie inside (against one run fewer than Parley is).
    /// </summary>
    public (int Inside, int Total) ReferenceLeaveOneOut()
    {
        var inside = 0;
        var total = 0;
        foreach (var round in Compared.DistinctBy(r => (r.Issue, r.Round)))
        {
            var values = Reference.Select(r => r.Voting[round.Round - 1][round.Issue]).ToList();
            for (var k = 0; k < values.Count; k++)
            {
                var others = values.Where((_, i) => i != k).ToList();
                total++;
                inside += new IssueRound(round.Issue, round.Round, 0, values[k], others.Min(), others.Max(), round.Width).Inside ? 1 : 0;
            }
        }

        return (inside, total);
    }

    /// <summary>What lies outside, one line each.</summary>
    public IEnumerable<string> Misses()
    {
        if (!CountLeaked && !CountInside)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"round-1 exchanges: Parley {string.Join(",", ParleyCounts)}, reference {ReferenceCount.Low}-{ReferenceCount.High}");
        }

        foreach (var round in Compared.Where(r => !r.Inside))
        {
            yield return round.ToString();
        }
    }
}

/// <summary>
/// A documented reason to leave a case out of the comparison: a behaviour of the reference that
/// Parley deliberately does not reproduce (docs/models/exchange.md, "Differential test").
/// Rules decide from the scenario and the reference's runs, never from a list of cases.
/// </summary>
internal sealed record ExclusionRule(string Name, string Description, Func<GeneratedScenario, ImmutableArray<ReferenceRun>, string?> Applies)
{
    /// <summary>The reference stopped with an error for some tie seed (a salience of 0, or a supplier's power of 0, in a candidate pair divides by zero in its Decimal arithmetic).</summary>
    public static ExclusionRule ReferenceCrash { get; } = new(
        "reference-crash",
        "the reference stops with an error (Decimal division by zero when an actor with salience 0, or power 0 on the issue it would supply, forms a candidate pair); Parley leaves actors of salience 0 out of the candidates and finds no gain for a supplier of power 0",
        (_, runs) => runs.FirstOrDefault(r => r.Crashed)?.Error);

    /// <summary>Every rule, in the order they are tried.</summary>
    public static ImmutableArray<ExclusionRule> All { get; } = [ReferenceCrash];
}

/// <summary>Runs one scenario through the reference (several tie seeds) and Parley, and compares them.</summary>
/// <param name="reference">Runs the reference (or reads its cached runs).</param>
/// <param name="directory">Where the scenario files and the reference's outputs go.</param>
/// <param name="rounds">Rounds per run; round 1 and this last one are compared.</param>
/// <param name="parleyTies">Parley's tie rule (<c>ties</c>): <c>order</c>, run once at p = 0, or <c>coin</c>, run with each of <see cref="RexSeeds"/>.</param>
internal sealed class Differential(ReferenceRunner reference, string directory, int rounds = 10, string parleyTies = "order")
{
    /// <summary>The reference's tie seeds.</summary>
    public static ImmutableArray<int> ReferenceSeeds { get; } = [1, 2, 3, 4, 5];

    /// <summary>Parley's seeds when p &gt; 0 or ties are broken by the coin (else Parley is deterministic and runs once).</summary>
    public static ImmutableArray<ulong> RexSeeds { get; } = [1, 2, 3, 4, 5];

    public int Rounds => rounds;

    /// <summary>Runs the reference (or reads its cached runs) and Parley on <paramref name="scenario"/>; <c>null</c> when the runner only reads the cache and a run is missing.</summary>
    public async Task<CaseResult?> CompareAsync(GeneratedScenario scenario, string p, CancellationToken cancellationToken) =>
        await CompareAsync(scenario, p, ReferenceSeeds, cancellationToken);

    /// <summary>As <see cref="CompareAsync(GeneratedScenario, string, CancellationToken)"/> with the reference's tie seeds <paramref name="seeds"/>.</summary>
    public async Task<CaseResult?> CompareAsync(GeneratedScenario scenario, string p, IEnumerable<int> seeds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, scenario.Name + ".txt");
        var text = scenario.ToDecide();
        if (!File.Exists(file) || await File.ReadAllTextAsync(file, cancellationToken) != text)
        {
            await File.WriteAllTextAsync(file, text, cancellationToken);
            foreach (var stale in Directory.EnumerateFiles(directory, scenario.Name + ".p*"))
            {
                File.Delete(stale);
            }
        }

        var runs = ImmutableArray.CreateBuilder<ReferenceRun>();
        foreach (var seed in seeds)
        {
            if (await reference.RunAsync(file, p, seed, rounds, cancellationToken) is not { } run)
            {
                return null;
            }

            runs.Add(run);
        }

        return Compare(scenario, p, runs.ToImmutable());
    }

    /// <summary>
    /// Rule <c>decimal-boundary</c>: whether a failing case at p = 0 lies inside when Parley reads
    /// an outcome that a demander has seen sitting on it as the reference's Decimal does when its
    /// rounding leaves it 1e-26 short (<c>boundary=short</c>: the next move towards the demander
    /// cut to nothing), instead of as reached (the reference's rule in exact arithmetic, Parley's).
    /// </summary>
    public bool ExplainedByDecimalBoundary(CaseResult failing) =>
        failing is { Failed: true, P: "0" } && !Compare(failing.Scenario, failing.P, failing.Reference, boundary: "short").Failed;

    /// <summary>Compares Parley with the reference's <paramref name="runs"/> of <paramref name="scenario"/>.</summary>
    public CaseResult Compare(GeneratedScenario scenario, string p, ImmutableArray<ReferenceRun> runs, string boundary = "reached")
    {
        foreach (var rule in ExclusionRule.All)
        {
            if (rule.Applies(scenario, runs) is { } detail)
            {
                return new CaseResult(scenario, p, runs, [], (0, 0), [], rule, detail);
            }
        }

        var rexP = double.Parse(p, CultureInfo.InvariantCulture);
        var parley = (rexP > 0 || parleyTies == "coin" ? RexSeeds : [0UL]).Select(seed => ParleyRun.Run(scenario.ToDecide(), scenario.Name, rexP, seed, rounds, parleyTies, boundary)).ToList();
        // Rule issue-nobody-weighs: where every stance has salience (or power) 0, the reference's
        // outcome is 0, its weighted mean for a zero denominator (the scale's lower end), and
        // Parley's the plain mean of the positions; such issues are left out of the comparison.
        var unweighed = scenario.Issues
            .Where(i => scenario.Stances.Where(x => x.Issue == i.Id).All(x => x.Salience * x.Power == 0))
            .Select(i => i.Id)
            .ToHashSet(StringComparer.Ordinal);
        // Rule decimal-leak: from the first round in which any reference run made a `short` boundary
        // cut (its Decimal rounding, not its rule, decided it), the reference's path is no longer
        // its rule's in exact arithmetic; those issue-rounds are counted apart, not compared.
        var leakRound = runs.Select(r => r.FirstShortRound).Where(r => r is not null).Min();
        var issueRounds = ImmutableArray.CreateBuilder<IssueRound>();
        foreach (var issue in scenario.Issues.Where(i => !unweighed.Contains(i.Id)))
        {
            foreach (var round in new[] { 1, rounds })
            {
                var values = runs.Select(r => r.Voting[round - 1][issue.Id]).ToList();
                foreach (var run in parley)
                {
                    var value = (round == 1 ? run.RoundOne : run.Last)[issue.Id];
                    issueRounds.Add(new IssueRound(issue.Id, round, run.Seed, value, values.Min(), values.Max(), issue.Max - issue.Min, round >= leakRound));
                }
            }
        }

        var counts = runs.Select(r => r.ExchangesPerRound[0]).ToList();
        return new CaseResult(scenario, p, runs, issueRounds.ToImmutable(), (counts.Min(), counts.Max()), [.. parley.Select(r => r.RoundOneExchanges)], null, null, unweighed.Count, leakRound);
    }
}
