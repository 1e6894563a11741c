namespace Parley.Core.Models;

/// <summary>
/// Model-specific results beyond the per-issue forecast (for example the probability of each
/// final position). Each model derives its own record; reports serialise its public properties.
/// </summary>
public abstract record ModelDetails;
