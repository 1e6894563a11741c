namespace Parley.Core.Uncertainty;

/// <summary>Runs a model on one draw's inputs. One instance per worker thread: implementations may keep scratch buffers.</summary>
internal interface IDrawEvaluator
{
    /// <summary>Writes the forecast of every forecast issue into <paramref name="forecasts"/> (in the run's issue order).</summary>
    DrawOutcome Evaluate(ReadOnlySpan<double> values, ulong modelSeed, Span<double> forecasts, CancellationToken cancellationToken);
}
