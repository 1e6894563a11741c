using Parley.Core.Models;

namespace Parley.Core.Backtesting;

/// <summary>A model and the options to run it with in a backtest.</summary>
/// <param name="Model">The model.</param>
/// <param name="Options">Its options; <see cref="ModelOptions.Default"/> for the model's defaults.</param>
public sealed record BacktestModel(IModel Model, ModelOptions Options)
{
    /// <summary>The model's id.</summary>
    public string Id => Model.Info.Id;

    /// <summary>The model parameters as <c>name=value</c> pairs, comma-separated, in name order; empty for the defaults.</summary>
    public string Describe() => string.Join(",", Options.Parameters.Select(p => $"{p.Key}={p.Value}"));
}
