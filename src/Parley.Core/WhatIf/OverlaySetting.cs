namespace Parley.Core.WhatIf;

/// <summary>One input to change: <c>PATH = VALUE</c> (see <see cref="ScenarioOverlay"/> for the paths).</summary>
/// <param name="Path">Dot-separated path, e.g. <c>rus.sanctions.salience</c>, <c>usa.capability</c>, <c>ceasefire.status_quo</c>.</param>
/// <param name="Value">The new value, in the scenario's own units (salience 0–1, positions on the scale).</param>
/// <param name="Origin">Where the setting was written, for error messages.</param>
public sealed record OverlaySetting(string Path, double Value, string Origin);
