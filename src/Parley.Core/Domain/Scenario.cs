using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>
/// A negotiation to forecast: who takes part (<see cref="Actors"/>), what is at stake
/// (<see cref="Issues"/>), where each actor stands (<see cref="Stances"/>), and in what
/// format it unfolds (<see cref="Stages"/>). Immutable; validated by the reader that built it.
/// </summary>
public sealed record Scenario
{
    private ImmutableArray<Actor> actors = [];
    private ImmutableArray<Stance> stances = [];

    // Lookup indexes, built on first use. A record's `with` copies fields, so each init
    // accessor drops the index that depends on it. Racing builders on several threads each
    // publish a complete dictionary, so readers never see a partial one.
    private Dictionary<string, Actor>? actorIndex;
    private Dictionary<(string ActorId, string IssueId), Stance>? stanceIndex;
    private Dictionary<string, ImmutableArray<IssueStance>>? stancesByIssue;

    /// <summary>Identifier of the scenario.</summary>
    public required string Id { get; init; }

    /// <summary>Title shown in reports.</summary>
    public required string Title { get; init; }

    /// <summary>Date the scenario describes, as written (ISO 8601 preferred).</summary>
    public string? Date { get; init; }

    /// <summary>What is forecast, as a question the outcomes answer ("Where do the talks stand a month after the summit?"); <c>null</c> if not stated.</summary>
    public string? Question { get; init; }

    /// <summary>
    /// The date, ISO 8601, at which the forecast is to be judged: outcomes are read as they stand
    /// then. <c>null</c> if not stated. <see cref="Date"/> is the date the forecast is made as of.
    /// </summary>
    public string? Horizon { get; init; }

    /// <summary>Free-text description, including how the numbers were estimated.</summary>
    public string? Description { get; init; }

    /// <summary>Documents that the evidence cites.</summary>
    public ImmutableArray<Source> Sources { get; init; } = [];

    /// <summary>The parties, in file order.</summary>
    public ImmutableArray<Actor> Actors
    {
        get => actors;
        init
        {
            actors = value;
            actorIndex = null;
            stancesByIssue = null;
        }
    }

    /// <summary>The issues, in file order.</summary>
    public ImmutableArray<Issue> Issues { get; init; } = [];

    /// <summary>Every actor's stance on every issue it takes part in, in file order.</summary>
    public ImmutableArray<Stance> Stances
    {
        get => stances;
        init
        {
            stances = value;
            stanceIndex = null;
            stancesByIssue = null;
        }
    }

    /// <summary>
    /// Stances whose position or salience the analyst has still to decide (<c>position: null</c>
    /// in the file), in file order. Models never read them; a scenario with any is a draft.
    /// </summary>
    public ImmutableArray<DraftStance> DraftStances { get; init; } = [];

    /// <summary>Whether judgements are still open (<see cref="DraftStances"/> is not empty): a draft is reviewed, not forecast.</summary>
    public bool IsDraft => !DraftStances.IsEmpty;

    /// <summary>
    /// The uncertainty assumed for inputs without their own range in Monte Carlo runs and
    /// sensitivity analysis; <c>null</c> for the caller's choice (by default <see cref="DefaultSpread.Standard"/>).
    /// </summary>
    public DefaultSpread? DefaultSpread { get; init; }

    /// <summary>The negotiation's stages in order; empty when it is a single round of talks.</summary>
    public ImmutableArray<Stage> Stages { get; init; } = [];

    /// <summary>
    /// Who must agree and who proposes (<see cref="DecisionRules"/>); <c>null</c> when the scenario
    /// states no rules. A stage's own <see cref="Stage.Rules"/> replace these at that stage.
    /// </summary>
    public DecisionRules? Rules { get; init; }

