using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Numerics;
using Parley.Core.Staging;
using Parley.Core.WhatIf;

namespace Parley.Core.Influence;

/// <summary>
/// Who holds the key: per issue, each actor's influence on a model's (staged) forecast, and the
/// smallest change of one input that moves the forecast by a chosen amount.
/// </summary>
/// <remarks>
/// <para>The forecast analysed is the staged forecast (<see cref="StagedForecaster"/>), which for a
/// scenario without stages is the plain model run. A coalition S is the scenario with every other
/// player removed (<see cref="ScenarioEdits.WithoutActors"/>); its value on an issue is the
/// forecast S produces there, or the reference point (status quo, else the scale's midpoint) when S
/// produces none or holds no capability × salience on the issue (a weightless coalition cannot
/// move an issue, even where a model's fallback would count weightless actors equally; so an actor
/// of zero capability gets a Shapley value of 0). Players are the actors with a stance or with members; the others cannot move any
/// forecast and stay seated throughout.</para>
/// <para>Absence shift: <c>v(N) − v(N∖{i})</c>. Shapley value (Shapley 1953, "A value for n-person
/// games", in Kuhn &amp; Tucker (eds.), <i>Contributions to the Theory of Games II</i>, 307–317;
/// applied to voting power by Shapley &amp; Shubik 1954, <i>American Political Science Review</i>
/// 48(3): 787–792): <c>φᵢ = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S))</c>, computed
/// over all 2ⁿ coalitions up to <see cref="InfluenceOptions.ExactLimit"/> players, else estimated
/// as the mean marginal contribution over <see cref="InfluenceOptions.Permutations"/> random
/// orders (Castro, Gómez &amp; Tejada 2009, <i>Computers &amp; Operations Research</i> 36(5):
/// 1726–1730) drawn from Parley's seeded xoshiro256** generator (<see cref="Xoshiro256StarStar"/>). The values sum to <c>v(N) − v(∅)</c>
/// (efficiency), exactly when computed exactly.</para>
/// <para>Smallest change: for each actor's position (within the scale), salience (0–1) and capability
/// on the issue (0 to ten times the issue's total capability), in each direction, the forecast is
/// evaluated at 8 evenly spaced points toward the end of the range; the first that moves the
/// forecast by at least <see cref="InfluenceOptions.Shift"/> brackets the threshold, which bisection
/// then narrows until the bracket is within <see cref="InfluenceOptions.SearchPrecision"/> of the
/// change (by default 5 × 10⁻⁴ of it, under half a unit of the third significant digit printed) or
/// the change is knife-edge, for at most <see cref="InfluenceOptions.SearchSteps"/> steps. The value
/// reported (<see cref="InputChange.To"/>) is one that was run and moves the forecast; the bracket's
/// other end is kept (<see cref="InputChange.Unmoved"/>). A model that does not read a stance's own
/// capability (<see cref="IModel.ReadsStanceCapability"/>, SMP) gets no capability search: no value
/// of it can move the forecast (while capabilities stay below 2⁶⁴ and no stage runs another
/// model), so it would only cost runs. The change reported is the one
/// of smallest relative size (see <see cref="InputChange.RelativeSize"/>); the smallest change of
/// each input is kept in <see cref="ActorInfluence.Changes"/>. When the forecast does
/// not move monotonically with the input the change found suffices but may not be the smallest.</para>
/// <para>Deterministic on any number of cores: same scenario, model options and seed give the same
/// numbers. The coalitions the Shapley values need are listed first (the sampled orders depend on
/// the seed alone) and run in parallel, each into its own slot, then summed in the sequential order;
/// each actor's searches run in parallel, each into its own slot. The two directions of a search
/// advance together, the nearer bracket first, and a direction stops as soon as the brackets prove
/// it cannot be chosen (the answer is unchanged; only runs are saved, so
/// <see cref="InfluenceResult.Runs"/> counts fewer).</para>
/// </remarks>
public static class InfluenceAnalysis
{
    private const int GridPoints = 8;

