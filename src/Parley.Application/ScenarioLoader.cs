using System.Globalization;
using Parley.Core.Blocs;
using Parley.Core.Domain;
using Parley.Formats;
using Parley.Formats.Deu;

namespace Parley.Application;

/// <summary>Loads and checks scenarios from a <see cref="ScenarioSource"/>: every problem comes back located.</summary>
public static class ScenarioLoader
{
    /// <summary>The scenario <paramref name="source"/> holds, or every problem found in it.</summary>
    public static Outcome<Scenario> Load(ScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Text is not { } text)
        {
            return Read(source);
        }

        // A server reads the same uploaded or stored text for every request that names it; a
        // scenario and its problems are immutable, so the last few texts' outcomes are kept.
        var key = (source.Name, source.Format, source.Proposal, text);
        if (RecentTexts.TryGetValue(key, out var known))
        {
            return known;
        }

        var outcome = Read(source);
        if (RecentTexts.Count >= RecentTextLimit)
        {
            RecentTexts.Clear();
        }

        RecentTexts[key] = outcome;
        return outcome;
    }

    /// <summary>How many texts' outcomes <see cref="Load"/> keeps.</summary>
    private const int RecentTextLimit = 16;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string? Format, string? Proposal, string Text), Outcome<Scenario>> RecentTexts = new();

    private static Outcome<Scenario> Read(ScenarioSource source)
    {
        if (ParseFormat(source.Format, out var format) is { } error)
        {
            return Outcome<Scenario>.Invalid(error);
        }

        var result = source.Path is { } path ? ScenarioFiles.Read(path, format) : ScenarioFiles.ReadText(source.Text!, source.Name, format);
        if (result.Scenario is not { } scenario)
        {
            return Outcome<Scenario>.Invalid(result.Diagnostics);
        }

        if (scenario.IsDraft)
        {
            // A draft's positions and saliences are still null: no model can run until the analyst decides them.
            return Outcome<Scenario>.Invalid(
                $"{source.Name} is a draft: {result.OpenJudgements.Length} judgement(s) are still open (positions and saliences of {scenario.DraftStances.Length} stance(s)); "
                + $"models need every one decided. Run 'parley validate {source.Name}' to list them, decide them in the file, then forecast.");
        }

        return DeuText(source, format) is { } text ? ChooseProposal(source, text) : source.Proposal is { } proposal
            ? Outcome<Scenario>.Invalid($"--proposal {proposal}: {source.Name} holds one negotiation, not a data set of proposals; drop --proposal")
            : Outcome<Scenario>.Success(scenario);
    }

    /// <summary>
    /// The text, file name and format of <paramref name="source"/>, as a store records it beside the
    /// scenario read from it. Call it after <see cref="Load"/> succeeded: a file is read again here.
    /// </summary>
    /// <exception cref="IOException">The file can no longer be read.</exception>
    public static ScenarioText ReadText(ScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Path is { } workbookPath && File.ReadAllBytes(workbookPath) is var bytes && Formats.Sheets.SpreadsheetFiles.IsWorkbook(bytes, workbookPath)
            && Formats.Sheets.SpreadsheetFiles.ReadWorkbook(bytes, workbookPath).Scenario is { } fromWorkbook)
        {
            // A store keeps text: a workbook is kept as the native YAML of the scenario it holds.
            return new ScenarioText(Formats.Native.NativeScenarioWriter.ToYaml(fromWorkbook), System.IO.Path.ChangeExtension(System.IO.Path.GetFileName(workbookPath), ".yaml"), "yaml");
        }

        var text = source.Text ?? File.ReadAllText(source.Path!, System.Text.Encoding.UTF8);
        var fileName = source.Path is { } path
            ? System.IO.Path.GetFileName(path)
            : source.Name == BuiltInScenarios.AlaskaName ? BuiltInScenarios.AlaskaFileName : System.IO.Path.GetFileName(source.Name);
        var format = ParseFormat(source.Format, out var named) is null && named is { } given
            ? given
            : ScenarioFiles.Detect(text.TrimStart('\uFEFF'), fileName)?.Format ?? ScenarioFormat.Yaml;
        return new ScenarioText(text, fileName.Length == 0 ? "scenario" : fileName, ScenarioFiles.FormatName(format));
    }

    /// <summary>
    /// The scenario <paramref name="source"/> holds, drafts included, with a draft's open judgements
    /// (<c>file:line:column: what is to decide</c>): for showing a scenario (a report), not for running
    /// models on it. A complete scenario is loaded as <see cref="Load"/> loads it.
    /// </summary>
    public static Outcome<ReviewedScenario> LoadForReview(ScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ParseFormat(source.Format, out var format) is { } error)
        {
            return Outcome<ReviewedScenario>.Invalid(error);
        }

        var result = source.Path is { } path ? ScenarioFiles.Read(path, format) : ScenarioFiles.ReadText(source.Text!, source.Name, format);
        if (result.Scenario is { IsDraft: true } draft)
        {
            return Outcome<ReviewedScenario>.Success(new ReviewedScenario(draft, [.. result.OpenJudgements.Select(j => j.ToString())]));
        }

        var loaded = Load(source);
        return loaded.Value is { } scenario ? Outcome<ReviewedScenario>.Success(new ReviewedScenario(scenario, [])) : loaded.As<ReviewedScenario>();
    }

    /// <summary>The text of a DEU data set, or <c>null</c> when <paramref name="source"/> is another format.</summary>
    /// <remarks>
    /// A DEU file is recognised by its header line alone, so other files are told apart by their
    /// first line without reading them again whole.
    /// </remarks>
    private static string? DeuText(ScenarioSource source, ScenarioFormat? format)
    {
        if (format is { } named && named != ScenarioFormat.Deu)
        {
            return null;
        }

        try
        {
            var beginning = source.Text ?? Beginning(source.Path!);
            if (format is null && !ScenarioFiles.ReaderFor(ScenarioFormat.Deu)!.Recognizes(beginning.TrimStart('\uFEFF'), source.Name))
            {
                return null;
            }

            var whole = source.Text ?? File.ReadAllText(source.Path!);
            var detected = format ?? ScenarioFiles.Detect(whole.TrimStart('\uFEFF'), source.Name)?.Format;
            return detected == ScenarioFormat.Deu ? whole : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first 64K characters of the file: enough for its header line.</summary>
    private static string Beginning(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64 * 1024];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// A DEU data set holds one negotiation per proposal: running models on all of them at once would
    /// let them trade across unrelated proposals, so one must be chosen.
    /// </summary>
    private static Outcome<Scenario> ChooseProposal(ScenarioSource source, string text)
    {
        var proposals = DeuReader.ReadDataset(text, source.Name).Proposals;
        var chosen = source.Proposal is { } id ? proposals.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)) : null;
        if (chosen is not null)
        {
            return Outcome<Scenario>.Success(chosen.Scenario);
        }

        var issues = proposals.Sum(p => p.Scenario.Issues.Length);
        var lead = source.Proposal is { } unknown
            ? $"--proposal {unknown} is not a proposal of {source.Name}"
            : $"{source.Name} is a DEU data set of {proposals.Length} proposals ({issues} issues), each a separate negotiation; choose one with --proposal ID";
        var guess = source.Proposal is null ? null : Suggestions.Closest(source.Proposal, proposals.Select(p => p.Id));
        var width = proposals.Max(p => p.Id.Length);
        var list = proposals.Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"  {p.Id.PadRight(width)}  {p.Scenario.Issues.Length,3} issue{(p.Scenario.Issues.Length == 1 ? " " : "s")}  {p.Name}"));
        return Outcome<Scenario>.Invalid(
            $"{lead}{(guess is null ? string.Empty : $" (did you mean {guess}?)")}; the proposals are:{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }

    /// <summary>Reads a format name; <c>null</c> when it is known or absent, else what is allowed.</summary>
    public static string? ParseFormat(string? name, out ScenarioFormat? format)
    {
        format = null;
        if (name is null)
        {
            return null;
        }

        format = ScenarioFiles.ParseFormatName(name);
        return format is null ? $"--format '{name}' is not a known format; use one of {ScenarioFiles.FormatNames}" : null;
    }

    /// <summary>Reads a <c>--blocs</c> mode name; <c>null</c> when it is known, else what is allowed.</summary>
    public static string? ParseBlocs(string name, out BlocMode mode)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BlocTransform.ParseMode(name) is { } parsed)
        {
            mode = parsed;
            return null;
        }

        mode = BlocMode.AsWritten;
        return $"--blocs '{name}' is not allowed; use one of {BlocTransform.Names}";
    }
}
