using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Core.Tests.Models.Smp;

/// <summary>
/// The end of a KTAB <c>smpc</c> log: the number of states, each actor's position history per
/// dimension (one decimal) and its winning-probability history (four decimals), kept as printed.
/// </summary>
internal sealed partial class KtabReferenceLog
{
    public int States { get; private init; }

    /// <summary>(actor, dimension) → printed position per state.</summary>
    public Dictionary<(string Actor, string Dimension), string[]> Positions { get; } = [];

    /// <summary>actor → printed probability per state.</summary>
    public Dictionary<string, string[]> Probabilities { get; } = [];

    public static KtabReferenceLog Read(string path)
    {
        var states = 0;
        var log = new KtabReferenceLog();
        var inHistory = false;
        foreach (var line in File.ReadLines(path))
        {
            inHistory |= line.StartsWith("History of actor positions", StringComparison.Ordinal);
            var count = StatesLine().Match(line);
            if (count.Success)
            {
                states = int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var history = HistoryLine().Match(line);
            if (!inHistory || !history.Success)
            {
                continue;
            }

            var values = history.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var actor = history.Groups[1].Value.Trim();
            var label = history.Groups[2].Value.Trim();
            if (label == "prob")
            {
                log.Probabilities[actor] = values;
            }
            else
            {
                log.Positions[(actor, label)] = values;
            }
        }

        return new KtabReferenceLog { States = states }.With(log);
    }

    private KtabReferenceLog With(KtabReferenceLog other)
    {
        foreach (var (key, value) in other.Positions)
        {
            Positions[key] = value;
        }

        foreach (var (key, value) in other.Probabilities)
        {
            Probabilities[key] = value;
        }

        return this;
    }

    [GeneratedRegex(@"^There were (\d+) states")]
    private static partial Regex StatesLine();

    [GeneratedRegex(@"^([^,]+), ([^:]+):\s+([-0-9. ]+)\s*$")]
    private static partial Regex HistoryLine();
}
