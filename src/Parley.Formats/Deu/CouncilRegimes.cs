using System.Collections.Immutable;

namespace Parley.Formats.Deu;

/// <summary>
/// The Council's qualified-majority rules from 1995 on, with the member states' weights, used
/// by the DEU reader's <c>votes</c> capabilities.
/// </summary>
/// <remarks>
/// <para>Weighted votes: the Amsterdam weights of the EU15 (Art. 205(2) EC; 62 of 87 votes), and
/// the Nice weights (Protocol on enlargement and Act of Accession 2003, Art. 205(2) EC as amended;
/// 232 of 321 votes in the EU25 from 1 November 2004, 255 of 345 in the EU27 from 2007, 260 of
/// 352 in the EU28 from July 2013), each with the majority of members the Treaty also requires.
/// The transitional weighting of May–October 2004 is folded into the Nice EU25 rule, and Nice's
/// optional 62 % population check, which almost never binds, is left out.</para>
/// <para>Double majority from 1 November 2014 (Art. 16(4) TEU, Art. 238(3) TFEU): 55 % of the
/// members representing 65 % of the population, and a blocking minority needs at least four
/// members. Populations are Eurostat's 1 January 2015 figures (EU28) and 1 January 2020 figures
/// (EU27 after 1 February 2020), rounded to 0.1 million; the transition period to March 2017,
/// in which a member could ask for a Nice vote, is ignored.</para>
/// <para>Power is the Shapley–Shubik index of each member in the rule's voting game, as in the
/// capability measures of Thomson &amp; Stokman (2006, <i>The European Union Decides</i>, ch. 2)
/// and the voting-power literature on the Council (Felsenthal &amp; Machover 1998, <i>The
/// Measurement of Voting Power</i>; Słomczyński &amp; Życzkowski 2006, <i>Theory and Decision</i>).</para>
/// </remarks>
public static class CouncilRegimes
{
    private static readonly (string Code, int Votes)[] AmsterdamVotes =
    [
        ("de", 10), ("fr", 10), ("it", 10), ("uk", 10), ("es", 8), ("be", 5), ("el", 5), ("nl", 5),
        ("pt", 5), ("at", 4), ("se", 4), ("dk", 3), ("fi", 3), ("ie", 3), ("lu", 2),
    ];

    private static readonly (string Code, int Votes)[] NiceVotes =
    [
        ("de", 29), ("fr", 29), ("it", 29), ("uk", 29), ("es", 27), ("pl", 27), ("ro", 14), ("nl", 13),
        ("be", 12), ("cz", 12), ("el", 12), ("hu", 12), ("pt", 12), ("at", 10), ("bu", 10), ("se", 10),
        ("dk", 7), ("ie", 7), ("lt", 7), ("sk", 7), ("fi", 7), ("cr", 7), ("cy", 4), ("ee", 4),
        ("lv", 4), ("lu", 4), ("si", 4), ("mt", 3),
    ];

    // Population in units of 0.1 million (Eurostat, 1 January 2015).
    private static readonly (string Code, int Population)[] Population2015 =
    [
        ("de", 811), ("fr", 664), ("uk", 648), ("it", 608), ("es", 464), ("pl", 380), ("ro", 199), ("nl", 169),
        ("be", 113), ("el", 108), ("cz", 105), ("pt", 104), ("hu", 98), ("se", 97), ("at", 86), ("bu", 72),
        ("dk", 57), ("fi", 55), ("sk", 54), ("ie", 46), ("cr", 42), ("lt", 29), ("si", 21), ("lv", 20),
        ("ee", 13), ("cy", 8), ("lu", 6), ("mt", 4),
    ];

    // Population in units of 0.1 million (Eurostat, 1 January 2020), without the United Kingdom.
    private static readonly (string Code, int Population)[] Population2020 =
    [
        ("de", 832), ("fr", 673), ("it", 596), ("es", 473), ("pl", 380), ("ro", 193), ("nl", 174), ("be", 115),
        ("cz", 107), ("el", 107), ("se", 103), ("pt", 103), ("hu", 98), ("at", 89), ("bu", 70), ("dk", 58),
        ("fi", 55), ("sk", 55), ("ie", 50), ("cr", 41), ("lt", 28), ("si", 21), ("lv", 19), ("ee", 13),
        ("cy", 9), ("lu", 6), ("mt", 5),
    ];

    /// <summary>Every rule, oldest first.</summary>
    public static ImmutableArray<CouncilRegime> All { get; } =
    [
        Weighted("Amsterdam EU15", new DateOnly(1995, 1, 1), AmsterdamVotes, 62),
        Weighted("Nice EU25", new DateOnly(2004, 5, 1), Without(NiceVotes, "ro", "bu", "cr"), 232),
        Weighted("Nice EU27", new DateOnly(2007, 1, 1), Without(NiceVotes, "cr"), 255),
        Weighted("Nice EU28", new DateOnly(2013, 7, 1), NiceVotes, 260),
        DoubleMajority("Lisbon double majority EU28", new DateOnly(2014, 11, 1), Population2015),
        DoubleMajority("Lisbon double majority EU27", new DateOnly(2020, 2, 1), Population2020),
    ];

    /// <summary>
    /// The rule in force on <paramref name="date"/> (the EU15 rule before 1995), moved on to the
    /// first later rule whose members include all of <paramref name="memberStates"/>: a position
    /// recorded for a state shows the decision was taken after it joined.
    /// </summary>
    /// <returns>The rule, or <c>null</c> when no rule has all those members.</returns>
    public static CouncilRegime? For(DateOnly date, IEnumerable<string> memberStates)
    {
        var members = memberStates.ToArray();
        var start = 0;
        for (var i = 0; i < All.Length; i++)
        {
            if (All[i].From <= date)
            {
                start = i;
            }
        }

        for (var i = start; i < All.Length; i++)
        {
            if (members.All(All[i].Weights.ContainsKey))
            {
                return All[i];
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="code"/> is a member-state code of any rule.</summary>
    public static bool IsMemberState(string code) => All.Any(r => r.Weights.ContainsKey(code));

    private static CouncilRegime Weighted(string name, DateOnly from, (string Code, int Votes)[] votes, int quota)
    {
        var weights = ToDictionary(votes);
        return new CouncilRegime(name, from, weights, quota, (weights.Count / 2) + 1, null);
    }

    private static CouncilRegime DoubleMajority(string name, DateOnly from, (string Code, int Population)[] population)
    {
        var weights = ToDictionary(population);
        var members = weights.Count;
        long total = weights.Values.Sum();

        // 55 % of the members and 65 % of the population, in whole numbers: the smallest counts reaching them.
        var memberQuota = (int)Math.Ceiling(0.55 * members);
        var populationQuota = ((65 * total) + 99) / 100;
        return new CouncilRegime(name, from, weights, populationQuota, memberQuota, 4);
    }

    private static (string Code, int Votes)[] Without((string Code, int Votes)[] votes, params string[] codes) =>
        [.. votes.Where(v => !codes.Contains(v.Code))];

    private static ImmutableSortedDictionary<string, int> ToDictionary((string Code, int Weight)[] entries) =>
        entries.ToImmutableSortedDictionary(e => e.Code, e => e.Weight, StringComparer.Ordinal);
}
