using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Staging;

/// <summary>
/// Runs any <see cref="IModel"/> through a scenario's <see cref="Scenario.Stages"/> in order: a
/// negotiation whose participants, issues and model change from one stage to the next.
/// </summary>
/// <remarks>
/// <para>Each stage is an ordinary model run on a sub-scenario: the seated actors (the stage's
/// participants and, for a bloc or delegation taking part, its members, recursively), the issues on
/// the table (every issue when the stage lists none) and their stances. The stage runs
/// <see cref="Stage.Model"/> when it names one, else the caller's model.</para>
/// <para>What carries from one stage to the next:</para>
/// <list type="bullet">
/// <item>The reference point. Each issue's stage forecast becomes its <see cref="Issue.StatusQuo"/>
/// for every later stage: what the earlier talks settled is what later talks depart from (the
/// disagreement point of the Nash model, the status quo of models that use one). Issues a stage
/// does not forecast keep their reference point.</item>
/// <item>Positions. When the model returns final positions (<see cref="IssueForecast.Positions"/>,
/// as dynamic models do), every participant enters later stages from the position it ended on.
/// Static models (compromise, median, Nash) move no one and return no positions, so their
/// participants keep their stance positions unchanged: no fraction of movement toward the stage
/// outcome is invented for a model that does not define one.</item>
/// <item>Salience and capability never change between stages.</item>
/// <item>Actors joining at a later stage start from their own stances.</item>
/// </list>
/// <para>A scenario without stages runs as one implicit stage, id <c>all</c>, seating every actor
/// on every issue, which is exactly the unstaged model run. The final forecast of an issue is the
/// forecast of the last stage that had it on the table and a stance on it.</para>
/// </remarks>
public static class StagedForecaster
{
    /// <summary>The id of the implicit single stage of a scenario without stages.</summary>
    public const string ImplicitStageId = "all";

    /// <summary>Runs <paramref name="scenario"/> stage by stage, resolving stage models from <see cref="ModelCatalog"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="model">The model for stages that name none.</param>
    /// <param name="options">Options passed to every stage's model run.</param>
    /// <param name="cancellationToken">Stops the run between stages and inside long model runs.</param>
    /// <exception cref="ModelOptionException">A stage names an unknown model, or an option is invalid.</exception>
    public static StagedResult Run(Scenario scenario, IModel model, ModelOptions options, CancellationToken cancellationToken = default) =>
        Run(scenario, model, options, ModelCatalog.Find, cancellationToken);

    /// <summary>Runs <paramref name="scenario"/> stage by stage.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="model">The model for stages that name none.</param>
    /// <param name="options">Options passed to every stage's model run.</param>
    /// <param name="resolveModel">Finds the model a stage names by id; <c>null</c> when unknown.</param>
    /// <param name="cancellationToken">Stops the run between stages and inside long model runs.</param>
    /// <exception cref="ModelOptionException">A stage names a model <paramref name="resolveModel"/> does not know.</exception>
    public static StagedResult Run(
        Scenario scenario,
        IModel model,
        ModelOptions options,
        Func<string, IModel?> resolveModel,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolveModel);

        var stages = StagesOf(scenario);
        var statusQuo = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var issue in scenario.Issues)
        {
            statusQuo[issue.Id] = issue.StatusQuo;
        }

        // Only positions a model has moved are recorded; every other actor stands where its stance says.
        var positions = new Dictionary<(string ActorId, string IssueId), double>();

        var final = new Dictionary<string, IssueForecast>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<StageResult>(stages.Length);
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stageModel = model;
            if (stage.Model is { } modelId)
            {
                stageModel = resolveModel(modelId) ?? throw new ModelOptionException(
                    $"stage '{stage.Id}': unknown model '{modelId}'; use one of {ModelCatalog.Ids}");
            }

            var seated = Seat(scenario, stage.Participants);
            var onTable = stage.Issues.IsEmpty
                ? scenario.Issues
                : scenario.Issues.Where(i => stage.Issues.Contains(i.Id, StringComparer.Ordinal)).ToImmutableArray();
            var tableIds = onTable.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var stances = scenario.Stances
                .Where(s => seated.Contains(s.ActorId) && tableIds.Contains(s.IssueId))
                .Select(s => positions.Count == 0 ? s : Carried(s, positions))
                .ToImmutableArray();
            var speaking = stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
            var subScenario = scenario with
            {
                Actors = [.. scenario.Actors.Where(a => seated.Contains(a.Id))],
                Issues = [.. onTable.Select(i => i with { StatusQuo = statusQuo[i.Id] })],
                Stances = stances,
                Stages = [],
                Rules = stage.Rules ?? scenario.Rules,
            };

            var before = onTable.Select(i => KeyValuePair.Create(i.Id, statusQuo[i.Id])).ToImmutableArray();
            var result = subScenario.Actors.IsEmpty || subScenario.Stances.IsEmpty
                ? new ModelResult { Model = stageModel.Info, Issues = [] }
                : stageModel.Run(subScenario, options, cancellationToken);

            foreach (var forecast in result.Issues)
            {
                statusQuo[forecast.IssueId] = forecast.Forecast;
                final[forecast.IssueId] = forecast;
                foreach (var moved in forecast.Positions)
                {
                    if (seated.Contains(moved.ActorId) && scenario.FindStance(moved.ActorId, forecast.IssueId) is not null)
                    {
                        positions[(moved.ActorId, forecast.IssueId)] = moved.Position;
                    }
                }
            }

            results.Add(new StageResult
            {
                Stage = stage,
                Participants = [.. subScenario.Actors.Select(a => a.Id).Where(speaking.Contains)],
                IssuesOnTable = [.. onTable.Select(i => i.Id)],
                Model = stageModel.Info,
                StatusQuoBefore = before,
                Result = result,
            });
        }

        return new StagedResult
        {
            Model = model.Info,
            Stages = results.MoveToImmutable(),
            Final = [.. scenario.Issues.Where(i => final.ContainsKey(i.Id)).Select(i => final[i.Id])],
        };
    }

    /// <summary>The scenario's stages, or the one implicit stage seating every actor on every issue.</summary>
    public static ImmutableArray<Stage> StagesOf(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Stages.IsEmpty
            ? [new Stage { Id = ImplicitStageId, Name = "All actors", Participants = [.. scenario.Actors.Select(a => a.Id)] }]
            : scenario.Stages;
    }

    /// <summary>
    /// The ids of the actors seated when <paramref name="participants"/> take part: each participant
    /// present in the scenario and, recursively, the members of any bloc or delegation among them.
    /// </summary>
    public static IReadOnlySet<string> Seat(Scenario scenario, IEnumerable<string> participants)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(participants);
        var seated = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(participants.Reverse());
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (scenario.FindActor(id) is { } actor && seated.Add(id))
            {
                foreach (var member in actor.Members)
                {
                    pending.Push(member);
                }
            }
        }

        return seated;
    }

    private static Stance Carried(Stance stance, Dictionary<(string ActorId, string IssueId), double> positions) =>
        positions.TryGetValue((stance.ActorId, stance.IssueId), out var position) && position != stance.Position
            ? stance with { Position = position }
            : stance;
}
