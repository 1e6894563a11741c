namespace Parley.Application;

/// <summary>A checked report request: the plans of every analysis the report draws.</summary>
/// <param name="Forecast">The forecast of every chosen model (rounds traced).</param>
/// <param name="Influence">The influence analysis of the analysis model.</param>
/// <param name="MonteCarlo">The draws of the uncertainty section, or <c>null</c> without draws.</param>
/// <param name="Sensitivity">The one-at-a-time swings of the tornado, or <c>null</c> without draws.</param>
/// <param name="Stages">Whether the stages section is added.</param>
public sealed record ReportPlan(ForecastPlan Forecast, InfluencePlan Influence, MonteCarloPlan? MonteCarlo, SensitivityPlan? Sensitivity, bool Stages)
{
    /// <summary>The count <see cref="Run"/> reports progress towards: one per model run, plus the draws and swings.</summary>
    public long TotalSteps => Forecast.Setup.Models.Length + (MonteCarlo?.TotalSteps ?? 0) + (Sensitivity?.TotalSteps ?? 0);

    /// <summary>The analysis model's id.</summary>
    public string AnalysisModel => Influence.Model.Info.Id;

    /// <summary>
    /// Runs every analysis in turn, reporting steps done towards <see cref="TotalSteps"/>.
    /// Cancelling throws <see cref="OperationCanceledException"/>: a report is never drawn from a partial analysis.
    /// </summary>
    public ReportRun Run(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var models = Forecast.Setup.Models.Length;
        var run = Forecast.Run(cancellationToken);
        progress?.Report(models);
        var staged = Stages ? (Forecast with { Staged = true }).Run(cancellationToken).Staged : [];
        var distribution = MonteCarlo?.Run(Offset(progress, models), cancellationToken);
        var draws = MonteCarlo?.TotalSteps ?? 0;
        var sensitivity = Sensitivity?.Run(Offset(progress, models + draws), cancellationToken);
        if (distribution?.Partial == true || sensitivity?.Partial == true)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return new ReportRun(run, staged, distribution, sensitivity, Influence.Run(cancellationToken));
    }

    /// <summary>The analysis model of a setup by the report's rule: recommended when it runs, else the first model.</summary>
    public static string DefaultAnalysisModel(ModelSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.Models.FirstOrDefault(m => m.Info.Id == "recommended")?.Info.Id ?? setup.Models[0].Info.Id;
    }

    private static Progress? Offset(IProgress<long>? progress, long done) => progress is null ? null : new Progress(progress, done);

    /// <summary>Progress of one phase, reported as steps of the whole report.</summary>
    private sealed class Progress(IProgress<long> whole, long before) : IProgress<long>
    {
        public void Report(long value) => whole.Report(before + value);
    }
}
