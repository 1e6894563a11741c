namespace Parley.Core.Models;

/// <summary>Who a model is: the id users type, a name, and the work it implements.</summary>
/// <param name="Id">Short id used on the command line, e.g. <c>compromise</c>.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Citation">The paper or book the model implements.</param>
/// <param name="Summary">One sentence on what it computes.</param>
public sealed record ModelInfo(string Id, string Name, string Citation, string Summary);
