using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Parley.Core.Domain;

namespace Parley.Formats.Ktab;

/// <summary>
/// Reads KTAB's SMP scenario XML (<see cref="ScenarioFormat.KtabXml"/>, <c>smpSchema.xsd</c>).
/// </summary>
/// <remarks>
/// <c>Scenario</c> holds <c>name</c>, <c>desc</c>, <c>prngSeed</c>, optional <c>ModelParameters</c>
/// (all nine), optional <c>Dimensions</c>/<c>dName</c>, <c>Actors</c>/<c>Actor</c> (<c>name</c>,
/// <c>description</c>, <c>capability</c>, <c>Position</c>/<c>dCoord</c>, <c>Salience</c>/<c>dSal</c>),
/// and optional <c>IdealAdjustment</c>/<c>iaPair</c> (<c>adjustingIdeal</c>, <c>referencePos</c>,
/// <c>adjust</c>). Dimensions become issues on [0, 100]; saliences are divided by 100. The model
/// parameters and ideal adjustments go to <see cref="Scenario.ModelParameters"/> under KTAB's
/// names, as the <c>smp</c> model reads them (schema spellings <c>Proportional</c> and <c>No</c>
/// are stored as the code's <c>Prop</c> and <c>None</c>; ideal adjustments as
/// <c>adjusting&gt;reference=rate</c> cells separated by <c>;</c>). Without <c>Dimensions</c> the
/// dimensions are named <c>Dimension 1</c>, <c>Dimension 2</c>…
/// </remarks>
public sealed class KtabXmlReader : IScenarioFormatReader
{
    private static readonly (string Name, string[] Allowed)[] ParameterNames =
    [
        ("VictoryProbModel", ["Linear", "Square", "Quartic", "Octic", "Binary"]),
        ("PCEModel", ["Conditional", "MarkovIncentive", "MarkovUniform"]),
        ("StateTransitions", ["Deterministic", "Stochastic"]),
        ("VotingRule", ["Binary", "PropBin", "Proportional", "Prop", "PropCbc", "Cubic", "ASymProsp"]),
        ("BigRAdjust", ["Full", "TwoThirds", "Half", "OneThird", "No", "None"]),
        ("BigRRange", ["Min", "Mid", "Max"]),
        ("ThirdPartyCommit", ["NoCommit", "SemiCommit", "FullCommit"]),
        ("InterVecBrgn", ["S1P1", "S2P2", "S2PMax"]),
        ("BargnModel", ["InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"]),
    ];

    /// <summary>The deepest nesting of elements accepted: 64 levels.</summary>
    public const int MaxDepth = 64;

