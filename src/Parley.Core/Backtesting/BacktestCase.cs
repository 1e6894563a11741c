namespace Parley.Core.Backtesting;

/// <summary>A scenario whose outcomes are known (<see cref="Domain.Issue.Outcome"/>), to test models on.</summary>
/// <param name="Id">Identifier of the case in reports, e.g. a DEU issue id or a file name.</param>
/// <param name="Scenario">The scenario; issues without an outcome are not scored.</param>
/// <param name="Group">
/// Cases that must stay together when the data are split for cross-validation, e.g. the issues
/// of one legislative proposal. Use <paramref name="Id"/> when cases are independent.
/// </param>
public sealed record BacktestCase(string Id, Domain.Scenario Scenario, string Group);
