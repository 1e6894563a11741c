using System.Globalization;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Formats;

namespace Parley.ExchangeDiff;

/// <summary>Prints Parley's realised exchanges of a Decide file round by round, to set beside the reference's.</summary>
internal static class TraceCommand
{
    public static int Run(string file, string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var p = args.Length > 1 ? args[1] : "0";
        var seed = args.Length > 2 ? ulong.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var ties = args.Length > 3 ? args[3] : "order";
        var boundary = args.Length > 4 ? args[4] : "reached";
        var read = ScenarioFiles.Read(file, ScenarioFormat.Decide);
        if (read.Scenario is null || read.Diagnostics.Length > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, read.Diagnostics));
            return 2;
        }

        var result = new ExchangeModel().Run(read.Scenario, new ModelOptions { Rounds = rounds, Seed = seed, Trace = true }.WithParameter("rex-p", p).WithParameter("ties", ties).WithParameter("boundary", boundary));
        foreach (var round in result.Rounds.Cast<ExchangeRoundTrace>())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round.Round}: {round.Exchanges.Length} exchanges; {string.Join(" ", round.Issues.Select(i => $"{i.Id}={i.Outcome:0.####}"))}"));
            var index = 0;
            foreach (var exchange in round.Exchanges)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {++index} {exchange.FirstActor} {exchange.FirstIssue} {exchange.FirstFrom:R} -> {exchange.FirstTo:R} | {exchange.SecondActor} {exchange.SecondIssue} {exchange.SecondFrom:R} -> {exchange.SecondTo:R} | {exchange.Gain:R}"));
            }
        }

        var preferences = ((ExchangeDetails)result.Details!).Preferences;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"preferences after round {result.RoundsRun}: {string.Join(" ", preferences.Select(i => $"{i.Id}={i.Outcome:0.####}"))}"));
        return 0;
    }
}
