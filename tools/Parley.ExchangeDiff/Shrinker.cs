using System.Globalization;

namespace Parley.ExchangeDiff;

/// <summary>
/// Shrinks a failing case: drops issues, then actors, then single stances, one at a time, keeping
/// each removal after which Parley still falls outside the reference's range, until no removal
/// keeps it failing or the budget of comparisons is spent.
/// </summary>
internal static class Shrinker
{
    public static async Task<CaseResult> ShrinkAsync(CaseResult failing, Differential differential, int budget, CancellationToken cancellationToken)
    {
        var current = failing;
        var tries = 0;
        var progress = true;
        while (progress && tries < budget)
        {
            progress = false;
            var scenario = current.Scenario;
            var smaller = scenario.Issues.Select(i => scenario.WithoutIssue(i.Id))
                .Concat(scenario.Actors.Select(scenario.WithoutActor))
                .Concat(scenario.Stances.Select(s => scenario.WithoutStance(s.Actor, s.Issue)));
            foreach (var candidate in smaller)
            {
                if (candidate is null)
                {
                    continue;
                }

                if (tries++ >= budget)
                {
                    break;
                }

                var name = string.Create(CultureInfo.InvariantCulture, $"{BaseName(failing.Scenario.Name)}-k{tries}");
                var result = await differential.CompareAsync(candidate with { Name = name }, current.P, cancellationToken);
                if (result is { Failed: true })
                {
                    current = result;
                    progress = true;
                    break;
                }
            }
        }

        return current;
    }

    private static string BaseName(string name) => name.Split("-k")[0];
}
