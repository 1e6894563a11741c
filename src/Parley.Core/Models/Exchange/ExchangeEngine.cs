using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// One run of the exchange model over flat arrays: actor-issue cells at
/// <c>issue × actors + actor</c>, positions rescaled to 0–100, candidates in parallel arrays.
/// See <see cref="ExchangeModel"/> for the model and <c>docs/models/exchange.md</c> for the
/// equations and every choice made.
/// </summary>
/// <remarks>
/// Speed comes from four things: candidates live in arrays (no per-candidate objects); each
/// actor-issue cell lists the candidates in which it supplies or demands (built once per round),
/// so a realised exchange reaches only the candidates it touches; of those, the ones provably
/// unchanged are not recomputed (a supplier past its partner's preference, a demander whose
/// sighting stays short of the candidate's steady limit: see <see cref="CollectSupplied"/> and
/// <see cref="CollectSeeing"/>); and the queue is a sorted array merged with a small heap of
/// re-ranked candidates instead of a full re-sort. docs/performance.md has the measurements.
/// The small helpers of the hot paths (the build, <see cref="Evaluate"/>, the refresh and the
/// demand heap) are marked <c>AggressiveInlining</c>: the JIT inlined them only with dynamic PGO,
/// which the ReadyToRun and native builds run without (docs/performance.md, "Dynamic PGO and
/// inlining").
/// </remarks>
internal sealed class ExchangeEngine
{
    private const double MinimumMove = 1e-10;

    // The largest move, and the cap on a candidate's offers: the whole 0-100 scale, plus 1e-9 so
    // that rounding does not decide whether a move from one end of the scale to the other counts.
    private const double MaximumMove = 100 + 1e-9;
    private const double MinimumGain = 1e-10;

    // How close (0-100 scale) the outcome a demander has seen may come to it and count as having
    // reached it, so that no cut applies: an earlier cut lands the outcome exactly on the demander,
    // and rounding must not decide whether the next move is cut to nothing or not cut at all (the
    // reference's rule in exact arithmetic is "not cut"; its Decimal decides it either way, see
    // boundaryShort). The same on the other side: a move that lands the seen outcome on the
    // demander to within this is not cut (a supplier's full move lands it exactly there whenever
    // the two are alone on the issue, or have the others' weight balanced), and rounding must not
    // decide that either.
    private const double Reached = 1e-9;

    /// <summary>
    /// Whether a move that shifts the outcome by <paramref name="shift"/> towards a demander who is
    /// <paramref name="ahead"/> of the outcome it has seen is cut: when the outcome would pass the
    /// demander, but not when the move lands it there (to within <see cref="Reached"/>) or the
    /// outcome has already reached it (the same), unless <see cref="boundaryShort"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsCut(double ahead, double shift) => ahead > (boundaryShort ? -Reached : Reached) && ahead < shift - Reached;

    // How close (0-100 scale) a position may come to the outcome and count as on it. An actor on
    // the outcome is on the left, as in the reference (x <= O); the reference decides "on it" in
    // Decimal, where a weighted mean of decimal inputs is often exact, so rounding must not decide.
    private const double OnOutcome = 1e-9;
    private const double FixedWeight = 0.1;
    private const double SalienceWeight = 0.4;
    private const double SteadyMargin = 1e-9;

    // Spare room in a demanding list, per entry, for the entries pushed again as their limits change
    // (a full list is pruned of dead and stale entries; the room keeps that rare).
    private const double DemandSlack = 0.5;
    private const int ChunkSize = 1 << 15;

    // Up to ChunkSize candidates, the queue sorts the best 1/SmallChunkShare of the rest at a time
    // (at least SmallChunk), chosen by selection rather than by a sample.
    private const int SmallChunk = 64;
    private const int SmallChunkShare = 8;

    // Keys sampled to find a chunk's threshold, up to ChunkSize candidates left and beyond.
    private const int SmallSample = 64;
    private const int LargeSample = 4096;

    // Most candidates whose buffers an engine leaves to the next on its thread (about 8 MB).
    private const int LargestSpare = 1 << 16;

    /// <summary>Most actors, and most issues, a scenario may have: candidates keep them as 16-bit indices, so that a candidate fills one 64-byte cache line.</summary>
    public const int MaximumSize = ushort.MaxValue;

    private readonly int actorCount;
    private readonly int issueCount;
    private readonly Actor[] actors;
    private readonly Issue[] issues;
    private readonly bool[] takesPart;
    private readonly bool[] hasStance;
    private readonly CellState[] states;

    // Per cell, this round: -1 when the actor has no weight on the issue, else 1 when it is left of the outcome (or on it), 0 when right (see SideGroup).
    private readonly sbyte[] sides;
    private readonly double[] total;
    private readonly double[] outcome;
    private readonly double[] startOutcome;
    private readonly double rexP;
    private readonly bool trace;
    private readonly ExchangeParallelism parallelism;
    private readonly ParallelOptions parallelOptions;
    private Xoshiro256StarStar random;

    // REX: each candidate's draws (u, v, z) from its last computation; allocated only when p > 0.
    private RexDraw[] rexDraws = [];

    // Ties broken by a seeded coin (see RealiseTie): each candidate's place among equal gains, its
    // index until the coin sends it behind the others; allocated only with the coin.
    private readonly bool tieCoin;

    // The boundary=short diagnostic: an outcome on the demander (to within Reached) counts as
    // short of it, so the next move towards it is cut to nothing, as the reference's Decimal does
    // when its rounding leaves the outcome 1e-26 short (docs/models/exchange.md, Deviations).
    private readonly bool boundaryShort;

    // Whether BuildPair evaluates candidates four at a time in vector lanes (see BuildPairInLanes).
    private readonly bool inLanes;
    private int[] tieOrder = [];
    private int nextTieOrder;

    // What each demanding actor has seen move on an issue this round: the positions its partners
    // moved to, per (cell of the demander, partner); their summed shift is CellState.SeenShift.
    private readonly Dictionary<long, double> seenPositions;

    // Candidates, one struct each (one cache line instead of a dozen arrays), and the round's
    // initial ranking as primitive keys (gain bits, negated for descending order) and indices.
    private int candidateCount;
    private CandidateState[] candidates = [];
    // Whether each candidate is still alive this round, a bit each: small enough to stay in cache.
    private ulong[] alive = [];
    private byte[] hits = [];
    private int[] touched = [];
    private int touchedCount;

    // How a realised exchange touches a candidate (bits of hits[c]).
    private const byte MovedOwnPByP = 1, MovedOwnPByQ = 2, MovedOwnQByP = 4, MovedOwnQByQ = 8;
    private const byte SawPByP = 16, SawPByQ = 32, SawQByP = 64, SawQByQ = 128;
    private ulong[] sortKeys = [];
    private int[] sortItems = [];

    // Per actor-issue cell, the candidates in which it supplies (its actor moves on its issue),
    // each with its partner; and those in which it demands (its actor sees partners move there),
    // each with its steady limit. A cell's demanding list becomes, in place, a binary min-heap on
    // the limit the first time its actor sees a move in the round (see CollectSeeing).
    private readonly CellLists<SupplyEntry> supplying;
    private readonly CellLists<DemandEntry> demanding;
    private readonly bool[] heaped;

    // Per candidate, the steady limits of its current demand-heap entries (NaN: taken, none queued).
    private SteadyLimits[] steady = [];
    private readonly bool skipsSteady;

    // Per issue pair p < q (at p * issues + q): the opposing actor pairs of the pairs before it (where its candidates go when built in parallel), and how many of its candidates are valid.
    private readonly long[] pairStart;
    private readonly int[] pairValid;

    private readonly PriorityQueue<int, RankedCandidate> requeued;

    // The large buffers of the last engine run to the end on this thread, taken by the next one:
    // influence and Monte Carlo make thousands of runs of one scenario's size on each thread.
    [ThreadStatic]
    private static Buffers? spare;

    // BuildPairInLanes' rows of partner numbers, one set per thread (the parallel build runs pairs on several).
    [ThreadStatic]
    private static double[]? laneRows;

    // Sink for the second pass of Refresh, so that its loads are not optimised away.
    private int preloaded;
    private readonly List<RealizedExchange> realized = [];

    // Scratch of the sequential build (each side group's actors) and of the cell lists' counting sort on one thread.
    private readonly int[][] sequentialGroups = new int[4][];
    private int[][] supplyCounts = [];
    private int[][] demandCounts = [];

