namespace Parley.Core.WhatIf;

/// <summary>An actor to take out of the scenario.</summary>
/// <param name="ActorId">The actor's id.</param>
/// <param name="Origin">Where the removal was written, for error messages.</param>
public sealed record OverlayRemoval(string ActorId, string Origin);
