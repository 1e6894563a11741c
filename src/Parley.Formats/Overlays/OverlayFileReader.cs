using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.WhatIf;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Overlays;

/// <summary>
/// Reads a what-if overlay file (YAML, or JSON which is YAML):
/// <code>
/// set:
///   usa.sanctions.position: 80      # paths as for --set (ScenarioOverlay.AllowedPaths)
///   rus.sanctions.salience: 0.4     # salience 0-1, as in the scenario format
/// remove_actors: [uk]
/// add_stages:
///   - id: europe-summit
///     participants: [usa, rus, ukr, europe]
///     issues: [ceasefire]           # optional: every issue when absent
///     model: nash                   # optional: the caller's model when absent
/// </code>
/// Every syntax problem is reported at its line and column; each edit's origin is its location,
/// so errors found when the overlay is applied point into the file too.
/// </summary>
public static class OverlayFileReader
{
    /// <summary>Reads the overlay at <paramref name="path"/>; an unreadable file is a diagnostic, not an exception.</summary>
    public static (ScenarioOverlay? Overlay, ImmutableArray<Diagnostic> Diagnostics) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, problem) = InputText.ReadFile(path);
        return text is null ? (null, [problem!]) : ReadText(text, path);
    }

    /// <summary>Reads <paramref name="text"/> as the overlay file <paramref name="fileName"/>.</summary>
    public static (ScenarioOverlay? Overlay, ImmutableArray<Diagnostic> Diagnostics) ReadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new DiagnosticList();
        var (stream, problem) = YamlText.Load(text, fileName, "YAML");
        if (stream is null)
        {
            return (null, [problem!]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new Diagnostic(fileName, 1, 1, "an overlay is a mapping with any of: set, remove_actors, add_stages")]);
        }

        void Report(YamlNode node, string message) =>
            problems.Add(new Diagnostic(fileName, (int)node.Start.Line, (int)node.Start.Column, message));
        string Origin(YamlNode node) => $"{fileName}:{node.Start.Line}:{node.Start.Column}";

        var settings = ImmutableArray.CreateBuilder<OverlaySetting>();
        var removals = ImmutableArray.CreateBuilder<OverlayRemoval>();
        var stages = ImmutableArray.CreateBuilder<OverlayStage>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "set" when value is YamlMappingNode mapping:
                    foreach (var (pathNode, valueNode) in mapping.Children)
                    {
                        if (pathNode is YamlScalarNode { Value: { } path } && valueNode is YamlScalarNode { Value: { } number }
                            && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                        {
                            settings.Add(new OverlaySetting(path, parsed, Origin(pathNode)));
                        }
                        else
                        {
                            Report(valueNode, $"set: each entry is PATH: NUMBER (paths are {ScenarioOverlay.AllowedPaths}; salience 0 to 1)");
                        }
                    }

                    break;
                case "remove_actors" when value is YamlSequenceNode sequence:
                    foreach (var item in sequence)
                    {
                        if (item is YamlScalarNode { Value: { Length: > 0 } id })
                        {
                            removals.Add(new OverlayRemoval(id, Origin(item)));
                        }
                        else
                        {
                            Report(item, "remove_actors: each entry is an actor id");
                        }
                    }

                    break;
                case "add_stages" when value is YamlSequenceNode sequence:
                    foreach (var item in sequence)
                    {
                        if (ReadStage(item, Report) is { } stage)
                        {
                            stages.Add(new OverlayStage(stage, Origin(item)));
                        }
                    }

                    break;
                case "set" or "remove_actors" or "add_stages":
                    Report(value, key == "set"
                        ? "set must be a mapping of PATH: NUMBER"
                        : $"{key} must be a list");
                    break;
                default:
                    Report(keyNode, $"unknown field '{Excerpt.Of(key)}'; an overlay has set, remove_actors and add_stages");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            return (null, DiagnosticList.Summarize(problems));
        }

        return (new ScenarioOverlay { Settings = settings.ToImmutable(), Removals = removals.ToImmutable(), AddedStages = stages.ToImmutable() }, []);
    }

    private static Stage? ReadStage(YamlNode node, Action<YamlNode, string> report)
    {
        if (node is not YamlMappingNode mapping)
        {
            report(node, "add_stages: each stage is a mapping with id, participants and optionally name, issues, model");
            return null;
        }

        string? id = null, name = null, model = null;
        ImmutableArray<string> participants = [], issues = [];
        var valid = true;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "id" or "name" or "model" when value is YamlScalarNode { Value: var text }:
                    if (key == "id")
                    {
                        id = text;
                    }
                    else if (key == "name")
                    {
                        name = text;
                    }
                    else
                    {
                        model = text;
                    }

                    break;
                case "participants" or "issues" when value is YamlSequenceNode sequence:
                    var ids = sequence.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToImmutableArray();
                    if (ids.Length != sequence.Children.Count)
                    {
                        report(value, $"{key} must be a list of ids");
                        valid = false;
                    }

                    if (key == "participants")
                    {
                        participants = ids;
                    }
                    else
                    {
                        issues = ids;
                    }

                    break;
                default:
                    report(keyNode, $"unknown or malformed stage field '{Excerpt.Of(key)}'; a stage has id, name, participants (list), issues (list), model");
                    valid = false;
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            report(node, "add_stages: the stage needs an id");
            return null;
        }

        return valid ? new Stage { Id = id, Name = name ?? id, Participants = participants, Issues = issues, Model = model } : null;
    }
}
