using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;

namespace Parley.Core.WhatIf;

/// <summary>
/// A what-if: edits laid over a scenario to produce a modified one, so that the two forecasts can
/// be compared side by side.
/// </summary>
/// <remarks>
/// <para>Paths (ids as in the scenario, values in the scenario's own units):</para>
/// <list type="bullet">
/// <item><c>ACTOR.ISSUE.position</c>: a point on the issue's scale;</item>
/// <item><c>ACTOR.ISSUE.salience</c>: 0 to 1, as in the native scenario format (0.4, not 40);</item>
/// <item><c>ACTOR.ISSUE.capability</c>: the actor's capability on that issue only, non-negative;</item>
/// <item><c>ACTOR.capability</c>: the actor's overall capability, non-negative (a stance's own
/// capability still overrides it on that issue);</item>
/// <item><c>ISSUE.status_quo</c>: the issue's reference point, on its scale.</item>
/// </list>
/// <para>Setting the position or salience of an actor that takes no stance on an issue adds a
/// stance when both are set. Edits apply in this order: settings, actor removals
/// (<see cref="ScenarioEdits.WithoutActors"/>), then added stages, appended after the scenario's
/// stages (after the implicit all-actor stage when it has none). Every error is reported, each
/// naming its edit and what is allowed.</para>
/// </remarks>
public sealed record ScenarioOverlay
{
    /// <summary>The paths a setting may name, for error messages.</summary>
    public const string AllowedPaths = "ACTOR.ISSUE.position, ACTOR.ISSUE.salience, ACTOR.ISSUE.capability, ACTOR.capability, ISSUE.status_quo";

    /// <summary>An overlay that changes nothing.</summary>
    public static ScenarioOverlay Empty { get; } = new();

    /// <summary>Inputs to change.</summary>
    public ImmutableArray<OverlaySetting> Settings { get; init; } = [];

    /// <summary>Actors to take out.</summary>
    public ImmutableArray<OverlayRemoval> Removals { get; init; } = [];

    /// <summary>Stages to append.</summary>
    public ImmutableArray<OverlayStage> AddedStages { get; init; } = [];

    /// <summary>Whether the overlay changes nothing.</summary>
    public bool IsEmpty => Settings.IsEmpty && Removals.IsEmpty && AddedStages.IsEmpty;

    /// <summary>This overlay followed by <paramref name="other"/> (its edits apply after this one's of the same kind).</summary>
    public ScenarioOverlay Then(ScenarioOverlay other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ScenarioOverlay
        {
            Settings = Settings.AddRange(other.Settings),
            Removals = Removals.AddRange(other.Removals),
            AddedStages = AddedStages.AddRange(other.AddedStages),
        };
    }

    /// <summary>
    /// Parses <c>PATH=VALUE</c> as typed after <c>--set</c> (the value with the invariant culture).
    /// Returns the setting, or an error saying what the syntax is.
    /// </summary>
    public static (OverlaySetting? Setting, OverlayError? Error) ParseSetting(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        origin ??= $"--set {text}";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return (null, new OverlayError(origin, $"expected PATH=VALUE, e.g. usa.ceasefire.position=60; paths are {AllowedPaths}"));
        }