    /// <summary>Sets up a run of <paramref name="scenario"/>; rounds are run by <see cref="RunRound"/>.</summary>
    /// <param name="scenario">The scenario: actors, issues and stances.</param>
    /// <param name="rexP">REX's p (0 for equal gain).</param>
    /// <param name="seed">Seed of REX's draws and of the tie coin.</param>
    /// <param name="tieCoin">Whether ties are broken by a seeded coin, as the reference does, instead of in creation order.</param>
    /// <param name="trace">Whether to record every round's exchanges.</param>
    /// <param name="parallelism">How a round's set-up may use threads.</param>
    /// <param name="skipsSteady">
    /// Whether a candidate whose demanding actor sees a partner move is recomputed only when that can
    /// change it (the default), rather than every time; the results are the same, which tests check.
    /// </param>
    /// <param name="boundaryShort">
    /// Whether an outcome a demander has seen sitting on it counts as short of it (the next move
    /// towards it cut to nothing) rather than as reached (not cut), the default.
    /// </param>
    /// <param name="inLanes">
    /// Whether a round's candidates are evaluated four at a time in vector lanes where the hardware
    /// allows (the default), rather than one by one; the results are the same, which tests check.
    /// </param>
    public ExchangeEngine(Scenario scenario, double rexP, ulong seed, bool trace, ExchangeParallelism parallelism, bool skipsSteady = true, bool tieCoin = false, bool boundaryShort = false, bool inLanes = true)
    {
        this.boundaryShort = boundaryShort;
        // REX draws for each candidate as it is built, which the lanes do not.
        this.inLanes = inLanes && rexP == 0 && Vector256.IsHardwareAccelerated;
        // REX redraws a candidate's exchange at every recomputation, as the reference does, so with
        // REX every sighting recomputes (a skipped recomputation would have drawn again). The tie
        // coin re-evaluates candidates out of turn, which the steady limits do not follow.
        this.skipsSteady = skipsSteady && rexP == 0 && !tieCoin;
        this.tieCoin = tieCoin;
        this.parallelism = parallelism;
        parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism.Degree) };
        this.rexP = rexP;
        this.trace = trace;
        random = Xoshiro256StarStar.FromSeed(seed);
        actors = [.. scenario.Actors];
        issues = [.. scenario.Issues];
        actorCount = actors.Length;
        issueCount = issues.Length;
        var cells = actorCount * issueCount;
        hasStance = new bool[cells];
        states = new CellState[cells];
        sides = new sbyte[cells];
        var buffers = spare ?? new Buffers();
        spare = null;
        candidates = buffers.Candidates;
        alive = buffers.Alive;
        hits = buffers.Hits;
        touched = buffers.Touched;
        steady = buffers.Steady;
        sortKeys = buffers.SortKeys;
        sortItems = buffers.SortItems;
        rexDraws = buffers.RexDraws;
        tieOrder = buffers.TieOrder;
        sample = buffers.Sample;
        seenPositions = buffers.SeenPositions;
        requeued = buffers.Requeued;
        supplying = new CellLists<SupplyEntry>(cells, buffers.SupplyEntries);
        demanding = new CellLists<DemandEntry>(cells, buffers.DemandEntries);
        heaped = new bool[cells];
        total = new double[issueCount];
        outcome = new double[issueCount];
        startOutcome = new double[issueCount];
        takesPart = new bool[issueCount];
        pairStart = new long[issueCount * issueCount];
        pairValid = new int[issueCount * issueCount];

        for (var issue = 0; issue < issueCount; issue++)
        {
            for (var actor = 0; actor < actorCount; actor++)
            {
                if (scenario.FindStance(actors[actor].Id, issues[issue].Id) is not { } stance)
                {
                    continue;
                }

                var cell = Cell(issue, actor);
                hasStance[cell] = true;
                takesPart[issue] = true;
                ref var state = ref states[cell];
                state.Salience = stance.Salience;
                state.Weight = scenario.CapabilityOf(stance) * stance.Salience;
                state.Preference = ToInternal(issue, stance.Position);
                state.Position = state.Preference;
                total[issue] += state.Weight;
            }
        }
    }

    /// <summary>Number of exchanges realised in each round run so far.</summary>
    public List<int> ExchangesPerRound { get; } = [];

    /// <summary>The trace of each round run so far (only when tracing).</summary>
    public List<RoundTrace> Rounds { get; } = [];

    /// <summary>Whether the issue has at least one stance (and so a forecast).</summary>
    public bool TakesPart(int issue) => takesPart[issue];

    /// <summary>The weighted mean of the actors' current preferences on <paramref name="issue"/>, on its own scale.</summary>
    public double PreferenceOutcome(int issue) => ToScale(issue, WeightedMean(issue, preferences: true));

    /// <summary>The voting outcome of the last round run (the preference outcome before any round), on the issue's scale.</summary>
    public double VotingOutcome(int issue) => ToScale(issue, WeightedMean(issue, preferences: false));

    /// <summary>Each actor's voting position after the last round run, on the issue's scale.</summary>
    public ImmutableArray<ActorPosition> VotingPositions(int issue)
    {
        var builder = ImmutableArray.CreateBuilder<ActorPosition>();
        for (var actor = 0; actor < actorCount; actor++)
        {
            if (hasStance[Cell(issue, actor)])
            {
                builder.Add(new ActorPosition(actors[actor].Id, ToScale(issue, states[Cell(issue, actor)].Position)));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Runs one round: exchanges, voting outcome, then the preference update.</summary>
    /// <returns>The number of exchanges realised.</returns>
    public int RunRound(int round, CancellationToken cancellationToken)
    {
        foreach (ref var state in states.AsSpan())
        {
            state.Position = state.Preference;
            state.Direction = 0;
            state.SeenShift = 0;
            state.Unsettled = false;
        }

        seenPositions.Clear();
        for (var issue = 0; issue < issueCount; issue++)
        {
            outcome[issue] = WeightedMean(issue, preferences: false);
            startOutcome[issue] = outcome[issue];
            for (var actor = 0; actor < actorCount; actor++)
            {
                var cell = Cell(issue, actor);
                states[cell].Left = states[cell].Position <= outcome[issue] + OnOutcome;
                // A side needs a salience (no stance: 0): with it an actor can demand, as in the reference, even at a
                // capability of 0; it cannot supply then (its move shifts no outcome, so Evaluate finds no gain).
                sides[cell] = (sbyte)(states[cell].Salience > 0 ? (states[cell].Left ? 1 : 0) : -1);
            }
        }

        var count = BuildCandidates();
        nextTieOrder = count;
        BuildCellIndexes();
        sortedEnd = 0;
        unsortedEnd = count;
        realized.Clear();
        var exchanges = Realise(count, cancellationToken);

        if (trace)
        {
            var outcomes = ImmutableArray.CreateBuilder<IssueOutcome>();
            for (var issue = 0; issue < issueCount; issue++)
            {
                if (takesPart[issue])
                {
                    outcomes.Add(new IssueOutcome(issues[issue].Id, VotingOutcome(issue)));
                }
            }

            Rounds.Add(new ExchangeRoundTrace { Round = round, Exchanges = [.. realized], Issues = outcomes.ToImmutable() });
        }

        // Between rounds each actor that moved carries part of its move into its preference:
        // x' = x + a (y - x), a = 0.1 + 0.4 (1 - s).
        foreach (ref var state in states.AsSpan())
        {
            if (state.Direction != 0)
            {
                var adjustment = FixedWeight + (SalienceWeight * (1 - state.Salience));
                state.Preference += adjustment * (state.Position - state.Preference);
            }
        }

        ExchangesPerRound.Add(exchanges);
        return exchanges;
    }

    /// <summary>
    /// Leaves this engine's large buffers to the next engine made on this thread. Call once the run
    /// is over and its results read; the engine must not be used afterwards. (A run that ended in an
    /// exception does not call it: its buffers may be half-way through a round.)
    /// </summary>
    public void ReleaseBuffers()
    {
        if (candidates.Length > LargestSpare)
        {
            // A large run's buffers are not worth keeping alive on the thread for the next.
            return;
        }

        seenPositions.Clear();
        requeued.Clear();
        spare = new Buffers
        {
            Candidates = candidates,
            Alive = alive,
            Hits = hits,
            Touched = touched,
            Steady = steady,
            SortKeys = sortKeys,
            SortItems = sortItems,
            RexDraws = rexDraws,
            TieOrder = tieOrder,
            Sample = sample,
            SeenPositions = seenPositions,
            Requeued = requeued,
            SupplyEntries = supplying.Entries,
            DemandEntries = demanding.Entries,
        };
    }

    private int Cell(int issue, int actor) => (issue * actorCount) + actor;

    /// <summary>
    /// Lists this round's candidates in a fixed order, the tie rule: issue pairs p &lt; q in
    /// scenario order; within a pair the actors right of both outcomes with those left of both,
    /// then those left of p only with those left of q only, each in scenario order (the order
    /// in which the reference creates them). Keeps those with a valid exchange.
    /// </summary>
    private int BuildCandidates()
    {
        candidateCount = 0;
        var bound = CountPairs();
        EnsureCapacity(bound);

        // Every candidate of the round before, or of the run before on this thread, has died by
        // its end; cleared all the same, so that no candidate is ever alive before it is built.
        Array.Clear(alive, 0, (int)Math.Min(alive.Length, (bound + 63) / 64));
        // REX draws for every candidate as it is built, in candidate order, so its rounds are built on one thread.
        if (rexP == 0 && parallelism.Enabled && bound >= parallelism.MinimumCandidates && bound <= candidates.Length)
        {
            return BuildCandidatesInParallel();
        }

        var groups = sequentialGroups;
        var count = 0;
        for (var p = 0; p < issueCount; p++)
        {
            for (var q = p + 1; q < issueCount; q++)
            {
                count += BuildPair(p, q, count, groups);
            }
        }

        candidateCount = count;
        Rank(0, count);
        return count;
    }

    /// <summary>
    /// <see cref="BuildCandidates"/> spread over threads: each issue pair builds and evaluates its
    /// candidates, in the same order, into its own region of the arrays (sized by
    /// <see cref="CountPairs"/>); the regions are then closed up in issue-pair order, so the
    /// candidates end up exactly where the sequential build puts them.
    /// </summary>
    private int BuildCandidatesInParallel()
    {
        Parallel.For(
            0,
            issueCount * issueCount,
            parallelOptions,
            () => new int[4][],
            (pair, _, groups) =>
            {
                int p = pair / issueCount, q = pair % issueCount;
                if (p < q)
                {
                    pairValid[pair] = BuildPair(p, q, (int)pairStart[pair], groups);
                }

                return groups;
            },
            _ => { });

        var count = 0;
        for (var p = 0; p < issueCount; p++)
        {
            for (var q = p + 1; q < issueCount; q++)
            {
                var pair = (p * issueCount) + q;
                var start = (int)pairStart[pair];
                if (start != count)
                {
                    Array.Copy(candidates, start, candidates, count, pairValid[pair]);
                    Array.Copy(steady, start, steady, count, pairValid[pair]);
                }

                count += pairValid[pair];
            }
        }

        candidateCount = count;
        Parallel.For(
            0,
            (count + ChunkSize - 1) / ChunkSize,
            parallelOptions,
            chunk => Rank(chunk * ChunkSize, Math.Min(count, (chunk + 1) * ChunkSize)));

        return count;
    }

    /// <summary>Builds the valid candidates of issue pair <paramref name="p"/> &lt; <paramref name="q"/> in <see cref="BuildCandidates"/> order from slot <paramref name="start"/> on; returns how many.</summary>
    private int BuildPair(int p, int q, int start, int[][] groups)
    {
        for (var group = 0; group < 4; group++)
        {
            groups[group] ??= new int[actorCount];
        }

        Span<int> groupCounts = stackalloc int[4];
        for (var actor = 0; actor < actorCount; actor++)
        {
            if (SideGroup(p, q, actor) is var group and >= 0)
            {
                groups[group][groupCounts[group]++] = actor;
            }
        }

        if (inLanes)
        {
            return BuildPairInLanes(p, q, start, groups, groupCounts);
        }

        var index = start;
        for (var first = 0; first < 2; first++)
        {
            var second = 3 - first;
            for (var x = 0; x < groupCounts[first]; x++)
            {
                var a = groups[first][x];
                for (var y = 0; y < groupCounts[second]; y++)
                {
                    var b = groups[second][y];
                    // The actor that values p relatively less supplies p: s_ap / s_aq < s_bp / s_bq.
                    var aSuppliesP = states[Cell(p, a)].Salience * states[Cell(q, b)].Salience < states[Cell(p, b)].Salience * states[Cell(q, a)].Salience;
                    if (BuildCandidate(index, p, q, aSuppliesP ? a : b, aSuppliesP ? b : a))
                    {
                        index++;
                    }
                }
            }
        }

        return index - start;
    }

    /// <summary>
    /// Writes the candidate in which <paramref name="supplierP"/> supplies p and <paramref name="supplierQ"/>
    /// supplies q at <paramref name="index"/> and evaluates it; true when it is valid, its rank and
    /// steady limits then set (the caller keeps it by moving past the index).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BuildCandidate(int index, int p, int q, int supplierP, int supplierQ)
    {
        candidates[index] = Unevaluated(p, q, supplierP, supplierQ);
        DrawRex(index);
        if (!Evaluate(index, out var proposal))
        {
            return false;
        }

        candidates[index].RankedGain = proposal.Rank;
        steady[index] = new SteadyLimits(proposal.SteadyP, proposal.SteadyQ);
        return true;
    }

    /// <summary>A round's new candidate in which <paramref name="supplierP"/> supplies p and <paramref name="supplierQ"/> supplies q: no offers, no partner seen moving, not yet evaluated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CandidateState Unevaluated(int p, int q, int supplierP, int supplierQ) => new()
    {
        P = (ushort)p,
        Q = (ushort)q,
        SupplierP = (ushort)supplierP,
        SupplierQ = (ushort)supplierQ,
        SeenOwnP = double.NaN,
        SeenOwnQ = double.NaN,
    };

    /// <summary>
    /// <see cref="BuildPair"/> with the round-start evaluation of four partners at a time in vector
    /// lanes: what <see cref="Evaluate"/> computes for a candidate before any move, sighting or offer
    /// of the round (positions on preferences, no direction, seen outcomes at the start, offers 0),
    /// by the same IEEE operations on the same numbers in the same order, so to the same bits. A
    /// candidate that a cut applies to, uncommon at a round's start, is evaluated by
    /// <see cref="Evaluate"/> itself; the steady limits and the rank are computed per candidate.
    /// </summary>
    private int BuildPairInLanes(int p, int q, int start, int[][] groups, ReadOnlySpan<int> groupCounts)
    {
        var index = start;
        double totalP = total[p], totalQ = total[q];

        // The outcome a demander has seen at the round's start: SeenOutcome before any sighting or move,
        // start + SeenShift with every SeenShift reset to 0 (RunRound), the same addition (which turns -0 into +0).
        const double noSeenShift = 0;
        double seenP = startOutcome[p] + noSeenShift, seenQ = startOutcome[q] + noSeenShift;
        var totalPs = Vector256.Create(totalP);
        var totalQs = Vector256.Create(totalQ);
        var seenPs = Vector256.Create(seenP);
        var seenQs = Vector256.Create(seenQ);
        var one = Vector256.Create(1.0);
        var minusOne = Vector256.Create(-1.0);
        var minimumMove = Vector256.Create(MinimumMove);
        var maximumMove = Vector256.Create(MaximumMove);
        var scaleFloor = Vector256.Create(100 - MaximumMove);
        var minimumGain = Vector256.Create(MinimumGain);
        var reached = Vector256.Create(Reached);
        var cutFloor = Vector256.Create(boundaryShort ? -Reached : Reached);
        Span<double> laneValues = stackalloc double[28];

        for (var first = 0; first < 2; first++)
        {
            var second = 3 - first;
            int firstCount = groupCounts[first], secondCount = groupCounts[second];
            if (firstCount == 0 || secondCount == 0)
            {
                continue;
            }

            // The partners' six numbers in rows, padded to whole vectors (padding lanes are ignored).
            var width = (secondCount + 3) & ~3;
            var rows = laneRows;
            if (rows is null || rows.Length < 6 * width)
            {
                rows = laneRows = new double[Math.Max(6 * width, 64)];
            }

            var partners = groups[second];
            for (var y = 0; y < secondCount; y++)
            {
                ref var bp = ref states[Cell(p, partners[y])];
                ref var bq = ref states[Cell(q, partners[y])];
                rows[y] = bp.Preference;
                rows[width + y] = bq.Preference;
                rows[(2 * width) + y] = bp.Salience;
                rows[(3 * width) + y] = bq.Salience;
                rows[(4 * width) + y] = bp.Weight;
                rows[(5 * width) + y] = bq.Weight;
            }

            for (var x = 0; x < firstCount; x++)
            {
                var a = groups[first][x];
                ref var ap = ref states[Cell(p, a)];
                ref var aq = ref states[Cell(q, a)];
                var aPreferenceP = Vector256.Create(ap.Preference);
                var aPreferenceQ = Vector256.Create(aq.Preference);
                var aSalienceP = Vector256.Create(ap.Salience);
                var aSalienceQ = Vector256.Create(aq.Salience);
                var aWeightP = Vector256.Create(ap.Weight);
                var aWeightQ = Vector256.Create(aq.Weight);
                for (var y = 0; y < secondCount; y += 4)
                {
                    var bPreferenceP = Vector256.LoadUnsafe(ref rows[y]);
                    var bPreferenceQ = Vector256.LoadUnsafe(ref rows[width + y]);
                    var bSalienceP = Vector256.LoadUnsafe(ref rows[(2 * width) + y]);
                    var bSalienceQ = Vector256.LoadUnsafe(ref rows[(3 * width) + y]);
                    var bWeightP = Vector256.LoadUnsafe(ref rows[(4 * width) + y]);
                    var bWeightQ = Vector256.LoadUnsafe(ref rows[(5 * width) + y]);

                    // As in BuildPair: a supplies p when s_ap s_bq < s_bp s_aq.
                    var aSuppliesP = Vector256.LessThan(aSalienceP * bSalienceQ, bSalienceP * aSalienceQ);
                    var spPreference = Vector256.ConditionalSelect(aSuppliesP, aPreferenceP, bPreferenceP);
                    var spSalience = Vector256.ConditionalSelect(aSuppliesP, aSalienceP, bSalienceP);
                    var spWeight = Vector256.ConditionalSelect(aSuppliesP, aWeightP, bWeightP);
                    var sqPreference = Vector256.ConditionalSelect(aSuppliesP, aPreferenceQ, bPreferenceQ);
                    var sqSalience = Vector256.ConditionalSelect(aSuppliesP, aSalienceQ, bSalienceQ);
                    var tpPreference = Vector256.ConditionalSelect(aSuppliesP, bPreferenceP, aPreferenceP);
                    var tpSalience = Vector256.ConditionalSelect(aSuppliesP, bSalienceP, aSalienceP);
                    var tqPreference = Vector256.ConditionalSelect(aSuppliesP, bPreferenceQ, aPreferenceQ);
                    var tqSalience = Vector256.ConditionalSelect(aSuppliesP, bSalienceQ, aSalienceQ);
                    var tqWeight = Vector256.ConditionalSelect(aSuppliesP, bWeightQ, aWeightQ);

                    // Evaluate, step by step; every position is still its preference.
                    var distanceP = tpPreference - spPreference;
                    var distanceQ = sqPreference - tqPreference;
                    var absoluteP = Vector256.Abs(distanceP);
                    var absoluteQ = Vector256.Abs(distanceQ);
                    var valid = ~(Vector256.LessThanOrEqual(absoluteP, minimumMove) | Vector256.LessThanOrEqual(absoluteQ, minimumMove));
                    var directionP = Vector256.ConditionalSelect(Vector256.GreaterThan(distanceP, Vector256<double>.Zero), one, minusOne);
                    var directionQ = Vector256.ConditionalSelect(Vector256.GreaterThan(distanceQ, Vector256<double>.Zero), one, minusOne);
                    var fullP = absoluteP * spWeight / totalPs;
                    var fullQ = absoluteQ * tqWeight / totalQs;
                    var ratio = (tpSalience + spSalience) / (tqSalience + sqSalience);
                    var shiftP = Vector256.Min(fullP, fullQ / ratio);
                    valid &= Vector256.GreaterThanOrEqual((tpSalience * shiftP) - (tqSalience * shiftP * ratio), minimumGain);
                    var moveP = shiftP * totalPs / spWeight * directionP;
                    var moveQ = shiftP * ratio * totalQs / tqWeight * directionQ;
                    var absoluteMoveP = Vector256.Abs(moveP);
                    var absoluteMoveQ = Vector256.Abs(moveQ);

                    // ValidMoves with no offers yet (an offer sum of 0 + move compares as the move does).
                    valid &= Vector256.GreaterThan(absoluteMoveP, minimumMove) & Vector256.LessThanOrEqual(absoluteMoveP, maximumMove)
                        & Vector256.GreaterThan(absoluteMoveQ, minimumMove) & Vector256.LessThanOrEqual(absoluteMoveQ, maximumMove)
                        & OnScale(spPreference + moveP, scaleFloor, maximumMove) & OnScale(tqPreference + moveQ, scaleFloor, maximumMove)
                        & Vector256.LessThanOrEqual(moveP, maximumMove) & Vector256.LessThanOrEqual(moveQ, maximumMove)
                        & Vector256.GreaterThanOrEqual(Vector256<double>.Zero * moveP, Vector256<double>.Zero)
                        & Vector256.GreaterThanOrEqual(Vector256<double>.Zero * moveQ, Vector256<double>.Zero);

                    // The cuts (IsCut), left to Evaluate.
                    var triggerQ = shiftP * ratio;
                    var aheadQ = (sqPreference - seenQs) * directionQ;
                    var aheadP = (tpPreference - seenPs) * directionP;
                    var cut = (Vector256.GreaterThan(aheadQ, cutFloor) & Vector256.LessThan(aheadQ, triggerQ - reached))
                        | (Vector256.GreaterThan(aheadP, cutFloor) & Vector256.LessThan(aheadP, shiftP - reached));
                    var gain = (tpSalience * shiftP) - (tqSalience * triggerQ);
                    var uncut = valid & ~cut & Vector256.GreaterThan(gain, Vector256<double>.Zero);
                    var scalarLanes = (valid & cut).ExtractMostSignificantBits();
                    var laneLanes = uncut.ExtractMostSignificantBits();
                    var supplierLanes = aSuppliesP.ExtractMostSignificantBits();
                    if ((scalarLanes | laneLanes) == 0)
                    {
                        continue;
                    }

                    // The lanes' numbers, stored once rather than read lane by lane from the registers.
                    moveP.StoreUnsafe(ref laneValues[0]);
                    moveQ.StoreUnsafe(ref laneValues[4]);
                    aheadP.StoreUnsafe(ref laneValues[8]);
                    aheadQ.StoreUnsafe(ref laneValues[12]);
                    shiftP.StoreUnsafe(ref laneValues[16]);
                    triggerQ.StoreUnsafe(ref laneValues[20]);
                    RankingGains(gain).StoreUnsafe(ref laneValues[24]);
                    var upwardP = Vector256.GreaterThan(distanceP, Vector256<double>.Zero).ExtractMostSignificantBits();
                    var upwardQ = Vector256.GreaterThan(distanceQ, Vector256<double>.Zero).ExtractMostSignificantBits();
                    var lanes = Math.Min(4, secondCount - y);
                    for (var k = 0; k < lanes; k++)
                    {
                        var b = partners[y + k];
                        var aSupplies = (supplierLanes & (1u << k)) != 0;
                        int s = aSupplies ? a : b, t = aSupplies ? b : a;
                        if ((scalarLanes & (1u << k)) != 0)
                        {
                            // A cut applies: the scalar path (no REX here, so it draws nothing).
                            if (BuildCandidate(index, p, q, s, t))
                            {
                                index++;
                            }
                        }
                        else if ((laneLanes & (1u << k)) != 0)
                        {
                            candidates[index] = Unevaluated(p, q, s, t);
                            ref var candidate = ref candidates[index];
                            candidate.RankedGain = laneValues[24 + k];
                            candidate.LastMoveP = laneValues[k];
                            candidate.LastMoveQ = laneValues[4 + k];
                            steady[index] = new SteadyLimits(
                                SteadyLimit(states[Cell(p, t)], (upwardP & (1u << k)) != 0 ? 1 : -1, laneValues[8 + k], laneValues[16 + k]),
                                SteadyLimit(states[Cell(q, s)], (upwardQ & (1u << k)) != 0 ? 1 : -1, laneValues[12 + k], laneValues[20 + k]));
                            index++;
                        }
                    }
                }
            }
        }

        return index - start;
    }

    /// <summary><see cref="RankingGain(double)"/> in lanes: the same integer operations on the same bits.</summary>
    private static Vector256<double> RankingGains(Vector256<double> gain)
    {
        const int dropped = 52 - 40;
        var bits = gain.AsUInt64();
        return ((bits + Vector256.Create(1UL << (dropped - 1))) & Vector256.Create(~((1UL << dropped) - 1))).AsDouble();
    }

    /// <summary><see cref="OnScale(double)"/> in lanes.</summary>
    private static Vector256<double> OnScale(Vector256<double> position, Vector256<double> floor, Vector256<double> ceiling) =>
        Vector256.GreaterThanOrEqual(position, floor) & Vector256.LessThanOrEqual(position, ceiling);

    /// <summary>
    /// Which side of issues <paramref name="p"/> and <paramref name="q"/> an actor is on: bit 0 set when
    /// its position is left of p's outcome, bit 1 when left of q's; -1 when it lacks a stance of positive
    /// salience on either. Candidates pair group 0 with 3 and group 1 with 2: actors on opposite sides of both outcomes.
    /// </summary>
    private int SideGroup(int p, int q, int actor)
    {
        int sideP = sides[Cell(p, actor)], sideQ = sides[Cell(q, actor)];
        return (sideP | sideQ) < 0 ? -1 : sideP + (2 * sideQ);
    }

    /// <summary>
    /// Marks candidates [<paramref name="from"/>, <paramref name="to"/>) alive and queues them by their
    /// gain, best first. Ranges run in parallel start at multiples of <see cref="ChunkSize"/>, a
    /// multiple of 64, so no two share a word of <see cref="alive"/>.
    /// </summary>
    private void Rank(int from, int to)
    {
        for (var index = from; index < to; index++)
        {
            alive[index >> 6] |= 1UL << index;
            sortKeys[index] = ~BitConverter.DoubleToUInt64Bits(candidates[index].RankedGain);
            sortItems[index] = index;
            if (tieCoin)
            {
                tieOrder[index] = index;
            }
        }
    }

    /// <summary>The number of actor pairs on opposite sides of both outcomes, over all issue pairs: an upper bound on the round's candidates.</summary>
    private long CountPairs()
    {
        long pairs = 0;
        Span<int> groupCounts = stackalloc int[4];
        for (var p = 0; p < issueCount; p++)
        {
            for (var q = p + 1; q < issueCount; q++)
            {
                groupCounts.Clear();
                for (var actor = 0; actor < actorCount; actor++)
                {
                    if (SideGroup(p, q, actor) is var group and >= 0)
                    {
                        groupCounts[group]++;
                    }
                }

                pairStart[(p * issueCount) + q] = pairs;
                pairs += ((long)groupCounts[0] * groupCounts[3]) + ((long)groupCounts[1] * groupCounts[2]);
            }
        }

        return pairs;
    }

    /// <summary>Grows the candidate arrays once to hold <paramref name="needed"/> candidates, instead of doubling them while building.</summary>
    private void EnsureCapacity(long needed)
    {
        if (needed > candidates.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max(1024, needed));
            candidates = new CandidateState[size];
            alive = new ulong[(size + 63) / 64];
            hits = new byte[size];
            touched = new int[size];
            steady = new SteadyLimits[size];
            sortKeys = new ulong[size];
            sortItems = new int[size];
        }

        // Buffers taken from an earlier engine may lack these, or have them at a smaller size.
        if (rexP > 0 && rexDraws.Length < candidates.Length)
        {
            rexDraws = new RexDraw[candidates.Length];
        }

        if (tieCoin && tieOrder.Length < candidates.Length)
        {
            tieOrder = new int[candidates.Length];
        }
    }

    /// <summary>Orders <paramref name="count"/> keys from <paramref name="from"/> by gain, highest first, with equal gains in candidate order (the tie rule).</summary>
    private void SortRange(int from, int count) => CandidateRanking.SortRange(sortKeys, sortItems, from, count);

    /// <summary>
    /// Builds, by counting sort, the <see cref="supplying"/> and <see cref="demanding"/> lists of
    /// every cell. In rounds large enough for parallel work each thread counts and then places
    /// the candidates of one contiguous range; within a cell the ranges are placed in order, so
    /// every list holds its candidates in ascending order whatever the number of threads.
    /// </summary>
    private void BuildCellIndexes()
    {
        var parts = parallelism.Enabled && candidateCount >= parallelism.MinimumCandidates ? parallelOptions.MaxDegreeOfParallelism : 1;
        if (supplyCounts.Length != parts)
        {
            supplyCounts = new int[parts][];
            demandCounts = new int[parts][];
        }

        var supplyFill = supplyCounts;
        var demandFill = demandCounts;
        ForEachPart(parts, (part, from, to) =>
        {
            var supply = supplyFill[part] ??= new int[states.Length];
            var demand = demandFill[part] ??= new int[states.Length];
            Array.Clear(supply);
            Array.Clear(demand);
            for (var c = from; c < to; c++)
            {
                ref var candidate = ref candidates[c];
                supply[Cell(candidate.P, candidate.SupplierP)]++;
                supply[Cell(candidate.Q, candidate.SupplierQ)]++;
                demand[Cell(candidate.P, candidate.SupplierQ)]++;
                demand[Cell(candidate.Q, candidate.SupplierP)]++;
            }
        });

        supplying.Allot(supplyFill);
        demanding.Allot(demandFill, DemandSlack);
        ForEachPart(parts, (part, from, to) =>
        {
            int[] supply = supplyFill[part], demand = demandFill[part];
            var supplyEntries = supplying.Entries;
            var demandEntries = demanding.Entries;
            for (var c = from; c < to; c++)
            {
                ref var candidate = ref candidates[c];
                supplyEntries[supply[Cell(candidate.P, candidate.SupplierP)]++] = new SupplyEntry(c << 1, candidate.SupplierQ);
                supplyEntries[supply[Cell(candidate.Q, candidate.SupplierQ)]++] = new SupplyEntry((c << 1) | 1, candidate.SupplierP);
                demandEntries[demand[Cell(candidate.P, candidate.SupplierQ)]++] = new DemandEntry(c << 1, steady[c].P);
                demandEntries[demand[Cell(candidate.Q, candidate.SupplierP)]++] = new DemandEntry((c << 1) | 1, steady[c].Q);
            }
        });

        Array.Clear(heaped);
    }

    /// <summary>Runs <paramref name="body"/>(part, from, to) on <paramref name="parts"/> contiguous ranges of the candidates, in parallel when there is more than one.</summary>
    private void ForEachPart(int parts, Action<int, int, int> body)
    {
        void Run(int part) => body(part, (int)((long)candidateCount * part / parts), (int)((long)candidateCount * (part + 1) / parts));
        if (parts == 1)
        {
            Run(0);
        }
        else
        {
            Parallel.For(0, parts, parallelOptions, Run);
        }
    }

    /// <summary>
    /// Realises candidates best gain first until none is left. After each exchange the
    /// candidates it touches are recomputed at once (and dropped when invalid); the queue keeps
    /// their older, higher rank until they reach the front, where a candidate that fell is
    /// re-ranked, and a candidate whose gain rose is re-ranked at once.
    /// </summary>
    private int Realise(int count, CancellationToken cancellationToken)
    {
        requeued.Clear();
        var next = 0;
        var exchanges = 0;
        while (true)
        {
            RankedCandidate front;
            var hasQueued = requeued.TryPeek(out _, out var queued);
            if (next == sortedEnd)
            {
                next = SortNextChunk(next);
            }

            if (next < sortedEnd && (!hasQueued || Ranked(next).CompareTo(queued) <= 0))
            {
                front = Ranked(next++);
            }
            else if (hasQueued)
            {
                requeued.Dequeue();
                front = queued;
            }
            else
            {
                break;
            }

            var index = front.Index;
            if (!IsAlive(index))
            {
                continue;
            }

            if (!Evaluate(index, out var proposal))
            {
                Kill(index);
                continue;
            }

            var fresh = new RankedCandidate(proposal.Rank, index, TieOrder(index));
            if (next == sortedEnd)
            {
                next = SortNextChunk(next);
            }

            if ((next < sortedEnd && Ranked(next).CompareTo(fresh) < 0) || (requeued.TryPeek(out _, out var other) && other.CompareTo(fresh) < 0))
            {
                candidates[index].RankedGain = proposal.Rank;
                requeued.Enqueue(index, fresh);
                Watch(index, proposal);
                continue;
            }

            if (tieCoin && TakeTied(index, fresh.Gain, ref next, out var tied, out var tiedProposal))
            {
                (index, proposal) = RealiseTie(index, proposal, fresh, tied, tiedProposal);
            }

            Kill(index);
            var (toP, toQ) = Apply(index, proposal);
            Refresh(index, toP, toQ);
            exchanges++;
            if ((exchanges & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return exchanges;
    }

    private int sortedEnd;
    private int unsortedEnd;
    private ulong[] sample = [];

    /// <summary>
    /// Sorts the next chunk of the round's ranking: drops dead candidates from the unsorted rest,
    /// moves the best of them (every key up to a threshold, so equal gains stay together) to the
    /// front and sorts only those. Candidates that die before their turn are never sorted.
    /// </summary>
    /// <returns>The position of the chunk's first entry.</returns>
    private int SortNextChunk(int from)
    {
        var write = from;
        for (var k = from; k < unsortedEnd; k++)
        {
            if (IsAlive(sortItems[k]))
            {
                sortKeys[write] = sortKeys[k];
                sortItems[write] = sortItems[k];
                write++;
            }
        }

        unsortedEnd = write;
        var remaining = unsortedEnd - from;
        if (remaining <= SmallChunk)
        {
            SortRange(from, remaining);
            sortedEnd = unsortedEnd;
            return from;
        }

        // Threshold: the key near the chunk's last rank among a sorted sample of the rest; the
        // chunk is every key up to it, so equal gains stay together. Up to ChunkSize candidates
        // the chunk is the best 1/SmallChunkShare of the rest: most candidates die before their
        // turn (a cop21 round realises about 130 of 1,600), and those are never sorted.
        var small = remaining <= ChunkSize;
        var target = small ? Math.Max(SmallChunk, remaining / SmallChunkShare) : ChunkSize;
        var sampleSize = small ? SmallSample : LargeSample;
        if (sample.Length < sampleSize)
        {
            sample = new ulong[sampleSize];
        }

        var threshold = CandidateRanking.SampledThreshold(sortKeys, from, unsortedEnd, target, sample, sampleSize);
        var split = CandidateRanking.TakeUpTo(sortKeys, sortItems, from, unsortedEnd, threshold);
        SortRange(from, split - from);
        sortedEnd = split;
        return from;
    }

    private RankedCandidate Ranked(int position) =>
        new(BitConverter.UInt64BitsToDouble(~sortKeys[position]), sortItems[position], sortItems[position]);

    /// <summary>A candidate's place among equal gains: its index, unless the tie coin has sent it behind the others.</summary>
    private int TieOrder(int c) => tieCoin ? tieOrder[c] : c;

    /// <summary>
    /// Takes off the queue the candidate next in line after <paramref name="first"/> (about to be
    /// realised, at <paramref name="rank"/>) when its current gain ranks equal, re-ranking on the
    /// way the ones whose gain fell and dropping those no longer valid.
    /// </summary>
    /// <returns>Whether a tied candidate was found (then <paramref name="tied"/> and its <paramref name="proposal"/>).</returns>
    private bool TakeTied(int first, double rank, ref int next, out int tied, out ExchangeProposal proposal)
    {
        while (true)
        {
            if (next == sortedEnd)
            {
                next = SortNextChunk(next);
            }

            var hasQueued = requeued.TryPeek(out _, out var queued);
            var fromSorted = next < sortedEnd && (!hasQueued || Ranked(next).CompareTo(queued) <= 0);
            if (!fromSorted && !hasQueued)
            {
                break;
            }

            // Queue ranks are at least the candidates' gains, and none is above the first's.
            var entry = fromSorted ? Ranked(next) : queued;
            if (entry.Gain != rank)
            {
                break;
            }

            if (fromSorted)
            {
                next++;
            }
            else
            {
                requeued.Dequeue();
            }

            tied = entry.Index;
            if (tied == first || !IsAlive(tied))
            {
                continue;
            }

            if (!Evaluate(tied, out proposal))
            {
                Kill(tied);
                continue;
            }

            var current = new RankedCandidate(proposal.Rank, tied, TieOrder(tied));
            if (current.CompareTo(entry) > 0)
            {
                candidates[tied].RankedGain = proposal.Rank;
                requeued.Enqueue(tied, current);
                continue;
            }

            return true;
        }

        tied = -1;
        proposal = default;
        return false;
    }

    /// <summary>
    /// The reference's tie break (its <c>highest_gain</c>): when the two candidates first in line
    /// have equal gains, a coin decides; with probability 1/2 the second is realised and the first
    /// goes behind every candidate now tied with it (the reference appends it to its list), else
    /// the first is realised and the second stays first in line. Returns the one to realise.
    /// </summary>
    private (int Index, ExchangeProposal Proposal) RealiseTie(int first, in ExchangeProposal firstProposal, RankedCandidate firstRank, int tied, in ExchangeProposal tiedProposal)
    {
        if (random.NextDouble() >= 0.5)
        {
            tieOrder[first] = nextTieOrder++;
            candidates[first].RankedGain = firstRank.Gain;
            requeued.Enqueue(first, firstRank with { Order = tieOrder[first] });
            return (tied, tiedProposal);
        }

        candidates[tied].RankedGain = tiedProposal.Rank;
        requeued.Enqueue(tied, new RankedCandidate(tiedProposal.Rank, tied, TieOrder(tied)));
        return (first, firstProposal);
    }

    /// <summary>
    /// Recomputes the live candidates that share a moved actor-issue with the realised candidate
    /// <paramref name="done"/>, as a supplier (its own position changed) or as a demander on the
    /// moved issue (the outcome it has seen changed), except those provably unchanged (see
    /// <see cref="CollectSupplied"/> and <see cref="CollectSeeing"/>).
    /// </summary>
    private void Refresh(int done, double toP, double toQ)
    {
        ref var realised = ref candidates[done];
        int p = realised.P, q = realised.Q, s = realised.SupplierP, t = realised.SupplierQ;

        // First pass: collect the candidates of the two suppliers that moved and, of those of the
        // two demanders that saw them move, the ones this can change, noting per candidate how it
        // is touched, without reading the candidates themselves.
        touchedCount = 0;
        CollectSupplied(p, s, t, MovedOwnPByP | (SawPByP << 8), MovedOwnQByP | (SawQByP << 8));
        CollectSupplied(q, t, s, MovedOwnPByQ | (SawPByQ << 8), MovedOwnQByQ | (SawQByQ << 8));
        CollectSeeing(Cell(p, t), SawPByP, SawQByP);
        CollectSeeing(Cell(q, s), SawPByQ, SawQByQ);

        // Second pass: read both ends of every touched candidate (the two cache lines it may
        // straddle). These loads do not depend on each other, so the processor overlaps their
        // cache misses; in the third pass, where each load waits behind a candidate's
        // recomputation, they would come one at a time.
        var sum = 0;
        for (var k = 0; k < touchedCount; k++)
        {
            ref var candidate = ref candidates[touched[k]];
            sum += candidate.P + (int)candidate.SeenOwnQ;
        }

        preloaded = sum;
        for (var k = 0; k < touchedCount; k++)
        {
            Recompute(touched[k], toP, toQ);
        }
    }

    /// <summary>Recomputes touched candidate <paramref name="c"/>: drops it when no longer valid, re-ranks it at once when its gain rose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Recompute(int c, double toP, double toQ)
    {
        var flags = hits[c];
        hits[c] = 0;
        if (!IsAlive(c))
        {
            // Touched through one of its cells, then dropped through another.
            return;
        }

        ref var candidate = ref candidates[c];

        // The supplier's earlier offer counts towards the 100-point cap on its offers (see
        // docs); if the exchange just realised was with this candidate's demander, that
        // demander has now seen the supplier move.
        if ((flags & (MovedOwnPByP | MovedOwnPByQ)) != 0)
        {
            candidate.OfferedP += candidate.LastMoveP;
            if ((flags & (MovedOwnPByP | SawPByP)) == (MovedOwnPByP | SawPByP))
            {
                candidate.SeenOwnP = KeepSmallerMove(candidate.SeenOwnP, toP, states[Cell(candidate.P, candidate.SupplierP)].Preference);
            }
            else if ((flags & (MovedOwnPByQ | SawPByQ)) == (MovedOwnPByQ | SawPByQ))
            {
                candidate.SeenOwnP = KeepSmallerMove(candidate.SeenOwnP, toQ, states[Cell(candidate.P, candidate.SupplierP)].Preference);
            }
        }

        if ((flags & (MovedOwnQByP | MovedOwnQByQ)) != 0)
        {
            candidate.OfferedQ += candidate.LastMoveQ;
            if ((flags & (MovedOwnQByP | SawQByP)) == (MovedOwnQByP | SawQByP))
            {
                candidate.SeenOwnQ = KeepSmallerMove(candidate.SeenOwnQ, toP, states[Cell(candidate.Q, candidate.SupplierQ)].Preference);
            }
            else if ((flags & (MovedOwnQByQ | SawQByQ)) == (MovedOwnQByQ | SawQByQ))
            {
                candidate.SeenOwnQ = KeepSmallerMove(candidate.SeenOwnQ, toQ, states[Cell(candidate.Q, candidate.SupplierQ)].Preference);
            }
        }

        DrawRex(c);
        if (!Evaluate(c, out var proposal))
        {
            Kill(c);
            return;
        }

        Watch(c, proposal);
        if (proposal.Rank > candidate.RankedGain)
        {
            candidate.RankedGain = proposal.Rank;
            requeued.Enqueue(c, new RankedCandidate(proposal.Rank, c, TieOrder(c)));
        }
    }

    /// <summary>
    /// Walks the <see cref="supplying"/> list of the cell of <paramref name="supplier"/> on
    /// <paramref name="issue"/>, which has just moved towards <paramref name="demander"/>, drops
    /// dead entries, and flags each live candidate with the low byte of <paramref name="flagsP"/>
    /// when the cell is on its issue P, of <paramref name="flagsQ"/> when on Q, and with the high
    /// byte too when its partner is <paramref name="demander"/>, who has seen the move.
    /// </summary>
    /// <remarks>
    /// A candidate whose partner's preference the supplier has now reached or passed fails the
    /// direction rule of <see cref="Evaluate"/> (or its smallest move), and will for the rest of the
    /// round, since a supplier only ever moves one way in a round. Such candidates, most of those a
    /// move touches, are dropped here from the partner's preference alone, without reading them:
    /// the same outcome as recomputing them, at a fraction of the cost.
    /// </remarks>
    private void CollectSupplied(int issue, int supplier, int demander, int flagsP, int flagsQ)
    {
        var cell = Cell(issue, supplier);
        var to = states[cell].Position;
        var upward = states[cell].Direction > 0;
        var partnerCells = Cell(issue, 0);
        var entries = supplying.Entries;
        var write = supplying.Start[cell];
        var end = supplying.End[cell];
        for (var k = write; k < end; k++)
        {
            var entry = entries[k];
            var c = entry.Entry >> 1;
            if (!IsAlive(c))
            {
                continue;
            }

            var distance = states[partnerCells + entry.Partner].Preference - to;
            if (upward ? distance <= MinimumMove : distance >= -MinimumMove)
            {
                Kill(c);
                continue;
            }

            entries[write++] = entry;
            var flags = (entry.Entry & 1) == 0 ? flagsP : flagsQ;
            Touch(c, (byte)(entry.Partner == demander ? flags | (flags >> 8) : flags));
        }

        supplying.End[cell] = write;
    }

    /// <summary>
    /// Collects, from the demand heap of <paramref name="cell"/>, whose actor has just seen a
    /// partner move, the candidates this can change, flagging each with <paramref name="flagP"/>
    /// when the cell is on its issue P, <paramref name="flagQ"/> when on Q.
    /// </summary>
    /// <remarks>
    /// What a demanding actor sees only ever moves towards it within a round (its partners move
    /// towards it, one way each), and a candidate's proposal depends on it only through how far
    /// ahead of the seen outcome the actor still is, once that falls below the candidate's shift.
    /// <see cref="Evaluate"/> turns this into the candidate's steady limit: the seen shift
    /// (towards the actor) up to which its proposal, moves and validity stay exactly as last
    /// computed. The heap is ordered by that limit, so only the candidates the new seen shift
    /// has reached are taken; the rest would be recomputed to the same result, and are skipped.
    /// A taken entry is marked NaN and pushed again with its new limit by <see cref="Watch"/>;
    /// entries whose limit no longer matches the candidate's are stale and dropped.
    /// </remarks>
    private void CollectSeeing(int cell, byte flagP, byte flagQ)
    {
        ref var state = ref states[cell];
        var seen = state.Unsettled ? double.PositiveInfinity : state.SeenShift * TowardsDemander(state);
        state.Unsettled = false;
        var entries = demanding.Entries;
        var start = demanding.Start[cell];
        if (!heaped[cell] && rexP > 0)
        {
            // REX draws for each recomputed candidate in the order they are touched: the heap's.
            heaped[cell] = true;
            LimitHeap.Heapify(entries, start, demanding.End[cell]);
        }
        else if (!heaped[cell])
        {
            // The first sighting of the round: one pass over the list takes the entries it reaches
            // (those the heap would pop: every limit up to the seen shift) and drops the dead and
            // stale (most candidates die before their demander sees a move); the rest becomes the
            // heap. The entries are taken in list order rather than the heap's, which without REX
            // changes nothing: each touched candidate is recomputed from the state alone.
            heaped[cell] = true;
            var write = start;
            for (var k = start; k < demanding.End[cell]; k++)
            {
                var entry = entries[k];
                if (!IsCurrent(entry))
                {
                    continue;
                }

                if (entry.Limit <= seen)
                {
                    SteadyOf(entry.Entry) = float.NaN;
                    Touch(entry.Entry >> 1, (entry.Entry & 1) == 0 ? flagP : flagQ);
                    continue;
                }

                entries[write++] = entry;
            }

            demanding.End[cell] = write;
            LimitHeap.Heapify(entries, start, write);
            return;
        }

        while (demanding.End[cell] > start && entries[start].Limit <= seen)
        {
            var top = LimitHeap.Pop(entries, start, demanding.End[cell]--);
            if (IsCurrent(top))
            {
                var c = top.Entry >> 1;
                SteadyOf(top.Entry) = float.NaN;
                Touch(c, (top.Entry & 1) == 0 ? flagP : flagQ);
            }
        }
    }

    /// <summary>Pushes candidate <paramref name="c"/> again with the steady limits of its new <paramref name="proposal"/> where they changed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Watch(int c, in ExchangeProposal proposal)
    {
        ref var candidate = ref candidates[c];
        if (steady[c].P != proposal.SteadyP)
        {
            steady[c].P = proposal.SteadyP;
            PushDemand(Cell(candidate.P, candidate.SupplierQ), new DemandEntry(c << 1, proposal.SteadyP));
        }

        if (steady[c].Q != proposal.SteadyQ)
        {
            steady[c].Q = proposal.SteadyQ;
            PushDemand(Cell(candidate.Q, candidate.SupplierP), new DemandEntry((c << 1) | 1, proposal.SteadyQ));
        }
    }

    /// <summary>
    /// Adds <paramref name="entry"/> to the demanding list of <paramref name="cell"/> (its heap once
    /// heaped). A full list is pruned first, which always frees a slot: the list has room for every
    /// candidate of the cell, and the one pushed is either already there (now stale) or was taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushDemand(int cell, DemandEntry entry)
    {
        if (demanding.End[cell] == demanding.Start[cell + 1])
        {
            PruneDemands(cell);
        }

        var entries = demanding.Entries;
        var start = demanding.Start[cell];
        var end = demanding.End[cell]++;
        entries[end] = entry;
        if (heaped[cell])
        {
            LimitHeap.Push(entries, start, end);
        }
    }

    /// <summary>Drops the dead and stale entries of the demanding list of <paramref name="cell"/>, and re-forms its heap if it has one.</summary>
    private void PruneDemands(int cell)
    {
        var entries = demanding.Entries;
        var start = demanding.Start[cell];
        var write = start;
        for (var k = start; k < demanding.End[cell]; k++)
        {
            if (IsCurrent(entries[k]))
            {
                entries[write++] = entries[k];
            }
        }

        demanding.End[cell] = write;
        if (heaped[cell])
        {
            LimitHeap.Heapify(entries, start, write);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsAlive(int c) => (alive[c >> 6] & (1UL << c)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Kill(int c) => alive[c >> 6] &= ~(1UL << c);

    /// <summary>Whether a demand entry is the live candidate's current one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsCurrent(DemandEntry entry) =>
        IsAlive(entry.Entry >> 1) && SteadyOf(entry.Entry) == entry.Limit;

    /// <summary>The stored steady limit of entry <c>(candidate &lt;&lt; 1) | k</c>'s side k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref float SteadyOf(int entry) =>
        ref (entry & 1) == 0 ? ref steady[entry >> 1].P : ref steady[entry >> 1].Q;

    /// <summary>The sign of a move towards the actor of a demanding cell: its partners are on the other side of the outcome.</summary>
    private static int TowardsDemander(in CellState demander) => demander.Left ? -1 : 1;

    /// <summary>Notes that the realised exchange touches candidate <paramref name="c"/> as <paramref name="flag"/> says.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Touch(int c, byte flag)
    {
        if (hits[c] == 0)
        {
            touched[touchedCount++] = c;
        }

        hits[c] |= flag;
    }

    /// <summary>A partner seen moving twice is remembered at its smaller move (the reference's rule).</summary>
    private static double KeepSmallerMove(double recorded, double to, double start) =>
        double.IsNaN(recorded) || Math.Abs(to - start) < Math.Abs(recorded - start) ? to : recorded;

    /// <summary>
    /// The equal-gain exchange of candidate <paramref name="index"/> given the current state, or
    /// <c>false</c> when none is valid. Equations in the remarks of <see cref="ExchangeModel"/>.
    /// </summary>
    private bool Evaluate(int index, out ExchangeProposal proposal)
    {
        proposal = default;
        ref var candidate = ref candidates[index];
        int p = candidate.P, q = candidate.Q, s = candidate.SupplierP, t = candidate.SupplierQ;
        ref var sp = ref states[Cell(p, s)];
        ref var sq = ref states[Cell(q, s)];
        ref var tp = ref states[Cell(p, t)];
        ref var tq = ref states[Cell(q, t)];
        double totalP = total[p], totalQ = total[q];

        // s moves on p towards t's position, t on q towards s's: the positions they held at the
        // start of the round, which is what each demands.
        var distanceP = tp.Preference - sp.Position;
        var distanceQ = sq.Preference - tq.Position;
        if (Math.Abs(distanceP) <= MinimumMove || Math.Abs(distanceQ) <= MinimumMove)
        {
            return false;
        }

        var directionP = distanceP > 0 ? 1 : -1;
        var directionQ = distanceQ > 0 ? 1 : -1;
        if (sp.Direction == -directionP || tq.Direction == -directionQ)
        {
            return false;
        }

        // The equal-gain exchange with each supplier moving at most all the way to its partner.
        // Equal gain: s_tp dO_p - s_tq dO_q = s_sq dO_q - s_sp dO_p, so dO_q = dO_p * ratio.
        var fullP = Math.Abs(distanceP) * sp.Weight / totalP;
        var fullQ = Math.Abs(distanceQ) * tq.Weight / totalQ;
        var ratio = (tp.Salience + sp.Salience) / (tq.Salience + sq.Salience);
        var shiftP = Math.Min(fullP, fullQ / ratio);

        // The gain threshold applies to this exchange, before the cuts below, as in the
        // reference: a cut may leave a smaller gain, and the exchange counts while both moves do.
        if (!((tp.Salience * shiftP) - (tq.Salience * shiftP * ratio) >= MinimumGain))
        {
            return false;
        }

        // The validity rules apply to the uncut moves too, before the cuts, as in the reference
        // (its calculate checks is_move_valid on the full exchange and stops there when it fails):
        // an uncut offer that would take the sum of the supplier's offers past 100 drops the
        // candidate even when the cut would have made it smaller.
        var moveP = shiftP * totalP / sp.Weight * directionP;
        var moveQ = shiftP * ratio * totalQ / tq.Weight * directionQ;
        if (!ValidMoves(candidate, sp, tq, moveP, moveQ))
        {
            return false;
        }

        // The cuts: a move that would carry the outcome, as its demanding actor has seen it, past
        // that actor is cut. The reference checks them in turn, q's (supplied by t, demanded by
        // s) and then p's, each against the shift left by the one before; see CutShift for how
        // far a cut lets the outcome go.
        var triggerQ = shiftP * ratio;
        var aheadQ = (sq.Preference - SeenOutcome(startOutcome[q], totalQ, sq, tq, candidate.SeenOwnQ)) * directionQ;
        var cut = IsCut(aheadQ, triggerQ);
        if (cut)
        {
            shiftP = CutShift(aheadQ, totalQ, tq, candidate.SeenOwnQ, directionQ) / ratio;
        }

        var triggerP = shiftP;
        var aheadP = (tp.Preference - SeenOutcome(startOutcome[p], totalP, tp, sp, candidate.SeenOwnP)) * directionP;
        if (IsCut(aheadP, triggerP))
        {
            shiftP = CutShift(aheadP, totalP, sp, candidate.SeenOwnP, directionP);
            cut = true;
        }

        var shiftQ = shiftP * ratio;
        var gain = (tp.Salience * shiftP) - (tq.Salience * shiftQ);
        if (!(gain > 0))
        {
            return false;
        }

        // Uncut, the moves are the ones just checked, computed by the same operations on the same
        // numbers (shiftQ is shiftP * ratio); only a cut needs them again, and their check.
        if (cut)
        {
            moveP = shiftP * totalP / sp.Weight * directionP;
            moveQ = shiftQ * totalQ / tq.Weight * directionQ;
            if (!ValidMoves(candidate, sp, tq, moveP, moveQ))
            {
                return false;
            }
        }

        if (rexP > 0)
        {
            // REX replaces the equal-gain exchange (which had to be valid) by a randomised one,
            // which must be valid too; the candidate keeps its rank by the equal gain.
            var cutP = IsCut(aheadP, fullP) ? CutShift(aheadP, totalP, sp, candidate.SeenOwnP, directionP) : double.NaN;
            var cutQ = IsCut(aheadQ, fullQ) ? CutShift(aheadQ, totalQ, tq, candidate.SeenOwnQ, directionQ) : double.NaN;
            (shiftP, shiftQ) = RandomisedShifts(rexDraws[index], gain, sp.Salience, sq.Salience, tp.Salience, tq.Salience, fullP, fullQ, cutP, cutQ);
            moveP = shiftP * totalP / sp.Weight * directionP;
            moveQ = shiftQ * totalQ / tq.Weight * directionQ;
            if (!ValidMoves(candidate, sp, tq, moveP, moveQ))
            {
                return false;
            }
        }

        candidate.LastMoveP = moveP;
        candidate.LastMoveQ = moveQ;
        proposal = new ExchangeProposal(
            shiftP,
            shiftQ,
            gain,
            RankingGain(gain),
            directionP,
            directionQ,
            SteadyLimit(tp, directionP, aheadP, triggerP),
            SteadyLimit(sq, directionQ, aheadQ, triggerQ));
        return true;
    }

    /// <summary>
    /// The reference's validity check on a candidate's two moves (its <c>is_move_valid</c>): each
    /// larger than 1e−10 and at most the whole scale, landing on the scale, in the direction of the
    /// supplier's earlier offers in this candidate, whose running sum stays within 100.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ValidMoves(in CandidateState candidate, in CellState sp, in CellState tq, double moveP, double moveQ) =>
        Math.Abs(moveP) > MinimumMove && Math.Abs(moveP) <= MaximumMove
        && Math.Abs(moveQ) > MinimumMove && Math.Abs(moveQ) <= MaximumMove
        && OnScale(sp.Position + moveP) && OnScale(tq.Position + moveQ)
        && candidate.OfferedP + moveP <= MaximumMove && candidate.OfferedQ + moveQ <= MaximumMove
        && candidate.OfferedP * moveP >= 0 && candidate.OfferedQ * moveQ >= 0;

    /// <summary>
    /// The gain a candidate is ranked by: its gain rounded to 40 significant bits (a relative step
    /// of 2^−40 ≈ 9.1e−13). Gains equal in exact arithmetic come out of different sums a few units
    /// of the last place apart (2e−16 relative in cop21); rounded, they are equal, and the tie rule
    /// (creation order) orders them, not the rounding. Rounding is monotonic, so a candidate whose
    /// gain fell never outranks one it ranked below.
    /// </summary>
    internal static double RankingGain(double gain)
    {
        const int dropped = 52 - 40;
        var bits = BitConverter.DoubleToUInt64Bits(gain);
        return BitConverter.UInt64BitsToDouble((bits + (1UL << (dropped - 1))) & ~((1UL << dropped) - 1));
    }

    /// <summary>Whether a position lies on the 0–100 scale (to within the rounding allowed a whole-scale move).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnScale(double position) => position >= 100 - MaximumMove && position <= MaximumMove;

    /// <summary>
    /// How far a cut lets the outcome shift: to the demanding actor's position, measured from the
    /// outcome it has seen with the supplier where the demander last saw it. That is
    /// <paramref name="ahead"/> (measured with the supplier where it is now) when the demander
    /// never saw this supplier move on the issue; when it did and the supplier has moved on since
    /// (with other partners), the cut lets the outcome pass the demander by that further move.
    /// </summary>
    /// <remarks>
    /// This is the reference's rule: its cut places the supplier so that the outcome lands on the
    /// demander, computing the outcome from the positions the demander has seen, among them the
    /// supplier's own earlier position; the move found is then made from the supplier's present
    /// position (docs/models/exchange.md, "The cut").
    /// </remarks>
    private static double CutShift(double ahead, double total, in CellState supplier, double seenOwn, int direction)
    {
        // An outcome on the demander (to within Reached, either side) lands on it: nothing is left.
        var toDemander = Math.Max(ahead, 0);
        return double.IsNaN(seenOwn) ? toDemander : toDemander + (supplier.Weight * (supplier.Position - seenOwn) / total * direction);
    }

    /// <summary>
    /// The seen shift of a demanding actor (its <see cref="CellState.SeenShift"/> times the
    /// direction towards it) up to which a proposal stays exactly as computed, given how far the
    /// actor is <paramref name="ahead"/> of the outcome it has seen and the proposal's
    /// <paramref name="shift"/> of that issue's outcome.
    /// </summary>
    /// <remarks>
    /// This side's cut applies when <see cref="Reached"/> &lt; ahead &lt; <paramref name="shift"/>
    /// (−<see cref="Reached"/> &lt; ahead with <see cref="boundaryShort"/>),
    /// the shift it is checked against (the proposal's shift before this side's cut). As the seen
    /// shift grows, ahead falls by as much. While ahead stays at or above that shift the cut does
    /// not apply and nothing that depends on the sighting changes: the shift, gain, moves and
    /// validity are the same. While the cut applies (ahead below the shift) the candidate is
    /// recomputed at every sighting. Once ahead is at most <see cref="Reached"/>
    /// (−<see cref="Reached"/>) it stays so, and the cut never applies again. The margin
    /// (relative and absolute 1e-9 on the 0–100 scale) covers rounding in ahead, about 1e-13, and
    /// in the other side's division by the salience ratio, so the skip is exact.
    /// Returns −∞ (recompute at every sighting) when <paramref name="direction"/> does not point
    /// towards the demander, which the candidate rules exclude.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float SteadyLimit(in CellState demander, int direction, double ahead, double shift)
    {
        if (!skipsSteady || direction != TowardsDemander(demander))
        {
            return float.NegativeInfinity;
        }

        if (ahead <= (boundaryShort ? -Reached : Reached))
        {
            return float.PositiveInfinity;
        }

        if (ahead <= Reached)
        {
            // boundaryShort, on the demander: cut to nothing now, not once a sighting carries the
            // outcome past.
            return float.NegativeInfinity;
        }

        // Kept as a float, rounded down (recomputing a little early is always exact), to halve
        // the demand heaps.
        var limit = (demander.SeenShift * direction) + ahead - (shift * (1 + SteadyMargin)) - SteadyMargin;
        var rounded = (float)limit;
        return rounded > limit ? NextBelow(rounded) : rounded;
    }

    /// <summary>
    /// <see cref="MathF.BitDecrement"/> of a float above some double (so neither NaN nor −∞), which the runtime
    /// leaves a call: the next float towards −∞ (+0 → the smallest negative subnormal, +∞ → the largest float).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float NextBelow(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return BitConverter.Int32BitsToSingle(bits > 0 ? bits - 1 : bits == 0 ? unchecked((int)0x80000001) : bits + 1);
    }

    /// <summary>
    /// The outcome on an issue as the <paramref name="demander"/> has seen it: the round's
    /// <paramref name="start"/>ing outcome, plus the moves of its own partners on that issue this
    /// round, plus the <paramref name="supplier"/>'s own moves so far (which replace what the
    /// demander saw of it, <paramref name="seenOwn"/>, if they traded before).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SeenOutcome(double start, double total, in CellState demander, in CellState supplier, double seenOwn)
    {
        var seen = start + demander.SeenShift;
        if (!double.IsNaN(seenOwn))
        {
            seen -= supplier.Weight * (seenOwn - supplier.Preference) / total;
        }

        // A supplier that has not moved adds ±0, which changes nothing that follows: skip the division.
        return supplier.Position == supplier.Preference ? seen : seen + (supplier.Weight * (supplier.Position - supplier.Preference) / total);
    }

    private long SeenKey(int demanderCell, int mover) => ((long)demanderCell * actorCount) + mover;

    /// <summary>Records that <paramref name="demander"/> saw <paramref name="mover"/> move to <paramref name="to"/> on <paramref name="issue"/>; a partner seen twice keeps its smaller move.</summary>
    private void RecordSeen(int issue, int demander, int mover, double to)
    {
        var demanderCell = Cell(issue, demander);
        var moverCell = Cell(issue, mover);
        var key = SeenKey(demanderCell, mover);
        if (seenPositions.TryGetValue(key, out var recorded))
        {
            if (Math.Abs(recorded - states[moverCell].Preference) <= Math.Abs(to - states[moverCell].Preference))
            {
                return;
            }

            // The seen outcome moves back, which the steady limits of the demander's queue do not
            // allow for (a supplier moves one way in a round, so this is not expected to happen).
            states[demanderCell].SeenShift -= states[moverCell].Weight * (recorded - states[moverCell].Preference) / total[issue];
            states[demanderCell].Unsettled = true;
        }

        seenPositions[key] = to;
        states[demanderCell].SeenShift += states[moverCell].Weight * (to - states[moverCell].Preference) / total[issue];
    }

    private (double ToP, double ToQ) Apply(int index, ExchangeProposal proposal)
    {
        ref var candidate = ref candidates[index];
        int p = candidate.P, q = candidate.Q, s = candidate.SupplierP, t = candidate.SupplierQ;
        int sp = Cell(p, s), sq = Cell(q, s), tp = Cell(p, t), tq = Cell(q, t);
        var shiftP = proposal.ShiftP;
        var shiftQ = proposal.ShiftQ;
        var gainS = rexP > 0 ? (states[sq].Salience * shiftQ) - (states[sp].Salience * shiftP) : proposal.Gain;
        var gainT = rexP > 0 ? (states[tp].Salience * shiftP) - (states[tq].Salience * shiftQ) : proposal.Gain;

        var fromP = states[sp].Position;
        var fromQ = states[tq].Position;
        var toP = MoveTowards(fromP, states[tp].Preference, shiftP * total[p] / states[sp].Weight * proposal.DirectionP);
        var toQ = MoveTowards(fromQ, states[sq].Preference, shiftQ * total[q] / states[tq].Weight * proposal.DirectionQ);
        var outcomeP = outcome[p];
        var outcomeQ = outcome[q];
        states[sp].Position = toP;
        states[tq].Position = toQ;
        outcome[p] += states[sp].Weight * (toP - fromP) / total[p];
        outcome[q] += states[tq].Weight * (toQ - fromQ) / total[q];
        states[sp].Direction = (sbyte)proposal.DirectionP;
        states[tq].Direction = (sbyte)proposal.DirectionQ;
        RecordSeen(p, t, s, toP);
        RecordSeen(q, s, t, toQ);

        if (trace)
        {
            realized.Add(new RealizedExchange
            {
                FirstActor = actors[s].Id,
                FirstIssue = issues[p].Id,
                FirstFrom = ToScale(p, fromP),
                FirstTo = ToScale(p, toP),
                SecondActor = actors[t].Id,
                SecondIssue = issues[q].Id,
                SecondFrom = ToScale(q, fromQ),
                SecondTo = ToScale(q, toQ),
                Gain = proposal.Gain,
                FirstGain = gainS,
                SecondGain = gainT,
                Externalities = Externalities(p, q, s, t, outcomeP, outcomeQ),
            });
        }

        return (toP, toQ);
    }

    /// <summary>Draws candidate <paramref name="c"/>'s REX numbers u, v, z ~ U(0, 1) anew (with REX only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DrawRex(int c)
    {
        if (rexP > 0)
        {
            rexDraws[c] = new RexDraw(random.NextDouble(), random.NextDouble(), random.NextDouble());
        }
    }

    /// <summary>
    /// REX, the randomised exchange, as the reference computes it (its <c>randomized_gain</c> and
    /// <c>calculate_maximum_utility</c>): u &lt; 0.5 picks t (the supplier of q), else s; the picked
    /// actor's gain G becomes G + p z (Gmax − G) when v &lt; 0.5, else G − p z G. The picked actor
    /// moves all the way to its partner and the partner moves as far as gives the picked actor that
    /// gain; when the partner would pass the picked actor, the partner moves all the way and the
    /// picked actor only as far as that gain allows; when the picked actor's full move would carry
    /// the outcome, as its partner has seen it, past the partner, it is cut as in the equal-gain
    /// exchange and the partner's move follows from the gain. Returns the outcome shifts on p and q.
    /// </summary>
    /// <param name="draw">The candidate's draws.</param>
    /// <param name="gain">The equal gain G (after the cuts).</param>
    /// <param name="salienceSp">Saliences: s on p, s on q, t on p, t on q.</param>
    /// <param name="salienceSq">s on q.</param>
    /// <param name="salienceTp">t on p.</param>
    /// <param name="salienceTq">t on q.</param>
    /// <param name="fullP">The shift of O_p when s moves all the way to t.</param>
    /// <param name="fullQ">The shift of O_q when t moves all the way to s.</param>
    /// <param name="cutP">The cut shift of O_p when s's full move would pass t as t has seen it, else NaN.</param>
    /// <param name="cutQ">The cut shift of O_q when t's full move would pass s as s has seen it, else NaN.</param>
    /// <remarks>
    /// Gmax is the picked actor's gain when its partner gains nothing, in the reference's corner:
    /// when s's full move on p is worth more to t (s_tp fullP) than t's full move on q is worth to
    /// s (s_sq fullQ), t moves all the way (shift fullQ) and the partner's concession makes the
    /// other gain nothing; else s moves all the way. Where the reference's code is in error,
    /// Parley does what the code is written to do (docs/models/exchange.md, REX): the cut, and
    /// the partner's full move, never carry the picked actor past its partner or away from it.
    /// </remarks>
    private (double ShiftP, double ShiftQ) RandomisedShifts(
        RexDraw draw, double gain, double salienceSp, double salienceSq, double salienceTp, double salienceTq, double fullP, double fullQ, double cutP, double cutQ)
    {
        double maximumS, maximumT;
        if (fullP * salienceTp > fullQ * salienceSq)
        {
            maximumS = fullQ * (salienceSq - (salienceTq * salienceSp / salienceTp));
            maximumT = fullQ * ((salienceSq * salienceTp / salienceSp) - salienceTq);
        }
        else
        {
            maximumT = fullP * (salienceTp - (salienceSp * salienceTq / salienceSq));
            maximumS = fullP * ((salienceTp * salienceSq / salienceTq) - salienceSp);
        }

        double Redrawn(double maximum) => draw.V < 0.5 ? gain + (rexP * draw.Z * (maximum - gain)) : gain - (rexP * draw.Z * gain);

        if (draw.U < 0.5)
        {
            // t is picked: t gains s_tp dO_p - s_tq dO_q, moving on q.
            var (shiftQ, shiftP) = PickedShifts(Redrawn(maximumT), salienceTq, salienceTp, fullQ, fullP, cutQ);
            return (shiftP, shiftQ);
        }
        else
        {
            // s is picked: s gains s_sq dO_q - s_sp dO_p, moving on p.
            return PickedShifts(Redrawn(maximumS), salienceSp, salienceSq, fullP, fullQ, cutP);
        }
    }

    /// <summary>
    /// The outcome shifts of a REX exchange for the picked actor, which is to gain
    /// <paramref name="target"/>: on the issue it supplies (salience <paramref name="supplySalience"/>,
    /// full shift <paramref name="fullOwn"/>, cut shift <paramref name="cutOwn"/> or NaN) and on
    /// the one its partner supplies (its salience there <paramref name="demandSalience"/>, the
    /// partner's full shift <paramref name="fullPartner"/>).
    /// </summary>
    private static (double Own, double Partner) PickedShifts(double target, double supplySalience, double demandSalience, double fullOwn, double fullPartner, double cutOwn)
    {
        var partner = (target + (supplySalience * fullOwn)) / demandSalience;
        if (partner > fullPartner)
        {
            // The partner moves all the way; the picked actor concedes what leaves it the target gain.
            // The reference takes the absolute value, and lets the move pass the partner; Parley stops it there.
            return (Math.Min(fullOwn, Math.Abs((target - (demandSalience * fullPartner)) / supplySalience)), fullPartner);
        }

        if (!double.IsNaN(cutOwn))
        {
            return (cutOwn, (target + (supplySalience * cutOwn)) / demandSalience);
        }

        return (fullOwn, partner);
    }

    private ImmutableArray<Externality> Externalities(int p, int q, int s, int t, double outcomeP, double outcomeQ)
    {
        var builder = ImmutableArray.CreateBuilder<Externality>();
        for (var k = 0; k < actorCount; k++)
        {
            int kp = Cell(p, k), kq = Cell(q, k);
            if (k == s || k == t || !hasStance[kp] || !hasStance[kq])
            {
                continue;
            }

            var value = (states[kp].Salience * (Math.Abs(outcomeP - states[kp].Preference) - Math.Abs(outcome[p] - states[kp].Preference)))
                + (states[kq].Salience * (Math.Abs(outcomeQ - states[kq].Preference) - Math.Abs(outcome[q] - states[kq].Preference)));
            var inner = (states[kp].Left == states[Cell(p, s)].Left && states[kq].Left == states[Cell(q, s)].Left)
                || (states[kp].Left == states[Cell(p, t)].Left && states[kq].Left == states[Cell(q, t)].Left);
            builder.Add(new Externality(actors[k].Id, value, inner ? "inner" : "outer"));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Moves from <paramref name="from"/> by <paramref name="move"/>, landing exactly on
    /// <paramref name="target"/> when the move was meant to reach it (to within rounding). A cut
    /// may carry a supplier past its partner (see <see cref="CutShift"/>); that move is kept.
    /// </summary>
    private static double MoveTowards(double from, double target, double move)
    {
        var to = from + move;
        if (Math.Abs(to - target) <= Math.Abs(target - from) * 1e-12)
        {
            return target;
        }

        return Math.Clamp(to, 0, 100);
    }

    /// <summary>The capability × salience weighted mean of each stance's preference (or position) on an issue; the plain mean when every weight is 0.</summary>
    private double WeightedMean(int issue, bool preferences)
    {
        double weighted = 0, plain = 0;
        var count = 0;
        for (var actor = 0; actor < actorCount; actor++)
        {
            var cell = Cell(issue, actor);
            if (hasStance[cell])
            {
                ref var state = ref states[cell];
                var value = preferences ? state.Preference : state.Position;
                weighted += state.Weight * value;
                plain += value;
                count++;
            }
        }

        return total[issue] > 0 ? weighted / total[issue] : count > 0 ? plain / count : 0;
    }

    private double ToInternal(int issue, double value)
    {
        var scale = issues[issue];
        return scale.ScaleMin == 0 && scale.ScaleMax == 100 ? value : (value - scale.ScaleMin) * 100 / scale.ScaleWidth;
    }

    private double ToScale(int issue, double value)
    {
        var scale = issues[issue];
        return scale.ScaleMin == 0 && scale.ScaleMax == 100 ? value : scale.ScaleMin + (value * scale.ScaleWidth / 100);
    }

    /// <summary>
    /// For each actor-issue cell, a list of entries naming <c>(candidate &lt;&lt; 1) | k</c>, k = 0
    /// when the cell is on the candidate's issue P and 1 when on Q, in ascending candidate order.
    /// The lists lie back to back in <see cref="Entries"/>, the cell's in
    /// [<see cref="Start"/>[cell], <see cref="End"/>[cell]), and may shrink as dead entries are dropped.
    /// </summary>
    private sealed class CellLists<TEntry>(int cells, TEntry[] entries)
    {
        public int[] Start { get; } = new int[cells + 1];

        public int[] End { get; } = new int[cells];

        public TEntry[] Entries { get; private set; } = entries;

        /// <summary>
        /// Lays out the lists from per-part counts, turning each part's count into the first slot
        /// it fills, with room for <paramref name="slack"/> entries more per entry in a list.
        /// </summary>
        public void Allot(int[][] fill, double slack = 0)
        {
            var running = 0L;
            for (var cell = 0; cell < End.Length; cell++)
            {
                Start[cell] = (int)running;
                foreach (var part in fill)
                {
                    var count = part[cell];
                    part[cell] = (int)running;
                    running += count;
                }

                End[cell] = (int)running;
                running += (long)((running - Start[cell]) * slack);
            }

            Start[End.Length] = (int)Math.Min(running, Array.MaxLength);
            if (Entries.Length < running)
            {
                Entries = new TEntry[Math.Max(1024, Start[End.Length])];
            }
        }
    }

    /// <summary>One actor on one issue: its stance and what the round has done so far; kept together so that a candidate's four cells take four cache lines.</summary>
    private struct CellState
    {
        /// <summary>The actor's preference (its position at the start of the round), rescaled to 0–100.</summary>
        public double Preference;

        /// <summary>The actor's voting position, moved by its exchanges this round.</summary>
        public double Position;

        /// <summary>Salience, and capability × salience (the actor's weight in the issue's outcome).</summary>
        public double Salience, Weight;

        /// <summary>As a demanding actor: how far the moves it has seen its partners make this round have shifted the outcome.</summary>
        public double SeenShift;

        /// <summary>The direction the actor has moved in this round (−1, 0 or +1).</summary>
        public sbyte Direction;

        /// <summary>Whether the actor's position was left of the outcome, or on it, at the start of the round.</summary>
        public bool Left;

        /// <summary>As a demanding actor: whether what it has seen moved back, so that its whole demand queue is to be recomputed.</summary>
        public bool Unsettled;
    }

    /// <summary>An engine's arrays that grow with the number of candidates, handed from one engine to the next on a thread (see <see cref="spare"/>); their contents are not carried over.</summary>
    private sealed class Buffers
    {
        public CandidateState[] Candidates { get; init; } = [];

        public ulong[] Alive { get; init; } = [];

        public byte[] Hits { get; init; } = [];

        public int[] Touched { get; init; } = [];

        public SteadyLimits[] Steady { get; init; } = [];

        public ulong[] SortKeys { get; init; } = [];

        public int[] SortItems { get; init; } = [];

        public RexDraw[] RexDraws { get; init; } = [];

        public int[] TieOrder { get; init; } = [];

        public ulong[] Sample { get; init; } = [];

        public Dictionary<long, double> SeenPositions { get; init; } = [];

        public PriorityQueue<int, RankedCandidate> Requeued { get; init; } = new();

        public SupplyEntry[] SupplyEntries { get; init; } = [];

        public DemandEntry[] DemandEntries { get; init; } = [];
    }

    /// <summary>A candidate's REX draws, each uniform on [0, 1).</summary>
    private readonly record struct RexDraw(double U, double V, double Z);

    /// <summary>A supplying-list entry: <c>(candidate &lt;&lt; 1) | k</c> as in <see cref="CellLists{TEntry}"/>, and the candidate's other actor.</summary>
    private readonly record struct SupplyEntry(int Entry, ushort Partner);

    /// <summary>A candidate's current steady limits (see <see cref="SteadyLimit"/>) on its issues P and Q; NaN once its entry was taken.</summary>
    private struct SteadyLimits(float p, float q)
    {
        public float P = p, Q = q;
    }

    /// <summary>One candidate of a round and what the round has done to it so far.</summary>
    private struct CandidateState
    {
        /// <summary>The issues (indices, P &lt; Q) and the actors supplying on each.</summary>
        public ushort P, Q, SupplierP, SupplierQ;

        /// <summary>The gain the candidate is ranked at (its gain when last re-ranked).</summary>
        public double RankedGain;

        /// <summary>The sum of the supplier's earlier offers on its issue, and its latest offer (signed, 0-100 units).</summary>
        public double OfferedP, OfferedQ, LastMoveP, LastMoveQ;

        /// <summary>Where each demanding actor last saw this candidate's supplier move to, NaN if never.</summary>
        public double SeenOwnP, SeenOwnQ;

    }
}
