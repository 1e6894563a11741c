using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// An engine takes the buffers the last run on its thread left behind; a run must not depend on
/// what ran before it on that thread (larger or smaller, REX, tie coin, traced, cancelled).
/// </summary>
public sealed class ExchangeBufferReuseTests
{
    [Fact]
    public void RunsOneAfterAnotherOnAThread_EqualRunsEachOnAFreshThread_BitForBit()
    {
        var cases = new (Scenario Scenario, ModelOptions Options)[]
        {
            (SmpSyntheticScenario.Create(30, 6, 1), new ModelOptions { Lean = true }),
            (SmpSyntheticScenario.Create(6, 3, 2), new ModelOptions { Lean = true }),
            (SmpSyntheticScenario.Create(15, 4, 3), ModelOptions.Default.WithParameter("rex-p", "0.5") with { Seed = 3 }),
            (SmpSyntheticScenario.Create(15, 4, 3), new ModelOptions { Lean = true }),
            (SmpSyntheticScenario.Create(12, 5, 4), ModelOptions.Default.WithParameter("ties", "coin") with { Seed = 9, Trace = true }),
            (SmpSyntheticScenario.Create(40, 5, 5), new ModelOptions { Rounds = 3 }),
            (SmpSyntheticScenario.Create(9, 4, 6), new ModelOptions { Lean = true }),
        };

        var fresh = cases.Select(c => OnFreshThread(() => Signature(new ExchangeModel().Run(c.Scenario, c.Options)))).ToArray();

        var reused = OnFreshThread(() =>
        {
            var model = new ExchangeModel();
            var signatures = new List<string>();
            var step = 0;
            foreach (var (scenario, options) in cases.Concat(cases.Reverse()))
            {
                if (step++ == 4)
                {
                    // A cancelled run takes the buffers and does not give them back.
                    using var cancelled = new CancellationTokenSource();
                    cancelled.Cancel();
                    Assert.ThrowsAny<OperationCanceledException>(() => model.Run(scenario, options, cancelled.Token));
                }

                signatures.Add(Signature(model.Run(scenario, options)));
            }

            return signatures;
        });

        Assert.Equal(fresh.Concat(fresh.Reverse()), reused);
    }

    private static T OnFreshThread<T>(Func<T> run)
    {
        T result = default!;
        var thread = new Thread(() => result = run());
        thread.Start();
        thread.Join();
        return result;
    }

    private static string Signature(ModelResult result) =>
        string.Join(
            ";",
            result.Issues.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.IssueId}:{BitConverter.DoubleToInt64Bits(f.Forecast)}:{string.Join(",", f.Positions.Select(p => BitConverter.DoubleToInt64Bits(p.Position)))}"))
                .Append(string.Create(CultureInfo.InvariantCulture, $"rounds {result.RoundsRun} {result.Converged}"))
                .Concat(result.Rounds.OfType<ExchangeRoundTrace>().SelectMany(r => r.Exchanges.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.FirstActor}/{e.SecondActor}:{BitConverter.DoubleToInt64Bits(e.FirstTo)}:{BitConverter.DoubleToInt64Bits(e.SecondTo)}")))));
}