    private const string TooDeep = "elements are nested more than";

    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.KtabXml;

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!start.StartsWith('<'))
        {
            return false;
        }

        var head = start.Length > 2000 ? start[..2000] : start;
        return head.Contains("<Scenario", StringComparison.Ordinal)
            && (head.Contains("<Actors", StringComparison.Ordinal) || head.Contains("<Dimensions", StringComparison.Ordinal)
                || head.Contains("<prngSeed", StringComparison.Ordinal) || head.Contains("smpSchema", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName)
    {
        XDocument document;
        try
        {
            document = Load(text.TrimStart('\uFEFF'));
        }
        catch (XmlException error)
        {
            var message = error.Message;
            var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var (line, column) = (error.LineNumber, error.LinePosition);
            if (message.Contains("DTD", StringComparison.Ordinal))
            {
                // The reader's exception carries no position here: point at the declaration itself.
                var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
                (line, column) = doctype >= 0 ? InputText.LineAndColumn(text, doctype) : (line, column);
                message = "the file has a DOCTYPE (a DTD); DTDs and entities are refused for safety: remove the <!DOCTYPE ...> declaration";
            }
            else if (!message.StartsWith(TooDeep, StringComparison.Ordinal))
            {
                message = $"malformed XML: {Excerpt.Of(message.TrimEnd('.'), Excerpt.MaxMessageLength)}; fix the markup";
            }

            return ReadResult.Failure([new Diagnostic(fileName, Math.Max(1, line), Math.Max(1, column), message)]);
        }

        var problems = new DiagnosticList();
        void Report(XObject at, string message)
        {
            var location = Location(at);
            problems.Add(new Diagnostic(fileName, location.Line, location.Column, message));
        }

        var root = document.Root!;
        if (root.Name.LocalName != "Scenario")
        {
            Report(root, $"the root element is <{Excerpt.Of(root.Name.LocalName)}>; a KTAB scenario is a <Scenario> element");
            return ReadResult.Failure(problems);
        }

        var map = new SourceMap();
        map.Set("scenario", Location(root));
        var name = Required(root, "name", Report)?.Value.Trim() ?? string.Empty;
        var description = root.Element("desc")?.Value.Trim();

        var parameters = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (root.Element("ModelParameters") is { } parametersElement)
        {
            foreach (var (parameter, allowed) in ParameterNames)
            {
                var element = Required(parametersElement, parameter, Report);
                if (element is null)
                {
                    continue;
                }

                var value = element.Value.Trim();
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    Report(element, $"{parameter} '{Excerpt.Of(value)}' is not allowed; use one of {string.Join(", ", allowed)}");
                    continue;
                }

                parameters[parameter] = value switch { "Proportional" => "Prop", "No" => "None", _ => value };
            }
        }

        var dimensionNames = root.Element("Dimensions")?.Elements("dName").ToList() ?? [];
        if (root.Element("Dimensions") is { } dimensionsElement && dimensionNames.Count == 0)
        {
            Report(dimensionsElement, "<Dimensions> lists no <dName>; name every dimension");
        }

        var actorsElement = Required(root, "Actors", Report);
        var actorElements = actorsElement?.Elements("Actor").ToList() ?? [];
        if (actorsElement is not null && actorElements.Count == 0)
        {
            Report(actorsElement, "<Actors> has no <Actor>; list the actors");
        }

        if (actorElements.Count == 0)
        {
            return ReadResult.Failure(problems);
        }

        var dims = dimensionNames.Count > 0
            ? dimensionNames.Count
            : actorElements.Select(a => a.Element("Position")?.Elements("dCoord").Count() ?? 0).FirstOrDefault();
        var issues = ImmutableArray.CreateBuilder<Issue>(dims);
        for (var d = 0; d < dims; d++)
        {
            var id = d < dimensionNames.Count ? dimensionNames[d].Value.Trim() : $"Dimension {d + 1}";
            if (d < dimensionNames.Count)
            {
                map.Set(SourceMap.Key("issue", d), Location(dimensionNames[d]));
            }

            issues.Add(new Issue { Id = id, Name = id, ScaleMin = 0, ScaleMax = 100 });
        }

        var actors = ImmutableArray.CreateBuilder<Actor>(actorElements.Count);
        var stances = ImmutableArray.CreateBuilder<Stance>(actorElements.Count * dims);
        foreach (var actorElement in actorElements)
        {
            var index = actors.Count;
            var actorName = Required(actorElement, "name", Report)?.Value.Trim() ?? string.Empty;
            map.Set(SourceMap.Key("actor", index), Location(actorElement));
            var capabilityElement = Required(actorElement, "capability", Report);
            var capability = capabilityElement is null ? null : Number(capabilityElement, "capability", Report);
            if (capability is { } c && !(c > 0 && c <= 1e8))
            {
                Report(capabilityElement!, $"capability {FormatNumber(c)} is out of range; KTAB capabilities are greater than 0 and at most 1e8");
            }

            if (capabilityElement is not null)
            {
                map.Set(SourceMap.Key("actor", index, "capability"), Location(capabilityElement));
            }

            actors.Add(new Actor { Id = actorName, Name = actorName, Description = actorElement.Element("description")?.Value.Trim(), Capability = capability ?? 1 });
            var coordinates = Vector(actorElement, "Position", "dCoord", dims, "position", Report);
            var saliences = Vector(actorElement, "Salience", "dSal", dims, "salience", Report);
            var sum = saliences.Sum(s => s.Value ?? 0);
            if (saliences.Count == dims && saliences.All(s => s.Value is >= 0 and <= 100) && !(sum > 0 && sum <= 100))
            {
                Report(actorElement.Element("Salience")!, $"the saliences of '{Excerpt.Of(actorName)}' sum to {FormatNumber(sum)}; KTAB needs a sum greater than 0 and at most 100");
            }

            for (var d = 0; d < dims; d++)
            {
                var stanceIndex = stances.Count;
                map.Set(SourceMap.Key("stance", stanceIndex), Location(actorElement));
                if (d < coordinates.Count)
                {
                    map.Set(SourceMap.Key("stance", stanceIndex, "position"), Location(coordinates[d].Element));
                }

                if (d < saliences.Count)
                {
                    map.Set(SourceMap.Key("stance", stanceIndex, "salience"), Location(saliences[d].Element));
                }

                stances.Add(new Stance
                {
                    ActorId = actorName,
                    IssueId = issues[d].Id,
                    Position = d < coordinates.Count ? coordinates[d].Value ?? 0 : 0,
                    Salience = Math.Clamp(Percent.Divide(d < saliences.Count ? saliences[d].Value ?? 0 : 0, 100), 0, 1),
                });
            }
        }

        if (root.Element("IdealAdjustment") is { } adjustment)
        {
            var cells = new List<string>();
            var names = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var rowSums = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var pair in adjustment.Elements("iaPair"))
            {
                var adjusting = Required(pair, "adjustingIdeal", Report);
                var reference = Required(pair, "referencePos", Report);
                var rateElement = Required(pair, "adjust", Report);
                var rate = rateElement is null ? null : Number(rateElement, "adjust", Report);
                foreach (var who in new[] { adjusting, reference })
                {
                    if (who is not null && !names.Contains(who.Value.Trim()))
                    {
                        Report(who, $"unknown actor '{Excerpt.Of(who.Value.Trim())}'; use the name of an <Actor>");
                    }
                }

                if (rate is { } r && !(r >= 0 && r <= 1))
                {
                    Report(rateElement!, $"adjust {FormatNumber(r)} is out of range; rates are from 0 to 1");
                }
                else if (adjusting is not null && reference is not null && rate is { } ok)
                {
                    var key = adjusting.Value.Trim();
                    rowSums[key] = rowSums.GetValueOrDefault(key) + ok;
                    if (rowSums[key] > 1 + 1e-10)
                    {
                        Report(rateElement!, $"the adjust rates of '{Excerpt.Of(key)}' sum to {FormatNumber(rowSums[key])}; an actor's rates sum to at most 1");
                    }

                    cells.Add(string.Create(CultureInfo.InvariantCulture, $"{key}>{reference.Value.Trim()}={ok:R}"));
                }
            }

            if (cells.Count > 0)
            {
                parameters["IdealAdjustment"] = string.Join(";", cells);
            }
        }

        var scenario = new Scenario
        {
            Id = name,
            Title = name,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Actors = actors.ToImmutable(),
            Issues = issues.ToImmutable(),
            Stances = stances.ToImmutable(),
            ModelParameters = parameters.ToImmutable(),
        };

        // One pass: the scenario's checks (ids, duplicates) run even when a value was refused above;
        // a refused value was replaced by a neutral one, and its spot is not reported twice.
        problems.AddUnlessLocated(ScenarioChecker.Check(scenario, map, fileName));
        return ReadResult.From(scenario, problems);
    }

    /// <summary>
    /// Parses the document with DTDs prohibited (no entity can expand or reach outside the file)
    /// and nesting limited to <see cref="MaxDepth"/> elements, checked while reading.
    /// </summary>
    private static XDocument Load(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
        };
        using (var scan = XmlReader.Create(new StringReader(text), settings))
        {
            while (scan.Read())
            {
                if (scan.Depth > MaxDepth)
                {
                    var info = (IXmlLineInfo)scan;
                    throw new XmlException(
                        string.Create(CultureInfo.InvariantCulture, $"{TooDeep} {MaxDepth} levels deep here; the limit is {MaxDepth} levels (a KTAB scenario needs 4)"),
                        null, info.LineNumber, info.LinePosition);
                }
            }
        }

        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    private static XElement? Required(XElement parent, string child, Action<XObject, string> report)
    {
        var element = parent.Element(child);
        if (element is null)
        {
            report(parent, $"<{parent.Name.LocalName}> has no <{child}>; add it (see smpSchema.xsd)");
        }

        return element;
    }

    private static List<(XElement Element, double? Value)> Vector(XElement actor, string container, string item, int dims, string what, Action<XObject, string> report)
    {
        var parent = actor.Element(container);
        if (parent is null)
        {
            report(actor, $"<Actor> has no <{container}>; give one <{item}> per dimension");
            return [];
        }

        var items = parent.Elements(item).ToList();
        if (items.Count != dims)
        {
            report(parent, $"<{container}> has {items.Count} <{item}>; the scenario has {dims} dimension(s), give one per dimension");
        }

        var values = new List<(XElement, double?)>(items.Count);
        foreach (var element in items)
        {
            var value = Number(element, what, report);
            if (value is { } v && !(v >= 0 && v <= 100))
            {
                report(element, $"{what} {FormatNumber(v)} is out of range; KTAB {what}s are from 0 to 100");
            }

            values.Add((element, value));
        }

        return values;
    }

    private static double? Number(XElement element, string what, Action<XObject, string> report)
    {
        var text = element.Value.Trim();
        if (text.Length == 0)
        {
            report(element, $"<{element.Name.LocalName}> is empty; give the {what} as a number");
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            report(element, $"{what} '{Excerpt.Of(text)}' is not a number; write numbers like 42 or 57.5");
            return null;
        }

        return value;
    }

    /// <summary>Where an element starts: its '&lt;' (the XML reader reports the column of its name).</summary>
    private static SourceLocation Location(XObject at)
    {
        var info = (IXmlLineInfo)at;
        return info.HasLineInfo() ? new SourceLocation(info.LineNumber, Math.Max(1, info.LinePosition - (at is XElement ? 1 : 0))) : SourceLocation.Start;
    }

    private static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
