using System.Collections.Immutable;
using Parley.Core.Models;

namespace Parley.Application;

/// <summary>A checked <see cref="ModelRequest"/>: the models, in the order chosen, and the options they run with.</summary>
/// <param name="Models">One or more distinct models.</param>
/// <param name="Options">Options every chosen model accepts or ignores by its description.</param>
public sealed record ModelSetup(ImmutableArray<IModel> Models, ModelOptions Options);
