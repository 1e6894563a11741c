using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Backtesting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Calibration;

/// <summary>
/// Reads a calibration file written by <c>parley backtest … --calibration-out FILE</c> (JSON; the
/// layout is in <c>Parley.Reports.IntervalCalibrationDocument</c> and docs/validation.md). Every
/// problem is reported at its line and column, all at once; a file with any problem gives no calibration.
/// </summary>
public static class IntervalCalibrationReader
{
    /// <summary>The value <c>"format"</c> must have.</summary>
    public const string FormatName = IntervalCalibration.FormatName;

    /// <summary>The only <c>"version"</c> read.</summary>
    public const int Version = IntervalCalibration.FormatVersion;

    private static readonly string[] RootKeys = ["format", "version", "method", "dataset", "data", "capability", "entries"];
    private static readonly string[] EntryKeys = ["model", "options", "mode", "scale", "folds", "n", "levels"];
    private static readonly string[] ScaleKeys = ["kind", "floor", "definition"];
    private static readonly string[] LevelKeys = ["level", "quantile", "held_out_inside", "held_out_n", "held_out_coverage", "mean_held_out_width"];

    /// <summary>Reads the calibration at <paramref name="path"/>; an unreadable file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Models (id and options, as <see cref="IntervalCalibrationEntry"/> spells them) the file must calibrate; a missing one is a problem located at <c>"entries"</c>.</param>
    public static (IntervalCalibration? Calibration, ImmutableArray<Diagnostic> Diagnostics) Read(string path, IReadOnlyList<(string Model, string Options)>? required = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, problem) = InputText.ReadFile(path);
        return text is null ? (null, [problem!]) : ReadText(text, path, required);
    }

    /// <summary>Reads <paramref name="text"/> as the calibration file <paramref name="fileName"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name diagnostics give.</param>
    /// <param name="required">Models (id and options) the file must calibrate; a missing one is a problem located at <c>"entries"</c>.</param>
    public static (IntervalCalibration? Calibration, ImmutableArray<Diagnostic> Diagnostics) ReadText(string text, string fileName, IReadOnlyList<(string Model, string Options)>? required = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var (stream, problem) = YamlText.Load(text, fileName, "JSON");
        if (stream is null)
        {
            return (null, [problem!]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new Diagnostic(fileName, 1, 1, $"a calibration file is a JSON object with \"format\": \"{FormatName}\", written by parley backtest --calibration-out")]);
        }

        var reading = new Reading(fileName);
        var calibration = reading.Root(root);
        if (calibration is not null && required is not null)
        {
            var entries = root.Children.First(pair => (pair.Key as YamlScalarNode)?.Value == "entries").Key;
            var calibrated = string.Join(", ", calibration.Entries.Select(e => e.Options.Length == 0 ? e.Model : $"{e.Model} ({e.Options})").Distinct(StringComparer.Ordinal));
            foreach (var (model, options) in required.Where(r => calibration.For(r.Model, r.Options) is null))
            {
                reading.Problems.Add(new Diagnostic(
                    fileName,
                    (int)entries.Start.Line,
                    (int)entries.Start.Column,
                    $"no entry calibrates model '{model}'{(options.Length == 0 ? string.Empty : $" with options {options}")}; this file calibrates {calibrated}. Forecast with those models, or calibrate this one: parley backtest DATA --models {model} --calibration-out FILE"));
            }
        }

        return reading.Problems.Count > 0 || calibration is null
            ? (null, DiagnosticList.Summarize(reading.Problems))
            : (calibration, []);
    }

    private sealed class Reading(string fileName)
    {
        public List<Diagnostic> Problems { get; } = [];

        public IntervalCalibration? Root(YamlMappingNode root)
        {
            // Another kind of file (a backtest's JSON, a scenario) gets one message, not one per field it lacks.
            var format = root.Children.FirstOrDefault(pair => (pair.Key as YamlScalarNode)?.Value == "format").Value;
            if (format is null)
            {
                Report(root, $"\"format\": \"{FormatName}\" is missing; this is not a Parley calibration file (write one with parley backtest DATA --calibration-out FILE)");
                return null;
            }

            if (Text(format) != FormatName)
            {
                Report(format, $"\"format\" must be \"{FormatName}\"; this is not a Parley calibration file");
                return null;
            }

            var fields = Fields(root, RootKeys, "the calibration");

            if (Required(root, fields, "version") is { } version && Text(version) != Version.ToString(CultureInfo.InvariantCulture))
            {
                Report(version, $"\"version\" {Excerpt.Of(Text(version) ?? string.Empty)} is not read by this Parley; it reads version {Version}");
            }

            var dataset = Required(root, fields, "dataset") is { } datasetNode ? String(datasetNode, "dataset") : null;
            var data = ImmutableArray.CreateBuilder<DataDigest>();
            if (fields.GetValueOrDefault("data") is { } dataNode)
            {
                if (dataNode is YamlSequenceNode digests)
                {
                    foreach (var item in digests)
                    {
                        if (Digest(item) is { } digest)
                        {
                            data.Add(digest);
                        }
                    }
                }
                else
                {
                    Report(dataNode, "\"data\" is a list of {\"file\", \"sha256\"}");
                }
            }

            var capability = fields.GetValueOrDefault("capability") is { } capabilityNode ? String(capabilityNode, "capability") : null;
            var entries = ImmutableArray.CreateBuilder<IntervalCalibrationEntry>();
            if (Required(root, fields, "entries") is { } entriesNode)
            {
                if (entriesNode is YamlSequenceNode { Children.Count: > 0 } list)
                {
                    foreach (var item in list)
                    {
                        if (Entry(item) is { } entry)
                        {
                            if (entries.Any(e => e.Model == entry.Model && e.Options == entry.Options && e.Mode == entry.Mode && e.Conformal.Scale.Kind == entry.Conformal.Scale.Kind))
                            {
                                Report(item, $"a second entry for model '{Excerpt.Of(entry.Model)}' (options '{Excerpt.Of(entry.Options)}'), mode {entry.Mode}, scale {entry.Conformal.Scale.Kind}; each is calibrated once");
                            }
                            else
                            {
                                entries.Add(entry);
                            }
                        }
                    }
                }
                else
                {
                    Report(entriesNode, "\"entries\" is a non-empty list of model calibrations {\"model\", \"options\", \"mode\", \"scale\", \"folds\", \"n\", \"levels\"}");
                }
            }

            return dataset is null || Problems.Count > 0
                ? null
                : new IntervalCalibration { Dataset = dataset, Data = data.ToImmutable(), Capability = capability, Entries = entries.ToImmutable() };
        }

        private DataDigest? Digest(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Report(node, "each item of \"data\" is {\"file\", \"sha256\"}");
                return null;
            }

            var fields = Fields(mapping, ["file", "sha256"], "a data item");
            var file = Required(mapping, fields, "file") is { } fileNode ? String(fileNode, "file") : null;
            var hash = Required(mapping, fields, "sha256") is { } hashNode ? String(hashNode, "sha256") : null;
            if (hash is not null && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
            {
                Report(fields["sha256"], "\"sha256\" is 64 lowercase hexadecimal digits");
                return null;
            }

            return file is null || hash is null ? null : new DataDigest(file, hash);
        }

        private IntervalCalibrationEntry? Entry(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Report(node, "each entry is an object {\"model\", \"options\", \"mode\", \"scale\", \"folds\", \"n\", \"levels\"}");
                return null;
            }

            var before = Problems.Count;
            var fields = Fields(mapping, EntryKeys, "an entry");
            var model = Required(mapping, fields, "model") is { } modelNode ? String(modelNode, "model") : null;
            if (model is { Length: 0 })
            {
                Report(fields["model"], "\"model\" is a model id such as compromise");
            }

            var options = fields.GetValueOrDefault("options") is { } optionsNode ? String(optionsNode, "options") : string.Empty;
            var mode = Required(mapping, fields, "mode") is { } modeNode ? String(modeNode, "mode") : null;
            if (mode is not null and not ("proposal" or "issue"))
            {
                Report(fields["mode"], $"\"mode\" \"{Excerpt.Of(mode)}\" is not known; use proposal or issue");
            }

            var scale = Required(mapping, fields, "scale") is { } scaleNode ? Scale(scaleNode) : null;
            var folds = Required(mapping, fields, "folds") is { } foldsNode ? Integer(foldsNode, "folds", 2) : null;
            var count = Required(mapping, fields, "n") is { } countNode ? Integer(countNode, "n", 1) : null;
            var levels = Required(mapping, fields, "levels") is { } levelsNode ? Levels(levelsNode) : default;
            if (Problems.Count > before || model is null || mode is null || scale is null || folds is null || count is null || levels.IsDefault)
            {
                return null;
            }

            var conformal = new ConformalCalibration { Model = model, Folds = folds.Value, Count = count.Value, Scale = scale, Levels = levels };
            return new IntervalCalibrationEntry(model, options ?? string.Empty, mode, conformal);
        }

        private ConformalScale? Scale(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Report(node, $"\"scale\" is {{\"kind\": {ConformalScale.KindNames}, \"floor\": points}}");
                return null;
            }

            var fields = Fields(mapping, ScaleKeys, "a scale");
            var kind = Required(mapping, fields, "kind") is { } kindNode ? String(kindNode, "kind") : null;
            var floor = Required(mapping, fields, "floor") is { } floorNode ? Number(floorNode, "floor") : null;
            if (kind is null || floor is null)
            {
                return null;
            }

            var scale = ConformalScale.From(kind, floor.Value);
            if (scale is null)
            {
                Report(mapping, $"scale kind \"{Excerpt.Of(kind)}\" with floor {floor.Value.ToString(CultureInfo.InvariantCulture)} is not allowed; use kind {ConformalScale.PlainKind} with floor 0, or {ConformalScale.PositionSpreadKind} with a floor above 0 (points)");
            }

            return scale;
        }

        private ImmutableArray<ConformalLevel> Levels(YamlNode node)
        {
            if (node is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                Report(node, "\"levels\" is a non-empty list of {\"level\", \"quantile\", \"held_out_inside\", \"held_out_n\"}");
                return default;
            }

            var levels = new List<ConformalLevel>();
            var before = Problems.Count;
            foreach (var item in list)
            {
                if (item is not YamlMappingNode mapping)
                {
                    Report(item, "each level is {\"level\", \"quantile\", \"held_out_inside\", \"held_out_n\"}");
                    continue;
                }

                var fields = Fields(mapping, LevelKeys, "a level");
                var level = Required(mapping, fields, "level") is { } levelNode ? Number(levelNode, "level") : null;
                if (level is { } nominal && nominal is not (> 0 and < 1))
                {
                    Report(fields["level"], "\"level\" is a nominal coverage strictly between 0 and 1, e.g. 0.8");
                    level = null;
                }
                else if (level is { } repeated && levels.Any(l => l.Level == repeated))
                {
                    Report(fields["level"], $"level {repeated.ToString(CultureInfo.InvariantCulture)} is given twice");
                    level = null;
                }

                double? quantile = null;
                if (Required(mapping, fields, "quantile") is { } quantileNode)
                {
                    quantile = quantileNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" } ? double.PositiveInfinity : Number(quantileNode, "quantile");
                    if (quantile is < 0)
                    {
                        Report(quantileNode, "\"quantile\" is a non-negative number (null for the whole scale)");
                        quantile = null;
                    }
                }

                var inside = Required(mapping, fields, "held_out_inside") is { } insideNode ? Integer(insideNode, "held_out_inside", 0) : null;
                var count = Required(mapping, fields, "held_out_n") is { } countNode ? Integer(countNode, "held_out_n", 1) : null;
                if (inside > count)
                {
                    Report(fields["held_out_inside"], "\"held_out_inside\" counts outcomes inside and cannot exceed \"held_out_n\"");
                    continue;
                }

                var width = fields.GetValueOrDefault("mean_held_out_width") is { } widthNode ? Number(widthNode, "mean_held_out_width") : null;
                if (level is { } l && quantile is { } q && inside is { } i && count is { } n)
                {
                    levels.Add(new ConformalLevel(l, q, double.NaN, i, n) { MeanHeldOutWidth = width ?? double.NaN });
                }
            }

            return Problems.Count > before ? default : [.. levels.OrderBy(l => l.Level)];
        }

        /// <summary>The mapping's fields by key; unknown keys are reported with the allowed ones.</summary>
        private Dictionary<string, YamlNode> Fields(YamlMappingNode mapping, string[] allowed, string what)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!allowed.Contains(key))
                {
                    Report(keyNode, $"\"{Excerpt.Of(key)}\" is not a field of {what}; allowed: {string.Join(", ", allowed)}");
                }
                else if (!fields.TryAdd(key, value))
                {
                    Report(keyNode, $"\"{key}\" is given twice");
                }
            }

            return fields;
        }

        private YamlNode? Required(YamlMappingNode mapping, Dictionary<string, YamlNode> fields, string key)
        {
            if (fields.TryGetValue(key, out var node))
            {
                return node;
            }

            Report(mapping, $"\"{key}\" is missing");
            return null;
        }

        private string? String(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } value } scalar && !(scalar.Style == ScalarStyle.Plain && value == "null"))
            {
                return value;
            }

            Report(node, $"\"{key}\" is a string");
            return null;
        }

        private double? Number(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            Report(node, $"\"{key}\" is a finite number");
            return null;
        }

        private int? Integer(YamlNode node, string key, int minimum)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            {
                return value;
            }

            Report(node, string.Create(CultureInfo.InvariantCulture, $"\"{key}\" is a whole number of at least {minimum}"));
            return null;
        }

        private static string? Text(YamlNode node) => (node as YamlScalarNode)?.Value;

        private void Report(YamlNode node, string message) =>
            Problems.Add(new Diagnostic(fileName, (int)node.Start.Line, (int)node.Start.Column, message));
    }
}
