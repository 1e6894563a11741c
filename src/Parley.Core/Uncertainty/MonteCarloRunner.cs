using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Numerics;

namespace Parley.Core.Uncertainty;

/// <summary>
/// One Monte Carlo run: workers take blocks of consecutive draws, fill them, and hand them to an
/// in-order merge under a lock. Only the merge touches the statistics, one draw at a time in draw
/// order, which is what makes the floating-point results independent of the thread count.
/// </summary>
internal sealed class MonteCarloRunner
{
    private const int FineBinsTarget = 10_000;
    private const int MaxBlockSize = 256;

    private readonly Scenario scenario;
    private readonly IModel model;
    private readonly MonteCarloOptions options;
    private readonly ScenarioSampler sampler;
    private readonly ModelResult estimate;
    private readonly ImmutableArray<string> issueIds;
    private readonly bool dynamic;
    private readonly int threads;
    private readonly int blockSize;
    private readonly int blockCount;
    private readonly int maxBlocksAhead;

    private readonly object gate = new();
    private readonly Dictionary<int, Block> pending = [];
    private readonly Stack<Block> pool = new();
    private readonly RunningMoments[] moments;

    // Per issue, the power of two forecasts are multiplied by before the running moments see them:
    // squared deviations of forecasts near 1e308 would overflow; the scaling is exact and undone at the end.
    private readonly double[] momentScales;
    private readonly FixedBinHistogram[] histograms;
    private readonly List<double>[]? keptDraws;
    private readonly SortedDictionary<int, long> roundCounts = [];
    private readonly DrawSample? sample;
    private RunningMoments rounds;
    private long convergedDraws;
    private int nextBlock;
    private int mergedBlocks;
    private int mergedDraws;
    private bool stopped;
    private ExceptionDispatchInfo? failure;

    public MonteCarloRunner(Scenario scenario, IModel model, MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.scenario = scenario;
        this.model = model;
        this.options = options;
        sampler = new ScenarioSampler(scenario, options.SpreadFor(scenario));
        estimate = model.Run(scenario, options.ModelOptions);
        issueIds = [.. estimate.Issues.Select(f => f.IssueId)];
        dynamic = estimate.Converged is not null || estimate.RoundsRun > 0;

        var requested = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        blockSize = Math.Clamp(options.Draws / Math.Max(1, requested * 16), 1, MaxBlockSize);
        blockCount = (int)(((long)options.Draws + blockSize - 1) / blockSize);
        threads = Math.Clamp(requested, 1, blockCount);
        maxBlocksAhead = threads * 32;

        var bins = options.HistogramBins * Math.Max(1, FineBinsTarget / options.HistogramBins);
        moments = new RunningMoments[issueIds.Length];
        momentScales = new double[issueIds.Length];
        histograms = new FixedBinHistogram[issueIds.Length];
        for (var k = 0; k < issueIds.Length; k++)
        {
            var issue = scenario.FindIssue(issueIds[k])
                ?? throw new InvalidOperationException($"model '{model.Info.Id}' forecast issue '{issueIds[k]}', which the scenario does not have");
            histograms[k] = new FixedBinHistogram(issue.ScaleMin, issue.ScaleMax, bins);
            momentScales[k] = ExactScale.FactorFor(Math.Max(Math.Abs(issue.ScaleMin), Math.Abs(issue.ScaleMax)));
        }

        keptDraws = options.KeepDraws ? [.. issueIds.Select(_ => new List<double>(Math.Min(options.Draws, 1 << 20)))] : null;
        var sampleSize = Math.Min(options.CorrelationSample, options.Draws);
        sample = sampleSize > 0 ? new DrawSample(sampleSize, sampler.InputCount, issueIds.Length) : null;
    }

    public MonteCarloResult Run(CancellationToken cancellationToken, out DrawSample? drawSample)
    {
        if (threads == 1)
        {
            Work(cancellationToken);
        }
        else
        {
            var workers = new Thread[threads - 1];
            for (var t = 0; t < workers.Length; t++)
            {
                workers[t] = new Thread(() => Work(cancellationToken)) { IsBackground = true, Name = $"parley-montecarlo-{t + 1}" };
                workers[t].Start();
            }

            Work(cancellationToken);
            foreach (var worker in workers)
            {
                worker.Join();
            }
        }

        failure?.Throw();
        drawSample = sample;
        return BuildResult();
    }

