using System.Collections.Immutable;
using Parley.Core.Models.Baseline;
using Parley.Core.Models.Smp;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.Procedural;

namespace Parley.Core.Models;

/// <summary>
/// Every model Parley ships, by id: the one list the CLI, Monte Carlo, backtests and stages
/// choose from.
/// </summary>
public static class ModelCatalog
{
    /// <summary>All models, in the order they are listed and run by <c>--model all</c>.</summary>
    public static ImmutableArray<IModel> All { get; } =
    [
        new CompromiseModel(),
        new MedianModel(),
        new NashBargainingModel(),
        new SmpModel(),
        new ExpectedUtilityModel(),
        new ExchangeModel(),
        new PivotModel(),
        new PowerCompromiseModel(),
        new TemperedCompromiseModel(),
    ];

    /// <summary>The model with id <paramref name="id"/> (case-insensitive), or <c>null</c>.</summary>
    public static IModel? Find(string id) =>
        All.FirstOrDefault(m => string.Equals(m.Info.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids of all models, comma-separated, for error messages.</summary>
    public static string Ids => string.Join(", ", All.Select(m => m.Info.Id));
}