    /// <summary>
    /// Model parameters the scenario file itself carries (e.g. KTAB XML's <c>ModelParameters</c>),
    /// by the parameter names the model documents. A model reads them as defaults; the options
    /// of a run (<see cref="Models.ModelOptions.Parameters"/>) override them. Empty for most files.
    /// </summary>
    public ImmutableSortedDictionary<string, string> ModelParameters { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The actor with id <paramref name="actorId"/>, or <c>null</c>.</summary>
    public Actor? FindActor(string actorId)
    {
        var index = Volatile.Read(ref actorIndex);
        if (index is null)
        {
            index = new Dictionary<string, Actor>(actors.Length, StringComparer.Ordinal);
            foreach (var actor in actors)
            {
                index.TryAdd(actor.Id, actor);
            }

            Volatile.Write(ref actorIndex, index);
        }

        return index.GetValueOrDefault(actorId);
    }

    /// <summary>The issue with id <paramref name="issueId"/>, or <c>null</c>.</summary>
    public Issue? FindIssue(string issueId) => Issues.FirstOrDefault(i => i.Id == issueId);

    /// <summary>The stance of <paramref name="actorId"/> on <paramref name="issueId"/>, or <c>null</c> if it takes none.</summary>
    public Stance? FindStance(string actorId, string issueId)
    {
        var index = Volatile.Read(ref stanceIndex);
        if (index is null)
        {
            index = new Dictionary<(string, string), Stance>(stances.Length);
            foreach (var stance in stances)
            {
                index.TryAdd((stance.ActorId, stance.IssueId), stance);
            }

            Volatile.Write(ref stanceIndex, index);
        }

        return index.GetValueOrDefault((actorId, issueId));
    }

    /// <summary>
    /// The capability that counts for <paramref name="stance"/>: the stance's own, else its
    /// actor's, else 1 (equal capabilities when the scenario gives none).
    /// </summary>
    public double CapabilityOf(Stance stance) =>
        stance.Capability ?? FindActor(stance.ActorId)?.Capability ?? 1.0;

    /// <summary>
    /// The actors taking a stance on <paramref name="issueId"/>, in actor order, with their
    /// position, salience and capability: the input every per-issue model works from.
    /// </summary>
    public ImmutableArray<IssueStance> StancesOn(string issueId)
    {
        var index = Volatile.Read(ref stancesByIssue);
        if (index is null)
        {
            index = GroupStancesByIssue();
            Volatile.Write(ref stancesByIssue, index);
        }

        return index.GetValueOrDefault(issueId, []);
    }

    /// <summary>One pass over the stances: each issue's stances with resolved capability, in actor order.</summary>
    private Dictionary<string, ImmutableArray<IssueStance>> GroupStancesByIssue()
    {
        var ordinals = new Dictionary<string, int>(actors.Length, StringComparer.Ordinal);
        for (var i = 0; i < actors.Length; i++)
        {
            ordinals.TryAdd(actors[i].Id, i);
        }

        var buckets = new Dictionary<string, List<(int Ordinal, IssueStance Stance)>>(StringComparer.Ordinal);
        var seen = new HashSet<(int, string)>();
        foreach (var stance in stances)
        {
            if (!ordinals.TryGetValue(stance.ActorId, out var ordinal) || !seen.Add((ordinal, stance.IssueId)))
            {
                continue;
            }

            if (!buckets.TryGetValue(stance.IssueId, out var bucket))
            {
                bucket = [];
                buckets.Add(stance.IssueId, bucket);
            }

            var actor = actors[ordinal];
            bucket.Add((ordinal, new IssueStance(actor.Id, stance.Position, stance.Salience, stance.Capability ?? actor.Capability ?? 1.0)));
        }

        var result = new Dictionary<string, ImmutableArray<IssueStance>>(buckets.Count, StringComparer.Ordinal);
        foreach (var (issueId, bucket) in buckets)
        {
            bucket.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
            result.Add(issueId, [.. bucket.Select(entry => entry.Stance)]);
        }

        return result;
    }
}
