using Parley.Storage;

namespace Parley.Server;

/// <summary>How a run ended, as the store now records it.</summary>
/// <param name="Status">Completed, failed or cancelled.</param>
/// <param name="Document">The result document of a completed run.</param>
/// <param name="Error">Why it failed or was cancelled.</param>
/// <param name="BadInput">Whether it failed on the input (a model's own check), which is the requester's to fix.</param>
internal sealed record RunEnd(RunStatus Status, string? Document, string? Error, bool BadInput = false);
