namespace Parley.Core.Models;

/// <summary>Where one actor stands on one issue.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="Position">Its position on the scale.</param>
public readonly record struct ActorPosition(string ActorId, double Position);