    private IDrawEvaluator CreateEvaluator()
    {
        // A trace per draw would cost time and memory for nothing: draws report statistics only.
        var drawOptions = options.ModelOptions with { Trace = false };
        return model is PerIssueModel perIssue && !options.AlwaysBuildScenarios
            ? new PerIssueEvaluator(perIssue, sampler, drawOptions, issueIds)
            : new ScenarioEvaluator(model, sampler, drawOptions, issueIds);
    }

    private void Work(CancellationToken cancellationToken)
    {
        // With several workers every core is busy with draws: the model runs each draw on its worker's thread.
        using var outer = NestedParallelism.Enter(threads > 1);
        IDrawEvaluator evaluator;
        try
        {
            evaluator = CreateEvaluator();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(exception);
            return;
        }

        var values = new double[sampler.InputCount];
        var forecasts = new double[issueIds.Length];
        while (true)
        {
            Block block;
            lock (gate)
            {
                while (!stopped && nextBlock < blockCount && nextBlock - mergedBlocks >= maxBlocksAhead && !cancellationToken.IsCancellationRequested)
                {
                    Monitor.Wait(gate, 50);
                }

                if (stopped || nextBlock >= blockCount || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                block = Rent(nextBlock++);
            }

            bool complete;
            try
            {
                complete = Fill(block, evaluator, values, forecasts, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                complete = false;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Fail(exception);
                return;
            }

            int merged;
            lock (gate)
            {
                if (!complete)
                {
                    stopped = true;
                    Monitor.PulseAll(gate);
                    return;
                }

                pending[block.Index] = block;
                while (pending.Remove(mergedBlocks, out var next))
                {
                    Merge(next);
                    pool.Push(next);
                    mergedBlocks++;
                }

                merged = mergedDraws;
                Monitor.PulseAll(gate);
            }

            options.Progress?.Report(merged);
        }
    }

    private void Fail(Exception exception)
    {
        lock (gate)
        {
            failure ??= ExceptionDispatchInfo.Capture(exception);
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    private Block Rent(int index)
    {
        var block = pool.Count > 0 ? pool.Pop() : new Block(blockSize, issueIds.Length, sample is null ? 0 : sampler.InputCount);
        block.Index = index;
        block.Start = (long)index * blockSize;
        block.Count = (int)Math.Min(blockSize, options.Draws - block.Start);
        return block;
    }

    private bool Fill(Block block, IDrawEvaluator evaluator, double[] values, double[] forecasts, CancellationToken cancellationToken)
    {
        var issueCount = issueIds.Length;
        var keepValues = block.Values.Length > 0 && block.Start < sample!.Capacity;
        for (var d = 0; d < block.Count; d++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var drawIndex = block.Start + d;
            var random = Xoshiro256StarStar.ForStream(options.Seed, (ulong)drawIndex);
            sampler.Draw(ref random, values);
            var modelSeed = random.NextUInt64();
            var outcome = evaluator.Evaluate(values, modelSeed, forecasts, cancellationToken);
            for (var k = 0; k < issueCount; k++)
            {
                if (!double.IsFinite(forecasts[k]))
                {
                    throw new InvalidOperationException(
                        $"model '{model.Info.Id}' forecast {forecasts[k]} for issue '{issueIds[k]}' in draw {drawIndex} of seed {options.Seed}; forecasts must be finite");
                }
            }

            forecasts.CopyTo(block.Forecasts, d * issueCount);
            block.Rounds[d] = outcome.RoundsRun;
            block.Converged[d] = outcome.Converged == true;
            if (keepValues)
            {
                values.CopyTo(block.Values, d * values.Length);
            }
        }

        return true;
    }

    private void Merge(Block block)
    {
        var issueCount = issueIds.Length;
        for (var d = 0; d < block.Count; d++)
        {
            var row = block.Forecasts.AsSpan(d * issueCount, issueCount);
            for (var k = 0; k < issueCount; k++)
            {
                moments[k].Add(row[k] * momentScales[k]);
                histograms[k].Add(row[k]);
                keptDraws?[k].Add(row[k]);
            }

            if (dynamic)
            {
                var roundsRun = block.Rounds[d];
                rounds.Add(roundsRun);
                roundCounts[roundsRun] = roundCounts.GetValueOrDefault(roundsRun) + 1;
                convergedDraws += block.Converged[d] ? 1 : 0;
            }

            if (sample is not null && sample.Count < sample.Capacity)
            {
                sample.Add(block.Values.AsSpan(d * sample.InputCount, sample.InputCount), row);
            }

            mergedDraws++;
        }
    }

    private MonteCarloResult BuildResult()
    {
        var issues = ImmutableArray.CreateBuilder<IssueDistribution>(issueIds.Length);
        if (mergedDraws > 0)
        {
            for (var k = 0; k < issueIds.Length; k++)
            {
                issues.Add(Distribution(k));
            }
        }

        return new MonteCarloResult
        {
            Model = model.Info,
            ScenarioId = scenario.Id,
            Seed = options.Seed,
            DrawsRequested = options.Draws,
            Draws = mergedDraws,
            Partial = mergedDraws < options.Draws,
            Spread = sampler.Spread,
            Inputs = sampler.Inputs,
            Issues = issues.ToImmutable(),
            Rounds = dynamic && mergedDraws > 0 ? RoundsSpread() : null,
        };
    }

    private IssueDistribution Distribution(int k)
    {
        var histogram = histograms[k];
        var coarse = histogram.Coarsen(options.HistogramBins);
        var width = (histogram.Max - histogram.Min) / coarse.Length;
        var bins = ImmutableArray.CreateBuilder<HistogramBin>(coarse.Length);
        for (var j = 0; j < coarse.Length; j++)
        {
            var high = j == coarse.Length - 1 ? histogram.Max : histogram.Min + ((j + 1) * width);
            bins.Add(new HistogramBin(histogram.Min + (j * width), high, coarse[j]));
        }

        return new IssueDistribution
        {
            IssueId = issueIds[k],
            Estimate = estimate.Issues[k].Forecast,
            Mean = moments[k].Mean / momentScales[k],
            StandardDeviation = moments[k].StandardDeviation / momentScales[k],
            Min = histogram.ObservedMin,
            Max = histogram.ObservedMax,
            Quantiles = [.. MonteCarlo.QuantileProbabilities.Select(p => new QuantileEstimate(p, histogram.Quantile(p)))],
            QuantilePrecision = histogram.BinWidth,
            Histogram = bins.MoveToImmutable(),
            SortedDraws = keptDraws is null ? [] : [.. keptDraws[k].Order()],
        };
    }

    private RoundsDistribution RoundsSpread()
    {
        double Quantile(double probability)
        {
            // Exact type 7 quantile of the integer rounds from their counts.
            var target = probability * (mergedDraws - 1);
            var rank = (long)Math.Floor(target);
            var fraction = target - rank;
            double? lower = null;
            long before = 0;
            foreach (var (value, count) in roundCounts)
            {
                if (lower is null && rank < before + count)
                {
                    lower = value;
                    if (fraction == 0 || rank + 1 < before + count)
                    {
                        return value;
                    }
                }
                else if (lower is { } found)
                {
                    return found + (fraction * (value - found));
                }

                before += count;
            }

            return lower ?? roundCounts.Keys.Last();
        }

        return new RoundsDistribution
        {
            Mean = rounds.Mean,
            StandardDeviation = rounds.StandardDeviation,
            Min = roundCounts.Keys.First(),
            Max = roundCounts.Keys.Last(),
            Quantiles = [.. MonteCarlo.QuantileProbabilities.Select(p => new QuantileEstimate(p, Quantile(p)))],
            ConvergedShare = (double)convergedDraws / mergedDraws,
            Counts = [.. roundCounts.Select(pair => new RoundsCount(pair.Key, pair.Value))],
        };
    }

    /// <summary>Scratch storage of one block of consecutive draws, reused through the pool.</summary>
    private sealed class Block(int size, int issueCount, int inputCount)
    {
        public int Index { get; set; }

        public long Start { get; set; }

        public int Count { get; set; }

        public double[] Forecasts { get; } = new double[size * issueCount];

        public double[] Values { get; } = new double[size * inputCount];

        public int[] Rounds { get; } = new int[size];

        public bool[] Converged { get; } = new bool[size];
    }
}
