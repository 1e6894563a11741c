using System.Diagnostics;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.WhatIf;

namespace Parley.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- exchange-cpu</c>: lean exchange runs on cop21 as influence makes
/// them (the full scenario, one-stance variants, coalitions with fewer actors), in process CPU
/// time on one thread, best of five batches; and a fingerprint of every result (forecasts, final
/// positions, rounds, convergence, and the traces of full runs) to check that a change keeps the
/// same bits. Prints CPU microseconds per run and allocated bytes per run for each group.
/// </summary>
internal static class ExchangeCpuTimes
{
    public static void Run(string[] args)
    {
        var scenario = ExchangeCases.Reference("decide/cop21.csv");
        var model = new ExchangeModel();
        var lean = new ModelOptions { Rounds = 10, Lean = true };

        if (args is [_, "--profile", var seconds])
        {
            // For a profiler: the one-stance variants, lean, for the given seconds.
            var cases = Variants(scenario).Take(200).ToArray();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < double.Parse(seconds, CultureInfo.InvariantCulture))
            {
                foreach (var c in cases)
                {
                    model.Run(c, lean);
                }
            }

            return;
        }

        var variants = Variants(scenario);
        if (!args.Contains("--time-only"))
        {
            Print(model, variants, lean);
        }

        if (args.Contains("--fingerprint-only"))
        {
            return;
        }

        var oneStance = variants.Skip(1).Where((_, k) => k % 9 == 0).Take(40).ToArray();
        var coalitions = Coalitions(scenario).ToArray();
        var groups = new (string Name, Scenario[] Cases)[]
        {
            ("cop21", [scenario]),
            ("one-stance variants", oneStance),
            ("coalitions", coalitions),
        };
        foreach (var (name, cases) in groups)
        {
            var (cpu, allocated) = Best(() =>
            {
                foreach (var c in cases)
                {
                    model.Run(c, lean);
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {cases.Length,3} runs: {cpu * 1000 / cases.Length,8:F1} us CPU per run, {allocated / cases.Length / 1024.0,8:F1} kB allocated per run"));
        }
    }

    /// <summary>Prints the fingerprint of lean runs of every variant, and of full, REX and tie-coin runs of some.</summary>
    private static void Print(ExchangeModel model, List<Scenario> variants, ModelOptions lean)
    {
        var fingerprint = new Fingerprint();
        foreach (var variant in variants)
        {
            fingerprint.Add(model.Run(variant, lean));
        }

        var full = new ModelOptions { Rounds = 10, Trace = true };
        foreach (var variant in variants.Where((_, k) => k % 17 == 0))
        {
            fingerprint.Add(model.Run(variant, full));
            fingerprint.Add(model.Run(variant, full.WithParameter("rex-p", "0.5") with { Seed = 7 }));
            fingerprint.Add(model.Run(variant, full.WithParameter("ties", "coin") with { Seed = 3 }));
            fingerprint.Add(model.Run(variant, lean.WithParameter("ties", "coin") with { Seed = 3 }));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fingerprint {fingerprint.Value:x16} over {variants.Count} variants ({fingerprint.Count} numbers)"));
    }

    /// <summary>cop21, then each stance with its position moved to a quarter and three quarters of the scale and its salience halved and doubled (capped at 1), as influence's probes are.</summary>
    private static List<Scenario> Variants(Scenario scenario)
    {
        var list = new List<Scenario> { scenario };
        foreach (var stance in scenario.Stances)
        {
            var issue = scenario.Issues.First(i => i.Id == stance.IssueId);
            foreach (var position in new[] { issue.ScaleMin + (0.25 * issue.ScaleWidth), issue.ScaleMin + (0.75 * issue.ScaleWidth) })
            {
                list.Add(ScenarioEdits.WithStance(scenario, stance.ActorId, stance.IssueId, s => s with { Position = position }));
            }

            list.Add(ScenarioEdits.WithStance(scenario, stance.ActorId, stance.IssueId, s => s with { Salience = s.Salience / 2 }));
            list.Add(ScenarioEdits.WithStance(scenario, stance.ActorId, stance.IssueId, s => s with { Salience = Math.Min(1, s.Salience * 2) }));
        }

        list.AddRange(Coalitions(scenario));
        return list;
    }

    /// <summary>Coalitions as the Shapley sampling makes them: 1 to 12 actors left out, chosen by a fixed stride.</summary>
    private static IEnumerable<Scenario> Coalitions(Scenario scenario)
    {
        var ids = scenario.Actors.Select(a => a.Id).ToArray();
        for (var size = 1; size <= Math.Min(12, ids.Length - 2); size++)
        {
            for (var offset = 0; offset < 3; offset++)
            {
                yield return ScenarioEdits.WithoutActors(scenario, Enumerable.Range(0, size).Select(k => ids[((k * 7) + (offset * 5) + size) % ids.Length]).Distinct());
            }
        }
    }

    /// <summary>CPU milliseconds and allocated bytes per call: warm up for 300 ms, then the best of ten batches of at least 150 ms each.</summary>
    private static (double Cpu, double Allocated) Best(Action run) => CpuTimer.Best(run, batches: 10, batchMs: 150, warmupMs: 300);

    /// <summary>FNV-1a over the bits of every number of a result.</summary>
    private sealed class Fingerprint
    {
        public ulong Value { get; private set; } = 14695981039346656037UL;

        public long Count { get; private set; }

        public void Add(ModelResult result)
        {
            Add((ulong)result.RoundsRun);
            Add(result.Converged switch { true => 1UL, false => 2UL, null => 3UL });
            foreach (var issue in result.Issues)
            {
                Add(issue.Forecast);
                foreach (var position in issue.Positions)
                {
                    Add(position.Position);
                }
            }

            foreach (var round in result.Rounds.OfType<ExchangeRoundTrace>())
            {
                Add((ulong)round.Exchanges.Length);
                foreach (var exchange in round.Exchanges)
                {
                    Add(exchange.FirstFrom);
                    Add(exchange.FirstTo);
                    Add(exchange.SecondFrom);
                    Add(exchange.SecondTo);
                    Add(exchange.Gain);
                    Add(exchange.FirstGain);
                    Add(exchange.SecondGain);
                    Add(exchange.FirstActor + "/" + exchange.FirstIssue + "/" + exchange.SecondActor + "/" + exchange.SecondIssue);
                    foreach (var externality in exchange.Externalities)
                    {
                        Add(externality.Value);
                    }
                }

                foreach (var issue in round.Issues)
                {
                    Add(issue.Outcome);
                }
            }

            if (result.Details is ExchangeDetails details)
            {
                foreach (var count in details.ExchangesPerRound)
                {
                    Add((ulong)count);
                }

                foreach (var preference in details.Preferences)
                {
                    Add(preference.Outcome);
                }
            }
        }

        private void Add(string text)
        {
            foreach (var ch in text)
            {
                Add(ch);
            }
        }

        private void Add(double value) => Add(BitConverter.DoubleToUInt64Bits(value));

        private void Add(ulong value)
        {
            Count++;
            for (var b = 0; b < 8; b++)
            {
                Value = (Value ^ ((value >> (8 * b)) & 0xff)) * 1099511628211UL;
            }
        }
    }
}
