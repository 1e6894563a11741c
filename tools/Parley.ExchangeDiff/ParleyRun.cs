using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Formats;

namespace Parley.ExchangeDiff;

/// <summary>Parley's exchange model on a scenario file: the voting outcome per issue after round 1 and after the last round, and round 1's exchange count.</summary>
internal sealed record ParleyRun(ulong Seed, ImmutableDictionary<string, double> RoundOne, ImmutableDictionary<string, double> Last, int RoundOneExchanges)
{
    /// <summary>Reads <paramref name="decideText"/> with Parley's Decide reader and runs the model in process.</summary>
    public static ParleyRun Run(string decideText, string name, double rexP, ulong seed, int rounds, string ties = "order", string boundary = "reached")
    {
        var read = ScenarioFiles.ReadText(decideText, name + ".txt", ScenarioFormat.Decide);
        if (read.Scenario is null || read.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException($"{name}: Parley cannot read the generated file: {string.Join("; ", read.Diagnostics)}");
        }

        var options = new ModelOptions { Seed = seed }.WithParameter("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture)).WithParameter("ties", ties).WithParameter("boundary", boundary);
        var model = new ExchangeModel();
        var first = model.Run(read.Scenario, options with { Rounds = 1 });
        var last = model.Run(read.Scenario, options with { Rounds = rounds });
        return new ParleyRun(
            seed,
            first.Issues.ToImmutableDictionary(i => i.IssueId, i => i.Forecast),
            last.Issues.ToImmutableDictionary(i => i.IssueId, i => i.Forecast),
            ((ExchangeDetails)first.Details!).ExchangesPerRound[0]);
    }
}