    /// <summary>Analyses every issue that has a forecast.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="model">The model (stages naming their own model use it, as in <see cref="StagedForecaster"/>).</param>
    /// <param name="modelOptions">Options of every model run.</param>
    /// <param name="options">Shift, Shapley and search settings.</param>
    /// <param name="cancellationToken">Stops the analysis between runs.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message says which and what is allowed).</exception>
    public static InfluenceResult Run(Scenario scenario, IModel model, ModelOptions modelOptions, InfluenceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(modelOptions);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.Shift) || options.Shift <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Shift, "Shift must be a positive finite number on the issue's scale");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.ExactLimit, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ExactLimit, 20, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Permutations, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SearchSteps, nameof(options));
        if (!(options.SearchPrecision >= 0 && options.SearchPrecision < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SearchPrecision, "SearchPrecision must be from 0 (inclusive) to 1 (exclusive)");
        }

        if (options.SearchedInputs.IsDefault || !options.SearchedInputs.All(InfluenceOptions.InputNames.Contains))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"SearchedInputs holds only {string.Join(", ", InfluenceOptions.InputNames)}");
        }

        var runs = 0;
        // Only the forecasts are read from every run, so models may skip their details and history.
        var leanOptions = modelOptions with { Lean = true };
        StagedResult Forecast(Scenario variant)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref runs);
            return StagedForecaster.Run(variant, model, leanOptions, cancellationToken);
        }

        var full = Forecast(scenario);
        var issues = full.Final
            .Where(f => options.Issues.IsDefaultOrEmpty || options.Issues.Contains(f.IssueId, StringComparer.Ordinal))
            .Select(f => scenario.FindIssue(f.IssueId)!)
            .ToArray();
        var reference = issues.Select(i => i.StatusQuo ?? (i.ScaleMin + (i.ScaleWidth / 2))).ToArray();
        double[] ValuesOf(StagedResult result) =>
            [.. issues.Select((issue, k) => result.ForIssue(issue.Id)?.Forecast ?? reference[k])];

        var speaking = scenario.Stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
        var players = scenario.Actors
            .Where(a => !a.Members.IsEmpty || speaking.Contains(a.Id))
            .Select(a => a.Id)
            .ToArray();
        var n = players.Length;
        // Thread-safe: one coalition's values from its own model run (none for the grand coalition).
        double[] Evaluate(bool[] inCoalition)
        {
            var absent = new List<string>();
            for (var i = 0; i < inCoalition.Length; i++)
            {
                if (!inCoalition[i])
                {
                    absent.Add(players[i]);
                }
            }

            var coalition = ScenarioEdits.WithoutActors(scenario, absent);
            var values = absent.Count == 0 ? ValuesOf(full) : ValuesOf(Forecast(coalition));
            for (var k = 0; k < issues.Length; k++)
            {
                // Without any capability x salience on the issue a coalition cannot move it, even
                // where a model's fallback would let weightless actors count equally.
                if (!coalition.StancesOn(issues[k].Id).Any(s => s.Weight > 0))
                {
                    values[k] = reference[k];
                }
            }

            return values;
        }

        var cache = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Value(ReadOnlySpan<bool> inCoalition)
        {
            var key = CoalitionKey(inCoalition);
            if (!cache.TryGetValue(key, out var values))
            {
                values = Evaluate(inCoalition.ToArray());
                cache[key] = values;
            }

            return values;
        }

        var everyone = Enumerable.Repeat(true, n).ToArray();
        var exact = n <= options.ExactLimit;
        var control = exact || !options.ShapleyControl ? null : new WeightedMeanGame(scenario, players, issues, reference);
        ShapleyEstimate Shapley(CoalitionValue value, WeightedMeanGame? control) =>
            exact ? ExactShapley(n, issues.Length, value) : SampledShapley(n, issues.Length, options, value, control);

        // Every coalition the values below need is known before any is run (the sampled orders come
        // from the seed alone): run the distinct ones on every core, then compute as before from
        // the cache, so the sums see the same numbers in the same order as a sequential run.
        Prefetch(value =>
        {
            value(everyone);
            for (var i = 0; i < n; i++)
            {
                var without = (bool[])everyone.Clone();
                without[i] = false;
                value(without);
            }

            // The control game asks for no coalition of the model.
            Shapley(value, control: null);
        }, issues.Length, cache, Evaluate, options.PhaseProgress, cancellationToken);

        var grand = Value(everyone);
        var absence = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var without = (bool[])everyone.Clone();
            without[i] = false;
            var values = Value(without);
            absence[i] = [.. grand.Select((v, k) => v - values[k])];
        }

        var shapley = Shapley(Value, control);

        // A model that never reads a stance's own capability (SMP) forecasts the same whatever it is,
        // as long as capabilities stay unscaled (at most 2^64) and no stage runs another model: no
        // capability change can then move a forecast, and its search would find nothing.
        var stanceCapabilityIdle = !model.ReadsStanceCapability
            && scenario.Stages.All(s => s.Model is null)
            && CapabilityBound.FactorFor(scenario) == 1.0;
        // The searches: one per issue, actor and input, all issues at once, taken in this order by every
        // core, each into its own slot. An issue is done when its last search is; progress counts the
        // issues done from the first on, so that a cancelled analysis returns those whole.
        var searches = new List<(int Issue, int Player, SearchInput Input)>();
        var remaining = new int[issues.Length];
        for (var k = 0; options.SearchSmallestChange && k < issues.Length; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (scenario.FindStance(players[i], issues[k].Id) is { } stance)
                {
                    foreach (var input in SearchInputs(scenario, issues[k], stance, stanceCapabilityIdle).Where(input => options.SearchedInputs.Contains(input.Name)))
                    {
                        searches.Add((k, i, input));
                        remaining[k]++;
                    }
                }
            }
        }

        var found = new InputChange?[searches.Count];
        var issuesDone = 0;
        var progressLock = new Lock();
        void CountDone()
        {
            lock (progressLock)
            {
                // Once cancelled (perhaps by the progress callback itself), no further issue counts as done.
                while (issuesDone < issues.Length && Volatile.Read(ref remaining[issuesDone]) == 0 && !cancellationToken.IsCancellationRequested)
                {
                    issuesDone++;
                    options.Progress?.Report(issuesDone);
                }
            }
        }

        options.Progress?.Report(0);
        var searchesDone = 0;
        if (options.SearchSmallestChange)
        {
            options.PhaseProgress?.Report(new InfluenceProgress(InfluencePhase.Searches, 0, searches.Count));
        }

        var partial = false;
        try
        {
            ForEachParallel(searches.Count, s =>
            {
                var (k, i, input) = searches[s];
                found[s] = SmallestChange(issues[k], input, grand[k], reference[k], options, Forecast);
                Interlocked.Decrement(ref remaining[k]);
                CountDone();
                options.PhaseProgress?.Report(new InfluenceProgress(InfluencePhase.Searches, Interlocked.Increment(ref searchesDone), searches.Count));
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled during the searches: the issues finished so far are a result of their own.
            partial = true;
        }

        CountDone();
        partial |= issuesDone < issues.Length;
        var results = ImmutableArray.CreateBuilder<IssueInfluence>(issuesDone);
        var next = 0;
        for (var k = 0; k < issuesDone; k++)
        {
            var changes = new List<InputChange>[n];
            for (; next < searches.Count && searches[next].Issue == k; next++)
            {
                if (found[next] is { } change)
                {
                    (changes[searches[next].Player] ??= []).Add(change);
                }
            }

            var actors = new List<(int Order, ActorInfluence Influence)>(n);
            for (var i = 0; i < n; i++)
            {
                actors.Add((i, new ActorInfluence
                {
                    ActorId = players[i],
                    AbsenceShift = absence[i][k],
                    Shapley = shapley.Values[i][k],
                    ShapleyStandardError = shapley.StandardErrors?[i][k],
                    Changes = changes[i] is null ? [] : [.. changes[i]],
                }));
            }

            results.Add(new IssueInfluence
            {
                IssueId = issues[k].Id,
                Forecast = grand[k],
                Reference = reference[k],
                ShapleyExact = exact,
                Actors = [.. actors
                    .OrderByDescending(a => Math.Abs(a.Influence.Shapley))
                    .ThenByDescending(a => Math.Abs(a.Influence.AbsenceShift))
                    .ThenBy(a => a.Order)
                    .Select(a => a.Influence)],
            });
        }

        return new InfluenceResult { Model = model.Info, Options = options, Players = n, Runs = runs, Issues = results.MoveToImmutable(), Partial = partial };
    }

    private delegate double[] CoalitionValue(ReadOnlySpan<bool> inCoalition);

    private static string CoalitionKey(ReadOnlySpan<bool> inCoalition) =>
        string.Create(inCoalition.Length, inCoalition.ToArray(), static (chars, flags) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = flags[i] ? '1' : '0';
            }
        });

    /// <summary>
    /// Runs <paramref name="algorithm"/> once against a recorder that answers zeros, collects the
    /// distinct coalitions it asks for that <paramref name="cache"/> lacks (in the order asked),
    /// evaluates them in parallel, each into its own slot, and adds them to the cache in that order,
    /// reporting the coalitions evaluated to <paramref name="progress"/>.
    /// </summary>
    private static void Prefetch(
        Action<CoalitionValue> algorithm, int issueCount, Dictionary<string, double[]> cache, Func<bool[], double[]> evaluate,
        IProgress<InfluenceProgress>? progress, CancellationToken cancellationToken)
    {
        var wanted = new List<bool[]>();
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var zeros = new double[issueCount];
        algorithm(flags =>
        {
            var key = CoalitionKey(flags);
            if (!cache.ContainsKey(key) && seen.Add(key))
            {
                wanted.Add(flags.ToArray());
                keys.Add(key);
            }

            return zeros;
        });

        var values = new double[wanted.Count][];
        var done = 0;
        progress?.Report(new InfluenceProgress(InfluencePhase.Coalitions, 0, wanted.Count));
        ForEachParallel(wanted.Count, w =>
        {
            values[w] = evaluate(wanted[w]);
            progress?.Report(new InfluenceProgress(InfluencePhase.Coalitions, Interlocked.Increment(ref done), wanted.Count));
        }, cancellationToken);
        for (var w = 0; w < wanted.Count; w++)
        {
            cache[keys[w]] = values[w];
        }
    }

    /// <summary>
    /// <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on every core, each call on a
    /// thread marked as an outer worker (the model runs it makes stay on that thread); in order on
    /// the calling thread when that is itself an outer worker (an analysis inside parallel work).
    /// Each worker takes the next index not yet taken, so the work is done roughly in index order
    /// (what is done first finishes first) and no worker idles while another has a queue of its own.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; no index is started after that.</exception>
    private static void ForEachParallel(int count, Action<int> body, CancellationToken cancellationToken)
    {
        var workers = Math.Min(Environment.ProcessorCount, count);
        if (workers < 2 || NestedParallelism.IsOuterWorker)
        {
            for (var index = 0; index < count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(index);
            }

            return;
        }

        var next = -1;
        var failedAt = int.MaxValue;
        Exception? failure = null;
        var failureLock = new Lock();
        void Work()
        {
            using var outer = NestedParallelism.Enter();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && Volatile.Read(ref failedAt) == int.MaxValue && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    body(index);
                }
                catch (Exception exception)
                {
                    // Keep what a sequential loop would have thrown: the failure at the lowest index.
                    lock (failureLock)
                    {
                        if (index < failedAt)
                        {
                            (failedAt, failure) = (index, exception);
                        }
                    }
                }
            }
        }

        var others = new Thread[workers - 1];
        for (var w = 0; w < others.Length; w++)
        {
            others[w] = new Thread(Work, maxStackSize: 0) { IsBackground = true, Name = "Parley influence worker" };
            others[w].Start();
        }

        Work();
        foreach (var thread in others)
        {
            thread.Join();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Shapley values per player and issue; with their standard errors when sampled (<c>null</c> when exact).</summary>
    private sealed record ShapleyEstimate(double[][] Values, double[][]? StandardErrors);

    private static ShapleyEstimate ExactShapley(int n, int issueCount, CoalitionValue value)
    {
        // weight(s) = s!(n-s-1)!/n!, the chance that exactly the s others precede i in a random order.
        var weight = new double[Math.Max(n, 1)];
        for (var s = 0; s < n; s++)
        {
            double w = 1.0 / n;
            for (var j = 1; j <= s; j++)
            {
                w *= (double)j / (n - j);
            }

            weight[s] = w;
        }

        var shapley = new double[n][];
        for (var i = 0; i < n; i++)
        {
            shapley[i] = new double[issueCount];
        }

        var flags = new bool[n];
        var count = 1L << n;
        for (long mask = 0; mask < count; mask++)
        {
            var size = 0;
            for (var i = 0; i < n; i++)
            {
                flags[i] = (mask & (1L << i)) != 0;
                size += flags[i] ? 1 : 0;
            }

            var without = value(flags);
            for (var i = 0; i < n; i++)
            {
                if (flags[i])
                {
                    continue;
                }

                flags[i] = true;
                var with = value(flags);
                flags[i] = false;
                for (var k = 0; k < issueCount; k++)
                {
                    shapley[i][k] += weight[size] * (with[k] - without[k]);
                }
            }
        }

        return new ShapleyEstimate(shapley, null);
    }

    /// <summary>
    /// The mean marginal contribution over <see cref="InfluenceOptions.Permutations"/> sampled orders,
    /// and its standard error: the sample standard deviation of the contributions (divisor P − 1)
    /// over √P, the estimator's standard error (Castro, Gómez &amp; Tejada 2009); NaN for a single order, which shows no spread.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="control"/> game (<see cref="WeightedMeanGame"/>), whose contributions
    /// <c>c′</c> in the same orders go with the model's <c>c</c>, and whose own Shapley value <c>φ′</c> is
    /// estimated from <see cref="ControlOrdersPerOrder"/> times as many orders of its own, each player's
    /// value on each issue is the regression estimate <c>mean(c) − β (mean(c′) − φ′)</c>, with
    /// <c>β = cov(c, c′) / var(c′)</c> fitted to the sampled orders (0 when <c>c′</c> does not vary): the
    /// control variate estimator with its fitted coefficient (Owen 2013, <i>Monte Carlo theory, methods
    /// and examples</i>, ch. 8; for Shapley values, Goldwasser &amp; Hooker 2024, "Stabilizing estimates
    /// of Shapley values with control variates", <i>xAI 2024</i>, arXiv:2310.07672). Its variance is
    /// the plain estimator's times <c>1 − ρ²</c> (ρ the correlation of <c>c</c> and <c>c′</c>), so
    /// never larger, up to a bias of order 1/P from the fitted β. The standard error is the residuals'
    /// (<c>c − β c′</c>, divisor P − 1) over √P, combined with <c>β</c> times the control's own. The
    /// values are then made to sum to <c>v(N) − v(∅)</c> again (<see cref="RestoreEfficiency"/>).
    /// </remarks>
    private static ShapleyEstimate SampledShapley(int n, int issueCount, InfluenceOptions options, CoalitionValue value, WeightedMeanGame? control)
    {
        var orders = options.Permutations;
        var random = Xoshiro256StarStar.FromSeed(options.Seed);
        // Every contribution, by player and issue, then order: the means and spreads in two passes.
        var model = NewContributionTable(n, issueCount, orders);
        var controlled = control is null ? null : NewContributionTable(n, issueCount, orders);
        var order = new int[n];
        var flags = new bool[n];
        var controlBefore = new double[issueCount];
        var controlAfter = new double[issueCount];
        for (var p = 0; p < orders; p++)
        {
            DrawOrder(ref random, order);
            Array.Clear(flags);
            control?.Start(controlBefore);
            var before = value(flags);
            foreach (var i in order)
            {
                flags[i] = true;
                var after = value(flags);
                control?.Join(i, controlAfter);
                for (var k = 0; k < issueCount; k++)
                {
                    model[i][k][p] = after[k] - before[k];
                    if (controlled is not null)
                    {
                        controlled[i][k][p] = controlAfter[k] - controlBefore[k];
                    }
                }

                before = after;
                (controlBefore, controlAfter) = (controlAfter, controlBefore);
            }
        }

        var own = control is null ? null : ControlShapley(n, issueCount, options, control);
        var values = new double[n][];
        var standardErrors = new double[n][];
        for (var i = 0; i < n; i++)
        {
            values[i] = new double[issueCount];
            standardErrors[i] = new double[issueCount];
            for (var k = 0; k < issueCount; k++)
            {
                var contributions = model[i][k];
                var mean = MeanOf(contributions);
                if (controlled is null || own is null)
                {
                    values[i][k] = mean;
                    standardErrors[i][k] = Math.Sqrt(SumOfSquaredDeviations(contributions, mean) / (orders - 1.0) / orders);
                    continue;
                }

                var controls = controlled[i][k];
                var controlMean = MeanOf(controls);
                double covariance = 0, variance = 0;
                for (var p = 0; p < orders; p++)
                {
                    covariance += (contributions[p] - mean) * (controls[p] - controlMean);
                    variance += (controls[p] - controlMean) * (controls[p] - controlMean);
                }

                var beta = variance > 0 && double.IsFinite(covariance / variance) ? covariance / variance : 0;
                var residuals = 0.0;
                for (var p = 0; p < orders; p++)
                {
                    var residual = (contributions[p] - mean) - (beta * (controls[p] - controlMean));
                    residuals += residual * residual;
                }

                var controlError = beta * own.StandardErrors![i][k];
                values[i][k] = beta == 0 ? mean : mean - (beta * (controlMean - own.Values[i][k]));
                standardErrors[i][k] = Math.Sqrt((residuals / (orders - 1.0) / orders) + (controlError * controlError));
            }
        }

        if (control is not null)
        {
            RestoreEfficiency(values, standardErrors, value);
        }

        return new ShapleyEstimate(values, standardErrors);
    }

    /// <summary>
    /// Plain sampled values sum to <c>v(N) − v(∅)</c> (each order's contributions do), but with a
    /// fitted control coefficient per player they miss it by about their errors. The gap is shared in
    /// proportion to each value's variance (the variance-weighted least-squares projection onto the
    /// efficiency constraint), so the values again apportion the whole move of the forecast.
    /// </summary>
    private static void RestoreEfficiency(double[][] values, double[][] standardErrors, CoalitionValue value)
    {
        var n = values.Length;
        var flags = new bool[n];
        var empty = value(flags);
        Array.Fill(flags, true);
        var grand = value(flags);
        for (var k = 0; k < grand.Length; k++)
        {
            var gap = grand[k] - empty[k];
            var variance = 0.0;
            for (var i = 0; i < n; i++)
            {
                gap -= values[i][k];
                variance += standardErrors[i][k] * standardErrors[i][k];
            }

            if (!(variance > 0 && double.IsFinite(variance) && double.IsFinite(gap)))
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                values[i][k] += gap * (standardErrors[i][k] * standardErrors[i][k] / variance);
            }
        }
    }

    private static double[][][] NewContributionTable(int n, int issueCount, int orders)
    {
        var table = new double[n][][];
        for (var i = 0; i < n; i++)
        {
            table[i] = new double[issueCount][];
            for (var k = 0; k < issueCount; k++)
            {
                table[i][k] = new double[orders];
            }
        }

        return table;
    }

    /// <summary>The mean, each term divided first, so that contributions near the largest double still sum.</summary>
    private static double MeanOf(double[] values)
    {
        var mean = 0.0;
        foreach (var value in values)
        {
            mean += value / values.Length;
        }

        return mean;
    }

    private static double SumOfSquaredDeviations(double[] values, double mean)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return sum;
    }

    /// <summary>
    /// The control game's Shapley values and their standard errors, from <see cref="ControlOrdersPerOrder"/>
    /// times <see cref="InfluenceOptions.Permutations"/> orders of a stream of the seed's own, independent
    /// of the model's orders; the spread by Welford's update, which keeps no table of contributions.
    /// </summary>
    private static ShapleyEstimate ControlShapley(int n, int issueCount, InfluenceOptions options, WeightedMeanGame control)
    {
        var orders = options.Permutations * ControlOrdersPerOrder;
        var random = Xoshiro256StarStar.ForStream(options.Seed, ControlStream);
        var mean = new double[n][];
        var runningMean = new double[n][];
        var squaredDeviations = new double[n][];
        for (var i = 0; i < n; i++)
        {
            mean[i] = new double[issueCount];
            runningMean[i] = new double[issueCount];
            squaredDeviations[i] = new double[issueCount];
        }

        var order = new int[n];
        var before = new double[issueCount];
        var after = new double[issueCount];
        for (var p = 0; p < orders; p++)
        {
            DrawOrder(ref random, order);
            control.Start(before);
            foreach (var i in order)
            {
                control.Join(i, after);
                for (var k = 0; k < issueCount; k++)
                {
                    var contribution = after[k] - before[k];
                    mean[i][k] += contribution / orders;
                    var delta = contribution - runningMean[i][k];
                    runningMean[i][k] += delta / (p + 1);
                    squaredDeviations[i][k] += delta * (contribution - runningMean[i][k]);
                }

                (before, after) = (after, before);
            }
        }

        var standardErrors = new double[n][];
        for (var i = 0; i < n; i++)
        {
            standardErrors[i] = new double[issueCount];
            for (var k = 0; k < issueCount; k++)
            {
                standardErrors[i][k] = Math.Sqrt(squaredDeviations[i][k] / (orders - 1.0) / orders);
            }
        }

        return new ShapleyEstimate(mean, standardErrors);
    }

    /// <summary>How many orders of its own the control game's Shapley value is estimated from, per sampled order of the model.</summary>
    private const int ControlOrdersPerOrder = 100;

    /// <summary>The generator stream of the control game's orders (the model's orders use the seed's first stream).</summary>
    private const ulong ControlStream = 1;

    /// <summary>
    /// The control game of sampled Shapley values: a coalition's value on an issue is the capability ×
    /// salience weighted mean of its members' positions (the compromise model), or the reference point
    /// when it holds no weight there, as the analysed game's value is. Cheap (one addition per player
    /// joining), with exact-to-rounding Shapley values to be had from many orders, and close to what the
    /// bargaining models forecast for small coalitions, where the sampled contributions spread most.
    /// Issues whose weights or positions could overflow the sums get no control (their differences are
    /// the plain contributions).
    /// </summary>
    private sealed class WeightedMeanGame
    {
        private readonly double[][] weight;
        private readonly double[][] weightedPosition;
        private readonly double[] reference;
        private readonly bool[] controlled;
        private readonly double[] totalWeight;
        private readonly double[] totalWeightedPosition;
        private readonly int[] weighted;

        public WeightedMeanGame(Scenario scenario, IReadOnlyList<string> players, IReadOnlyList<Issue> issues, double[] reference)
        {
            var n = players.Count;
            this.reference = reference;
            weight = new double[n][];
            weightedPosition = new double[n][];
            for (var i = 0; i < n; i++)
            {
                weight[i] = new double[issues.Count];
                weightedPosition[i] = new double[issues.Count];
            }

            controlled = new bool[issues.Count];
            for (var k = 0; k < issues.Count; k++)
            {
                var stances = scenario.StancesOn(issues[k].Id).ToDictionary(s => s.ActorId, StringComparer.Ordinal);
                // Weights relative to the largest, so that capabilities near the largest double still sum.
                var largest = stances.Values.Select(s => s.Weight).Where(double.IsFinite).DefaultIfEmpty(0).Max();
                var bound = 0.0;
                for (var i = 0; i < n; i++)
                {
                    if (largest > 0 && stances.TryGetValue(players[i], out var stance) && stance.Weight > 0)
                    {
                        weight[i][k] = stance.Weight / largest;
                        weightedPosition[i][k] = weight[i][k] * stance.Position;
                        bound += Math.Abs(weightedPosition[i][k]) + Math.Abs(stance.Position);
                    }
                }

                controlled[k] = largest > 0 && double.IsFinite(largest) && double.IsFinite(bound * 4) && double.IsFinite(reference[k] * 4);
            }

            totalWeight = new double[issues.Count];
            totalWeightedPosition = new double[issues.Count];
            weighted = new int[issues.Count];
        }

        /// <summary>Empties the coalition; <paramref name="values"/> receives the empty coalition's values (0 on uncontrolled issues).</summary>
        public void Start(double[] values)
        {
            Array.Clear(totalWeight);
            Array.Clear(totalWeightedPosition);
            Array.Clear(weighted);
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = controlled[k] ? reference[k] : 0;
            }
        }

        /// <summary>Adds <paramref name="player"/>; <paramref name="values"/> receives the coalition's values (0 on uncontrolled issues).</summary>
        public void Join(int player, double[] values)
        {
            for (var k = 0; k < values.Length; k++)
            {
                if (!controlled[k])
                {
                    values[k] = 0;
                    continue;
                }

                if (weight[player][k] > 0)
                {
                    totalWeight[k] += weight[player][k];
                    totalWeightedPosition[k] += weightedPosition[player][k];
                    weighted[k]++;
                }

                values[k] = weighted[k] > 0 ? totalWeightedPosition[k] / totalWeight[k] : reference[k];
            }
        }
    }

    /// <summary>A uniformly random order of the players 0 … n − 1 (<see cref="Shuffle"/> of the identity).</summary>
    private static void DrawOrder(ref Xoshiro256StarStar random, int[] order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Shuffle(ref random, order);
    }

    /// <summary>Fisher–Yates from the end, each index drawn without modulo bias (rejection of the top remainder).</summary>
    private static void Shuffle(ref Xoshiro256StarStar random, Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var range = (ulong)(i + 1);
            var limit = ulong.MaxValue - (ulong.MaxValue % range);
            ulong draw;
            do
            {
                draw = random.NextUInt64();
            }
            while (draw >= limit);

            var j = (int)(draw % range);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>One input of one stance that the smallest-change search varies: its range, the scale its change is measured on, and the scenario with it set to a value.</summary>
    private sealed record SearchInput(
        string Name, Scenario Scenario, Stance Stance, double Current, double Low, double High, ValueRange Plausible, Func<double, Stance> Apply, Func<double, double> SizeOf);

    /// <summary>
    /// The inputs searched for a stance: its position (within the scale), salience (0–1) and capability
    /// (0 to ten times the issue's total), the last left out where no value of it can move the forecast.
    /// </summary>
    private static IEnumerable<SearchInput> SearchInputs(Scenario scenario, Issue issue, Stance stance, bool stanceCapabilityIdle)
    {
        var spread = scenario.DefaultSpread ?? DefaultSpread.Standard;
        yield return new SearchInput(
            "position", scenario, stance, stance.Position, issue.ScaleMin, issue.ScaleMax,
            stance.PositionRange ?? Around(stance.Position, spread.Position * issue.ScaleWidth, issue.ScaleMin, issue.ScaleMax),
            v => stance with { Position = v }, v => Math.Abs(v - stance.Position) / issue.ScaleWidth);
        yield return new SearchInput(
            "salience", scenario, stance, stance.Salience, 0, 1, stance.SalienceRange ?? Around(stance.Salience, spread.Salience, 0, 1),
            v => stance with { Salience = v }, v => Math.Abs(v - stance.Salience));

        // The issue's total capability, summed at an exact power-of-two scale so that capabilities
        // near 1e308 give a finite norm; the search's upper end is capped at the largest double.
        var capabilities = scenario.StancesOn(issue.Id).Select(s => s.Capability).ToArray();
        var capabilityScale = ExactScale.FactorFor(capabilities);
        var scaledTotal = capabilities.Sum(c => c * capabilityScale);
        var capability = scenario.CapabilityOf(stance);
        var capabilityNorm = scaledTotal > 0 ? scaledTotal / capabilityScale : 1;
        var capabilityMax = Math.Max(capability, Math.Min(double.MaxValue, 10 * capabilityNorm));
        if (stanceCapabilityIdle && capabilityMax <= CapabilityBound.Largest)
        {
            // Every probe would forecast exactly what the model forecasts now (see Run).
            yield break;
        }

        var capabilityRange = stance.Capability is null ? scenario.FindActor(stance.ActorId)?.CapabilityRange : null;
        yield return new SearchInput(
            "capability", scenario, stance, capability, 0, capabilityMax,
            capabilityRange ?? Around(capability, spread.Capability * capability, 0, double.MaxValue),
            v => stance with { Capability = v },
            // Measured against the scaled total: the total itself may exceed the largest double.
            v => Math.Abs(v - capability) * capabilityScale / (scaledTotal > 0 ? scaledTotal : capabilityScale));
    }

    /// <summary>The smallest change of <paramref name="input"/> that moves the issue's forecast by the shift, or null when no value in its range does.</summary>
    private static InputChange? SmallestChange(Issue issue, SearchInput input, double forecast, double reference, InfluenceOptions options, Func<Scenario, StagedResult> run)
    {
        var (name, scenario, stance, current, low, high, plausible, apply, sizeOf) = input;
        double At(double value)
        {
            var changed = ScenarioEdits.WithStance(scenario, stance.ActorId, issue.Id, _ => apply(value));
            return run(changed).ForIssue(issue.Id)?.Forecast ?? reference;
        }

        bool Reaches(double moved) => Math.Abs(moved - forecast) >= options.Shift * (1 - 1e-12);

        // The bracket (inside, outside] is narrow enough: no wider than the requested share of the
        // change, or the change is already knife-edge (then any change that small moves it, and
        // narrowing further would only sharpen a number reported as "knife-edge"). Halved first so
        // that a difference across a scale 1e308 wide stays finite.
        bool Settled(double inside, double outside) => options.SearchPrecision > 0
            && (sizeOf(outside) < InputChange.KnifeEdgeSize
                || Math.Abs((outside / 2) - (inside / 2)) <= options.SearchPrecision * Math.Abs((outside / 2) - (current / 2)));

        // Both directions are searched together, one probe at a time, always advancing the one whose
        // bracket's nearer end is nearer (downwards on ties). Each direction runs exactly the probes
        // a search of it alone would run (the grid up to the first point that moves the forecast,
        // then bisection), so its answer is the same; a direction stops as soon as the brackets
        // prove it cannot be the one chosen (downwards is chosen unless upwards is strictly
        // smaller). Only runs are saved.
        var down = new SearchDirection(low, current);
        var up = new SearchDirection(high, current);
        while (true)
        {
            if (up.IsActive && down.UpperSize(sizeOf) <= up.LowerSize(sizeOf))
            {
                up.Phase = SearchPhase.Pruned;
            }

            if (down.IsActive && down.LowerSize(sizeOf) > up.UpperSize(sizeOf))
            {
                down.Phase = SearchPhase.Pruned;
            }

            var next = down.IsActive && (!up.IsActive || down.LowerSize(sizeOf) <= up.LowerSize(sizeOf)) ? down
                : up.IsActive ? up
                : null;
            if (next is null)
            {
                break;
            }

            if (next.Phase == SearchPhase.Grid)
            {
                // Divided first: (end − current) · g can overflow on a scale 1e308 wide; / 8 is exact.
                next.GridPoint++;
                var point = current + ((next.End - current) / GridPoints * next.GridPoint);
                var moved = At(point);
                if (Reaches(moved))
                {
                    next.Outside = point;
                    next.OutsideForecast = moved;
                    next.Phase = SearchPhase.Bisection;
                }
                else
                {
                    next.Inside = point;
                    next.Phase = next.GridPoint == GridPoints ? SearchPhase.NotFound : SearchPhase.Grid;
                }

                continue;
            }

            var middle = next.Inside + ((next.Outside - next.Inside) / 2);
            if (next.Steps >= options.SearchSteps || Settled(next.Inside, next.Outside) || middle == next.Inside || middle == next.Outside)
            {
                next.Phase = SearchPhase.Found;
                continue;
            }

            next.Steps++;
            var reached = At(middle);
            if (Reaches(reached))
            {
                next.Outside = middle;
                next.OutsideForecast = reached;
            }
            else
            {
                next.Inside = middle;
            }
        }

        InputChange? best = null;
        foreach (var direction in new[] { down, up })
        {
            if (direction.Phase != SearchPhase.Found)
            {
                continue;
            }

            var size = sizeOf(direction.Outside);
            if (best is null || size < best.RelativeSize)
            {
                best = new InputChange(stance.ActorId, name, current, direction.Outside, direction.OutsideForecast, size)
                {
                    PlausibleLow = plausible.Low,
                    PlausibleHigh = plausible.High,
                    Unmoved = direction.Inside,
                };
            }
        }

        return best;
    }

    private enum SearchPhase
    {
        /// <summary>Probing the grid toward the end of the range.</summary>
        Grid,

        /// <summary>A grid point moved the forecast; narrowing the bracket.</summary>
        Bisection,

        /// <summary>Narrowed as far as asked: the change is <see cref="SearchDirection.Outside"/>.</summary>
        Found,

        /// <summary>No grid point moves the forecast far enough (or the input is at the end of its range).</summary>
        NotFound,

        /// <summary>Stopped: the other direction's bracket proves this one cannot be chosen.</summary>
        Pruned,
    }

    /// <summary>One direction of one input's smallest-change search: its bracket and how far it has got.</summary>
    private sealed class SearchDirection(double end, double current)
    {
        public double End { get; } = end;

        /// <summary>The value nearest the end tried without moving the forecast enough (the current value at first).</summary>
        public double Inside { get; set; } = current;

        /// <summary>The nearest value tried that moves the forecast enough; NaN before the grid finds one.</summary>
        public double Outside { get; set; } = double.NaN;

        public double OutsideForecast { get; set; } = double.NaN;

        public int GridPoint { get; set; }

        public int Steps { get; set; }

        public SearchPhase Phase { get; set; } = Math.Abs(end - current) > 0 ? SearchPhase.Grid : SearchPhase.NotFound;

        public bool IsActive => Phase is SearchPhase.Grid or SearchPhase.Bisection;

        /// <summary>No change this direction can still report is smaller than this.</summary>
        public double LowerSize(Func<double, double> sizeOf) => sizeOf(Inside);

        /// <summary>No change this direction can still report is larger than this (infinite without a bracket, or when pruned).</summary>
        public double UpperSize(Func<double, double> sizeOf) =>
            Phase is SearchPhase.Bisection or SearchPhase.Found ? sizeOf(Outside) : double.PositiveInfinity;
    }

    /// <summary>The interval estimate ± half-width, within [<paramref name="min"/>, <paramref name="max"/>], as Monte Carlo draws an input without its own range.</summary>
    private static ValueRange Around(double estimate, double halfWidth, double min, double max) =>
        new(Math.Max(min, estimate - halfWidth), Math.Min(max, estimate + halfWidth));
}
