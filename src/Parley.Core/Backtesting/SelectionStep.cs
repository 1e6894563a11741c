namespace Parley.Core.Backtesting;

/// <summary>What the selection procedure (<see cref="CrossValidation"/>) chose on one set of training data.</summary>
/// <param name="Chosen">The chosen candidate (its index): <see cref="Best"/> when its gain held up, else 0, the baseline.</param>
/// <param name="Best">The candidate with the lowest mean absolute error on the training data.</param>
/// <param name="InnerGain">
/// The inner cross-validated gain of choosing by training error over the baseline: the mean of
/// (|error| − |baseline error|) on the inner held-out issues with its 95 % cluster-bootstrap
/// interval; <c>null</c> when the training data had fewer than two groups.
/// </param>
public sealed record SelectionStep(int Chosen, int Best, BootstrapInterval? InnerGain);
