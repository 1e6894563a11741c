using System.Collections.Immutable;
using System.Globalization;

namespace Parley.ExchangeDiff;

/// <summary>The campaign's command-line options.</summary>
internal sealed record CampaignOptions
{
    public const string Usage = """
        usage: exchange-diff [--count N] [--first I] [--seed S] [--p P[,P...]] [--rex-count M]
                             [--jobs J] [--work DIR] [--shrink BUDGET] [--shrink-cases K]
                             [--timeout SECONDS] [--reference RUNNER] [--more-seeds N]
                             [--cached-only] [--parley-ties order|coin]
          --count N        scenarios to generate (default 500), from index I (default 0)
          --seed S         the campaign's seed; scenario I is drawn from stream I of it (default 1)
          --p LIST         REX values to compare, 0 is plain equal gain (default 0)
          --rex-count M    how many of the scenarios to compare at each p > 0 (default all)
          --jobs J         scenarios run at once (default 2)
          --work DIR       where scenario files, the reference's outputs (a cache), failures and
                           summary.md go (default ./exchange-diff-work)
          --shrink BUDGET  comparisons spent shrinking each failing case (default 40; 0: none)
          --shrink-cases K how many failing cases to shrink (default 10)
          --timeout SECONDS  per reference run (default 300)
          --reference RUNNER  the observed runner of the reference (default
                           tools/exchange-diff-reference.py; it finds ../shared/peers/decide)
          --more-seeds N   compare a failing case whose reference runs diverged through ties
                           again against N tie seeds (default 20; 5 or less: never)
          --cached-only    compare only the cases whose reference runs are all in the work
                           folder already (re-checks Parley without running the reference)
          --parley-ties T  Parley's tie rule at p = 0: order (default, one run) or coin (the
                           reference's seeded coin; Parley's 5 seeds each compared)
        """;

    public int Count { get; init; } = 500;

    public int First { get; init; }

    public ulong Seed { get; init; } = 1;

    public ImmutableArray<string> PValues { get; init; } = ["0"];

    public int RexCount { get; init; } = int.MaxValue;

    public int Jobs { get; init; } = 2;

    public string Work { get; init; } = "exchange-diff-work";

    public int ShrinkBudget { get; init; } = 40;

    public int ShrinkCases { get; init; } = 10;

    public int TimeoutSeconds { get; init; } = 300;

    public string? Reference { get; init; }

    public bool CachedOnly { get; init; }

    public int MoreSeeds { get; init; } = 20;

    /// <summary>Parley's <c>ties</c> parameter: <c>order</c> or <c>coin</c>.</summary>
    public string ParleyTies { get; init; } = "order";

    /// <summary>The options, or <c>null</c> (usage) when an option is unknown or its value is not allowed.</summary>
    public static CampaignOptions? Parse(string[] args)
    {
        var options = new CampaignOptions();
        for (var k = 0; k < args.Length; k++)
        {
            if (args[k] == "--cached-only")
            {
                options = options with { CachedOnly = true };
                continue;
            }

            var value = k + 1 < args.Length ? args[k + 1] : null;
            if (value is null)
            {
                return null;
            }

            k++;
            try
            {
                options = args[k - 1] switch
                {
                    "--count" => options with { Count = Positive(value) },
                    "--first" => options with { First = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--seed" => options with { Seed = ulong.Parse(value, CultureInfo.InvariantCulture) },
                    "--p" => options with { PValues = [.. value.Split(',').Select(P)] },
                    "--rex-count" => options with { RexCount = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--jobs" => options with { Jobs = Positive(value) },
                    "--work" => options with { Work = value },
                    "--shrink" => options with { ShrinkBudget = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--shrink-cases" => options with { ShrinkCases = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--timeout" => options with { TimeoutSeconds = Positive(value) },
                    "--reference" => options with { Reference = value },
                    "--more-seeds" => options with { MoreSeeds = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--parley-ties" => options with { ParleyTies = value is "order" or "coin" ? value : throw new FormatException("ties are order or coin") },
                    _ => null,
                };
            }
            catch (FormatException)
            {
                return null;
            }

            if (options is null)
            {
                return null;
            }
        }

        return options;
    }

    /// <summary>The repository root: the nearest folder above the program holding Parley.slnx, else the current folder.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Parley.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static int Positive(string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new FormatException("must be positive");
    }

    private static string P(string value)
    {
        var p = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return p is >= 0 and <= 1 ? p.ToString("R", CultureInfo.InvariantCulture) : throw new FormatException("p is from 0 to 1");
    }
}
