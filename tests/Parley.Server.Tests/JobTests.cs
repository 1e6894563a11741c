using Parley.Application;

namespace Parley.Server.Tests;

/// <summary>A job's progress as its events and run view show it: steps never go back, nor does a phase's count.</summary>
public sealed class JobTests
{
    [Fact]
    public void Progress_StepsAndPhase_NeverGoBack_ANewPhaseReplacesTheLast()
    {
        using var job = new Job(1, "influence", 3);
        Assert.Equal(new RunProgress(0, 3), job.Progress);

        IRunProgress progress = job;
        progress.Report(new PhaseCount("coalition runs", 0, 32));
        progress.Report(new PhaseCount("coalition runs", 20, 32));
        progress.Report(new PhaseCount("coalition runs", 12, 32));
        Assert.Equal(new RunProgress(0, 3) { Phase = new PhaseCount("coalition runs", 20, 32) }, job.Progress);

        progress.Report(new PhaseCount("searches", 0, 45));
        progress.Report(2L);
        progress.Report(1L);
        Assert.Equal(new RunProgress(2, 3) { Phase = new PhaseCount("searches", 0, 45) }, job.Progress);
    }

    [Fact]
    public void Progress_WithoutPhases_HasNone()
    {
        using var job = new Job(1, "montecarlo", 1000);
        ((IProgress<long>)job).Report(400);
        Assert.Equal(new RunProgress(400, 1000), job.Progress);
        Assert.Null(job.Progress.Phase);
    }
}
