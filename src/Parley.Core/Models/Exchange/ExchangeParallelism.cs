namespace Parley.Core.Models.Exchange;

/// <summary>
/// How the exchange engine may spread a round's set-up over threads: building and evaluating the
/// candidates, and the cell index. Every setting gives the same results bit for bit: parallel
/// work only ever writes each candidate's own slot, and whatever depends on order (compaction of
/// the candidate list, the cell lists) is laid out in candidate order. Realising the exchanges
/// stays on one thread: each one changes what the next can be, and the candidates one exchange
/// recomputes (about 40 at 200 x 30, 700-850 before the engine learnt to skip those that cannot
/// change) are too little work to split (measured slower with <c>Parallel.For</c>).
/// </summary>
/// <param name="Degree">Most threads used at once; 1 runs everything on the calling thread.</param>
/// <param name="MinimumCandidates">Upper bound on a round's candidates from which its set-up is parallel.</param>
internal sealed record ExchangeParallelism(int Degree, long MinimumCandidates)
{
    /// <summary>The default: all cores, for rounds of 100,000 candidates or more (100 x 10 and 50 x 30 gain 10-25 %; 80 x 10, about 80,000 candidates, gains nothing).</summary>
    public static ExchangeParallelism Default { get; } = new(Environment.ProcessorCount, 100_000);

    /// <summary>Everything on the calling thread.</summary>
    public static ExchangeParallelism Sequential { get; } = new(1, long.MaxValue);

    /// <summary>Whether any work is spread over threads.</summary>
    public bool Enabled => Degree > 1;
}
