using System.Collections.Immutable;
using Parley.Core.Backtesting;

namespace Parley.Application;

/// <summary>A backtest's result.</summary>
/// <param name="Dataset">A name for the inputs in reports.</param>
/// <param name="CapabilityLabel">The DEU capability used, or <c>null</c> when no DEU file was read.</param>
/// <param name="Result">Per-model accuracy and per-issue errors.</param>
/// <param name="CrossValidated">The cross-validation of the recommended model's exponents, when asked.</param>
/// <param name="Candidates">The exponent configurations cross-validation chose from, described.</param>
public sealed record BacktestRun(string Dataset, string? CapabilityLabel, BacktestResult Result, CrossValidationResult? CrossValidated, ImmutableArray<string> Candidates);
