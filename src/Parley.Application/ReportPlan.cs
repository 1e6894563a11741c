namespace Parley.Application;

/// <summary>A checked report request: the plans of every analysis the report draws.</summary>
/// <param name="Forecast">The forecast of every chosen model (rounds traced).</param>
/// <param name="Influence">The influence analysis of the analysis model.</param>
/// <param name="MonteCarlo">The draws of the uncertainty section, or <c>null</c> without draws.</param>
/// <param name="Sensitivity">The one-at-a-time swings of the tornado, or <c>null</c> without draws.</param>
/// <param name="Stages">Whether the stages section is added.</param>
/// <param name="TrackRecord">The scoring of every model against the scenario's recorded outcomes, or <c>null</c> when it records none.</param>
public sealed record ReportPlan(ForecastPlan Forecast, InfluencePlan Influence, MonteCarloPlan? MonteCarlo, SensitivityPlan? Sensitivity, bool Stages, ScorePlan? TrackRecord = null)
{
    /// <summary>
    /// The most Monte Carlo draws per model the track-record section scores with: seven models' distributions at a
    /// report's 10,000 draws took about 4 s on Alaska (the dynamic models dominating). The section says how many;
    /// <c>parley score</c> scores with any number.
    /// </summary>
    public const int TrackRecordDraws = 1000;

    /// <summary>The count <see cref="Run(IProgress{long}, CancellationToken)"/> reports progress towards: the models, the staged models, the draws, the swings and the issues searched.</summary>
    public long TotalSteps => Forecast.TotalSteps * (Stages ? 2 : 1) + (MonteCarlo?.TotalSteps ?? 0) + (Sensitivity?.TotalSteps ?? 0) + Influence.TotalSteps + (TrackRecord?.TotalSteps ?? 0);

    /// <summary>The analysis model's id.</summary>
    public string AnalysisModel => Influence.Model.Info.Id;

    /// <summary>
    /// Runs every part in turn, reporting steps done towards <see cref="TotalSteps"/>. Cancelling throws
    /// <see cref="OperationCanceledException"/>: a report is of the whole run, never of a part of it.
    /// </summary>
    public ReportRun Run(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => Run(progress, null, cancellationToken);

    /// <summary>
    /// <see cref="Run(IProgress{long}, CancellationToken)"/>, also reporting each part's own count to <paramref name="phases"/>,
    /// one phase per part: "models run", "staged models run", "draws", "sensitivity runs", the influence analysis'
    /// "coalition runs" (<see cref="PhaseCount.OfInfluence"/>; a report searches no smallest changes), then "draws scored". A part's phase is
    /// reported at 0 when it starts, so a display names the part at work even before its first count.
    /// </summary>
    public ReportRun Run(IProgress<long>? progress, IProgress<PhaseCount>? phases, CancellationToken cancellationToken = default)
    {
        long done = 0;
        T Part<T>(long steps, string? unit, Func<IProgress<long>?, T> work, Func<T, bool> partial)
        {
            // The influence part (no unit) counts its issues as steps and reports its own phases.
            var counted = unit is null ? null : PhaseCount.Counting(phases, unit, steps);
            var result = work(progress is null && counted is null ? null : new PartProgress(progress, done, counted));
            if (partial(result))
            {
                throw new OperationCanceledException(cancellationToken);
            }

            done += steps;
            progress?.Report(done);
            return result;
        }

        var run = Part(Forecast.TotalSteps, "models run", p => Forecast.Run(p, cancellationToken), r => r.Partial);
        var staged = Stages ? Part(Forecast.TotalSteps, "staged models run", p => (Forecast with { Staged = true }).Run(p, cancellationToken), r => r.Partial).Staged : [];
        var distribution = MonteCarlo is { } draws ? Part(draws.TotalSteps, "draws", p => draws.Run(p, cancellationToken), r => r.Partial) : null;
        var sensitivity = Sensitivity is { } swings ? Part(swings.TotalSteps, "sensitivity runs", p => swings.Run(p, cancellationToken), r => r.Partial) : null;
        var influence = Part(Influence.TotalSteps, null, p => Influence.Run(p, PhaseCount.OfInfluence(phases), cancellationToken), r => r.Partial);
        var trackRecord = TrackRecord is { } scoring ? Part(scoring.TotalSteps, "draws scored", p => scoring.Run(p, cancellationToken), _ => false).Scenarios[0] : null;
        return new ReportRun(run, staged, distribution, sensitivity, influence, trackRecord);
    }

    /// <summary>The analysis model of a setup by the report's rule: recommended when it runs, else the first model.</summary>
    public static string DefaultAnalysisModel(ModelSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.Models.FirstOrDefault(m => m.Info.Id == "recommended")?.Info.Id ?? setup.Models[0].Info.Id;
    }

    /// <summary>A part's progress: as steps of the whole report (after the <paramref name="before"/> steps of the parts before it) and, when it counts in a phase of its own, to that phase (<see cref="PhaseCount.Counting"/>).</summary>
    private sealed class PartProgress(IProgress<long>? whole, long before, IProgress<long>? phase) : IProgress<long>
    {
        public void Report(long value)
        {
            whole?.Report(before + value);
            phase?.Report(value);
        }
    }
}
