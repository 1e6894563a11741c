using System.Collections.Immutable;

namespace Parley.Drafting;

/// <summary>The figures of <see cref="DraftComparison"/>.</summary>
/// <param name="ExpectedActors">Actors (not people) in the hand-built scenario.</param>
/// <param name="ActorsFound">Of those, how many the draft proposes.</param>
/// <param name="DraftActors">Actors (not people) the draft proposes.</param>
/// <param name="DraftActorsCorrect">Of those, how many the hand-built scenario has.</param>
/// <param name="ExpectedPeople">People in the hand-built scenario.</param>
/// <param name="PeopleFound">Of those, how many the draft finds (by surname).</param>
/// <param name="PeopleGrouped">Of those, how many it groups under the right actor.</param>
/// <param name="DraftPeople">People the draft finds.</param>
/// <param name="DraftPeopleCorrect">Of those, how many the hand-built scenario has.</param>
/// <param name="Quotes">Quotes of the hand-built stances found in the sources.</param>
/// <param name="QuotesInTopThree">Of those, how many a top-three candidate of the right actor and issue covers by half or more.</param>
/// <param name="QuotesContainedInTopThree">Stricter: a top-three candidate contains the whole quote.</param>
/// <param name="QuotesSentenceInTopThree">Looser: a top-three candidate lies in the quote's sentence.</param>
/// <param name="Details">One line per miss, surplus and hit.</param>
public sealed record ComparisonResult(
    int ExpectedActors, int ActorsFound, int DraftActors, int DraftActorsCorrect,
    int ExpectedPeople, int PeopleFound, int PeopleGrouped, int DraftPeople, int DraftPeopleCorrect,
    int Quotes, int QuotesInTopThree, int QuotesContainedInTopThree, int QuotesSentenceInTopThree,
    ImmutableArray<string> Details)
{
    /// <summary>Share of the quotes in the top three, 0-1 (1 when there are none).</summary>
    public double QuoteShare => Quotes == 0 ? 1 : (double)QuotesInTopThree / Quotes;

    /// <summary>The figures as lines of text.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"actors: recall {ActorsFound}/{ExpectedActors} ({DraftComparison.Percent(ActorsFound, ExpectedActors)}), precision {DraftActorsCorrect}/{DraftActors} ({DraftComparison.Percent(DraftActorsCorrect, DraftActors)})";
        yield return $"people: recall {PeopleFound}/{ExpectedPeople} ({DraftComparison.Percent(PeopleFound, ExpectedPeople)}), grouped correctly {PeopleGrouped}/{ExpectedPeople} ({DraftComparison.Percent(PeopleGrouped, ExpectedPeople)}), precision {DraftPeopleCorrect}/{DraftPeople} ({DraftComparison.Percent(DraftPeopleCorrect, DraftPeople)})";
        yield return $"quotes in the top three candidates of the right actor x issue: {QuotesInTopThree}/{Quotes} ({DraftComparison.Percent(QuotesInTopThree, Quotes)}); whole quote contained {QuotesContainedInTopThree}/{Quotes}; same sentence {QuotesSentenceInTopThree}/{Quotes}";
        foreach (var detail in Details)
        {
            yield return "  " + detail;
        }
    }
}
