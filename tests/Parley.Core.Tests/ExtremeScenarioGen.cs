using CsCheck;
using Parley.Core.Domain;
using Parley.Formats;

namespace Parley.Core.Tests;

/// <summary>
/// CsCheck generators of small scenarios with extreme but valid numbers: capabilities from 0 to
/// 10³⁰⁸, scales of any width (10⁻³⁰⁰ to 10³⁰⁸) and offset, salience 0, all-zero weights, one
/// actor, tied positions, actors without a stance on some issues.
/// </summary>
internal static class ExtremeScenarioGen
{
    private static readonly Gen<double> Capability = Gen.OneOf(
        Gen.Const(0.0),
        Gen.Const(1e308),
        Gen.Const(double.MaxValue),
        Gen.Const(1e300),
        Gen.Const(1e-300),
        Gen.Double[0, 100],
        Gen.Double[0, 1e300]);

    private static readonly Gen<double> Salience = Gen.OneOf(Gen.Const(0.0), Gen.Const(1.0), Gen.Double[0, 1]);

    private static readonly Gen<(double Min, double Max)> Scale =
        from offset in Gen.OneOf(Gen.Const(0.0), Gen.Const(-1e308), Gen.Const(1e300), Gen.Const(-5.0), Gen.Double[-1e307, 1e307], Gen.Const(1e-300))
        from width in Gen.OneOf(Gen.Const(1e-300), Gen.Const(1.0), Gen.Const(100.0), Gen.Const(1e300), Gen.Const(1.7e308), Gen.Double[0, 1e308])
        select (offset, offset + width);

    /// <summary>A fraction of the scale: often an end, the middle or a shared point, so that ties occur.</summary>
    private static readonly Gen<double> Fraction = Gen.OneOf(Gen.Const(0.0), Gen.Const(1.0), Gen.Const(0.5), Gen.Double[0, 1]);

    private static readonly Gen<Issue[]> Issues =
        from count in Gen.Int[1, 3]
        from scales in Scale.Array[count]
        from statusQuos in Gen.OneOf(Gen.Const(-1.0), Fraction).Array[count]
        select scales.Select((s, k) => new Issue
        {
            Id = $"i{k}",
            Name = $"Issue {k}",
            ScaleMin = s.Min,
            ScaleMax = s.Max,
            StatusQuo = statusQuos[k] < 0 ? null : At(s.Min, s.Max, statusQuos[k]),
        }).ToArray();

    /// <summary>Scenarios of 1–5 actors on 1–3 issues; some may be invalid (a scale whose width overflows), which the checker rejects.</summary>
    public static Gen<Scenario> Scenarios { get; } =
        from issues in Issues
        from actorCount in Gen.Int[1, 5]
        from capabilities in Capability.Array[actorCount]
        from fractions in Fraction.Array[actorCount * issues.Length]
        from saliences in Salience.Array[actorCount * issues.Length]
        from present in Gen.Int[0, 5].Array[actorCount * issues.Length]
        select Build(issues, capabilities, fractions, saliences, present);

    private static double At(double min, double max, double fraction) =>
        Math.Clamp(fraction <= 0 ? min : fraction >= 1 ? max : min + (fraction * (max - min)), min, max);

    private static Scenario Build(Issue[] issues, double[] capabilities, double[] fractions, double[] saliences, int[] present)
    {
        var actors = capabilities.Select((c, i) => new Actor { Id = $"a{i}", Name = $"Actor {i}", Capability = c }).ToArray();
        var stances = new List<Stance>();
        for (var i = 0; i < actors.Length; i++)
        {
            for (var k = 0; k < issues.Length; k++)
            {
                var at = (i * issues.Length) + k;

                // One stance in six is missing, except the first actor's (so every issue has one) and
                // every actor's first (validation requires each actor to take a stance).
                if (present[at] == 0 && i > 0 && k > 0)
                {
                    continue;
                }

                stances.Add(new Stance
                {
                    ActorId = actors[i].Id,
                    IssueId = issues[k].Id,
                    Position = At(issues[k].ScaleMin, issues[k].ScaleMax, fractions[at]),
                    Salience = saliences[at],
                });
            }
        }

        return new Scenario { Id = "extreme", Title = "Extreme", Actors = [.. actors], Issues = [.. issues], Stances = [.. stances] };
    }

    /// <summary>The scenario's numbers as text, for failure messages.</summary>
    public static string Describe(Scenario scenario)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return string.Join("; ", scenario.Issues.Select(i => string.Create(c, $"{i.Id} [{i.ScaleMin:R}, {i.ScaleMax:R}] sq {i.StatusQuo:R}")))
            + " | " + string.Join("; ", scenario.Actors.Select(a => string.Create(c, $"{a.Id} c={a.Capability:R}")))
            + " | " + string.Join("; ", scenario.Stances.Select(s => string.Create(c, $"{s.ActorId}/{s.IssueId} x={s.Position:R} s={s.Salience:R}")));
    }

    /// <summary>Whether the scenario passes the validation every reader applies.</summary>
    public static bool IsValid(Scenario scenario) => ScenarioChecker.Check(scenario, new SourceMap(), "generated").Count == 0;

    /// <summary>Valid extreme scenarios only.</summary>
    public static Gen<Scenario> Valid { get; } = Scenarios.Where(IsValid);
}