        var path = text[..equals].Trim();
        var valueText = text[(equals + 1)..].Trim();
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return (null, new OverlayError(origin, $"'{valueText}' is not a number; write a finite number with a dot for decimals, e.g. 0.4"));
        }

        return (new OverlaySetting(path, value, origin), null);
    }

    /// <summary>
    /// Parses a stage as typed after <c>--add-stage</c>: <c>ID:PARTICIPANTS[:ISSUES[:MODEL]]</c>, lists
    /// comma-separated, <c>*</c> or an empty field for every issue, e.g. <c>europe:usa,rus,ukr,eu:ceasefire</c>.
    /// </summary>
    public static (OverlayStage? Stage, OverlayError? Error) ParseStage(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        origin ??= $"--add-stage {text}";
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || string.IsNullOrWhiteSpace(parts[0]))
        {
            return (null, new OverlayError(origin, "expected ID:PARTICIPANTS[:ISSUES[:MODEL]], e.g. europe:usa,rus,ukr,eu:ceasefire,sanctions:nash"));
        }

        static ImmutableArray<string> List(string field) =>
            field.Trim() is "" or "*" ? [] : [.. field.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        var id = parts[0].Trim();
        var stage = new Stage
        {
            Id = id,
            Name = id,
            Participants = List(parts[1]),
            Issues = parts.Length > 2 ? List(parts[2]) : [],
            Model = parts.Length > 3 && !string.IsNullOrWhiteSpace(parts[3]) ? parts[3].Trim() : null,
        };
        return (new OverlayStage(stage, origin), null);
    }

    /// <summary>Applies the overlay to <paramref name="scenario"/>; every problem is reported, none thrown.</summary>
    public OverlayResult ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<OverlayError>();
        var actors = scenario.Actors.ToList();
        var stances = scenario.Stances.ToList();
        var issues = scenario.Issues.ToList();
        var added = new Dictionary<(string ActorId, string IssueId), (double? Position, double? Salience, double? Capability, string Origin)>();

        foreach (var setting in Settings)
        {
            var segments = setting.Path.Split('.');
            void Fail(string message) => errors.Add(new OverlayError(setting.Origin, message));

            if (segments.Length == 2)
            {
                var (first, field) = (segments[0], segments[1]);
                var actorIndex = actors.FindIndex(a => a.Id == first);
                var issueIndex = issues.FindIndex(i => i.Id == first);
                if (actorIndex >= 0 && field == "capability")
                {
                    if (CheckCapability(setting.Value) is { } problem)
                    {
                        Fail(problem);
                    }
                    else
                    {
                        actors[actorIndex] = actors[actorIndex] with { Capability = setting.Value };
                    }
                }
                else if (issueIndex >= 0 && field == "status_quo")
                {
                    if (CheckOnScale(issues[issueIndex], setting.Value, "status quo") is { } problem)
                    {
                        Fail(problem);
                    }
                    else
                    {
                        issues[issueIndex] = issues[issueIndex] with { StatusQuo = setting.Value };
                    }
                }
                else if (actorIndex >= 0)
                {
                    Fail($"'{field}' is not a field of actor '{first}'; use {first}.capability, or {first}.ISSUE.position|salience|capability");
                }
                else if (issueIndex >= 0)
                {
                    Fail($"'{field}' is not a field of issue '{first}'; use {first}.status_quo");
                }
                else
                {
                    Fail($"unknown actor or issue '{first}'; actors are {Ids(actors.Select(a => a.Id))}, issues are {Ids(issues.Select(i => i.Id))}");
                }

                continue;
            }

            if (segments.Length != 3)
            {
                Fail($"'{setting.Path}' is not a path; paths are {AllowedPaths}");
                continue;
            }

            var (actorId, issueId, stanceField) = (segments[0], segments[1], segments[2]);
            var actorKnown = actors.Any(a => a.Id == actorId);
            var issue = issues.FirstOrDefault(i => i.Id == issueId);
            if (!actorKnown)
            {
                Fail($"unknown actor '{actorId}'; actors are {Ids(actors.Select(a => a.Id))}");
            }

            if (issue is null)
            {
                Fail($"unknown issue '{issueId}'; issues are {Ids(issues.Select(i => i.Id))}");
            }

            if (stanceField is not ("position" or "salience" or "capability"))
            {
                Fail($"'{stanceField}' is not a stance field; use position, salience or capability ({AllowedPaths})");
                continue;
            }

            if (!actorKnown || issue is null)
            {
                continue;
            }

            var problemText = stanceField switch
            {
                "position" => CheckOnScale(issue, setting.Value, "position"),
                "salience" => CheckSalience(setting.Value),
                _ => CheckCapability(setting.Value),
            };
            if (problemText is not null)
            {
                Fail(problemText);
                continue;
            }

            var stanceIndex = stances.FindIndex(s => s.ActorId == actorId && s.IssueId == issueId);
            if (stanceIndex >= 0)
            {
                stances[stanceIndex] = stanceField switch
                {
                    "position" => stances[stanceIndex] with { Position = setting.Value, PositionRange = null },
                    "salience" => stances[stanceIndex] with { Salience = setting.Value, SalienceRange = null },
                    _ => stances[stanceIndex] with { Capability = setting.Value },
                };
            }
            else
            {
                var key = (actorId, issueId);
                var entry = added.GetValueOrDefault(key, (null, null, null, setting.Origin));
                added[key] = stanceField switch
                {
                    "position" => entry with { Position = setting.Value },
                    "salience" => entry with { Salience = setting.Value },
                    _ => entry with { Capability = setting.Value },
                };
            }
        }

        foreach (var ((actorId, issueId), entry) in added)
        {
            if (entry.Position is { } position && entry.Salience is { } salience)
            {
                stances.Add(new Stance { ActorId = actorId, IssueId = issueId, Position = position, Salience = salience, Capability = entry.Capability });
            }
            else
            {
                errors.Add(new OverlayError(entry.Origin,
                    $"actor '{actorId}' takes no stance on '{issueId}'; to add one set both {actorId}.{issueId}.position and {actorId}.{issueId}.salience"));
            }
        }

        var edited = scenario with { Actors = [.. actors], Issues = [.. issues], Stances = [.. stances] };

        foreach (var removal in Removals)
        {
            if (edited.FindActor(removal.ActorId) is null)
            {
                errors.Add(new OverlayError(removal.Origin, $"unknown actor '{removal.ActorId}'; actors are {Ids(edited.Actors.Select(a => a.Id))}"));
            }
        }

        edited = ScenarioEdits.WithoutActors(edited, Removals.Select(r => r.ActorId));

        if (!AddedStages.IsEmpty)
        {
            var stages = StagedForecaster.StagesOf(edited).ToList();
            foreach (var (stage, origin) in AddedStages)
            {
                if (stages.Any(s => s.Id == stage.Id))
                {
                    errors.Add(new OverlayError(origin, $"a stage with id '{stage.Id}' already exists; stages are {Ids(stages.Select(s => s.Id))}"));
                }

                if (stage.Participants.IsEmpty)
                {
                    errors.Add(new OverlayError(origin, "the stage has no participants; list the actor ids taking part"));
                }

                foreach (var participant in stage.Participants.Where(p => edited.FindActor(p) is null))
                {
                    errors.Add(new OverlayError(origin, $"unknown participant '{participant}'; actors are {Ids(edited.Actors.Select(a => a.Id))}"));
                }

                foreach (var issueId in stage.Issues.Where(i => edited.FindIssue(i) is null))
                {
                    errors.Add(new OverlayError(origin, $"unknown issue '{issueId}'; issues are {Ids(edited.Issues.Select(i => i.Id))}, or * for all"));
                }

                if (stage.Model is { } model && ModelCatalog.Find(model) is null)
                {
                    errors.Add(new OverlayError(origin, $"unknown model '{model}'; use one of {ModelCatalog.Ids}"));
                }

                stages.Add(stage);
            }

            edited = edited with { Stages = [.. stages] };
        }

        return errors.Count > 0
            ? new OverlayResult { Errors = [.. errors] }
            : new OverlayResult { Scenario = edited };
    }

    private static string? CheckOnScale(Issue issue, double value, string what) =>
        value < issue.ScaleMin || value > issue.ScaleMax
            ? $"{what} {Format(value)} is off the scale of '{issue.Id}'; use a number from {Format(issue.ScaleMin)} to {Format(issue.ScaleMax)}"
            : null;

    private static string? CheckSalience(double value) => value switch
    {
        < 0 or > 100 => $"salience {Format(value)} is not allowed; salience is a number from 0 to 1",
        > 1 => $"salience {Format(value)} is not allowed; salience is a number from 0 to 1, as in the scenario format (write {Format(value / 100)} for {Format(value)}%)",
        _ => null,
    };

    private static string? CheckCapability(double value) =>
        value < 0 ? $"capability {Format(value)} is not allowed; capability is a non-negative number" : null;

    private static string Ids(IEnumerable<string> ids) => string.Join(", ", ids);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
