using System.Collections.Immutable;
using System.CommandLine;
using System.Text.RegularExpressions;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Drafting;
using Parley.Drafting.Embeddings;
using Parley.Drafting.Issues;
using Parley.Drafting.Sources;
using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley draft SOURCE… [--issues FILE] [--suggest] [--merge EXISTING] [--compare EXPECTED] [-o OUT] [--force]</c>:
/// drafts a scenario from documents (text, Markdown, HTML, PDF), or adds new sources' candidate
/// evidence to an existing scenario. Judgements stay open (<c>position: null</c>); see docs/drafting.md.
/// </summary>
internal static partial class DraftCommand
{
    private const string ExistsAdvice = "choose another --output or add --force to replace it";

    public static Command Create(CliConsole console)
    {
        var sourcesArgument = new Argument<string[]>("sources") { Description = "Documents to draft from: .txt, .md, .html or .pdf.", Arity = ArgumentArity.OneOrMore };
        var issues = new Option<string?>("--issues") { Description = "YAML file of the issues to look for (id, name, min, max, low and high sentences, keywords, anchors); without it issues are proposed from the built-in lexicon." };
        var suggest = new Option<bool>("--suggest") { Description = "Propose a position (kind: suggestion) from the issues file's anchor sentences. Still a draft: the analyst decides." };
        var merge = new Option<string?>("--merge") { Description = "Add the sources' candidate evidence to this existing scenario; its positions, saliences and capabilities are not touched." };
        var compare = new Option<string?>("--compare") { Description = "Print how the draft compares with this hand-built scenario of the same sources (actor and people recall, precision, quotes in the top three)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the draft here (.yaml, .yml or .json: the extension says the format); standard output when omitted." };
        var force = new Option<bool>("--force") { Description = "Replace OUT if it already exists." };
        var command = new Command("draft", "Draft a scenario from documents: actors, people, issues and ranked candidate evidence; judgements left open.");
        command.Arguments.Add(sourcesArgument);
        command.Options.Add(issues);
        command.Options.Add(suggest);
        command.Options.Add(merge);
        command.Options.Add(compare);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            // The output's name and place are checked before the (slow) drafting, so a refused run costs nothing.
            var target = parse.GetValue(output);
            var written = ScenarioOutputFormat.Choose(null, target, ["yaml", "json"], "for a workbook or CSV, draft to .yaml and run 'parley convert DRAFT.yaml -o DRAFT.xlsx'");
            if (written.Value is not { } writtenFormat)
            {
                return Problems.Print(console, written);
            }

            if (target is not null && OutputFile.Check(target, parse.GetValue(force), ExistsAdvice) is { } refused)
            {
                console.Error.WriteLine($"parley: --output: {refused}");
                return ExitCodes.InvalidInput;
            }

            var problems = new List<Diagnostic>();
            var documents = ReadSources(parse.GetValue(sourcesArgument) ?? [], problems);
            var definitions = ImmutableArray<IssueDefinition>.Empty;
            if (parse.GetValue(issues) is { } issuesPath)
            {
                var (read, issueProblems) = IssuesFile.ReadFile(issuesPath);
                definitions = read;
                problems.AddRange(issueProblems);
            }

            Scenario? existing = null;
            if (parse.GetValue(merge) is { } mergePath)
            {
                var result = ScenarioFiles.Read(mergePath);
                existing = result.Scenario;
                problems.AddRange(result.Diagnostics);
            }

            Scenario? expected = null;
            if (parse.GetValue(compare) is { } comparePath)
            {
                var result = ScenarioFiles.Read(comparePath);
                expected = result.Scenario;
                problems.AddRange(result.Diagnostics);
            }

            if (problems.Count > 0)
            {
                Diagnostics.Print(console, problems);
                return ExitCodes.InvalidInput;
            }

            if (existing is not null && definitions.IsEmpty)
            {
                definitions = [.. existing.Issues.Select(IssueDefinition.FromIssue)];
            }

            using var embedder = new MiniLmEmbedder();
            var drafter = new Drafter(embedder);
            var draft = drafter.Draft(documents, new DraftOptions { Issues = definitions, Suggest = parse.GetValue(suggest) }, console.Cancellation);
            var scenario = draft.Scenario;
            if (existing is not null)
            {
                var merged = DraftMerger.Merge(existing, scenario);
                foreach (var note in merged.Notes)
                {
                    console.Error.WriteLine($"note: {note}");
                }

                console.Error.WriteLine($"merged {merged.AddedCandidates} candidate passage(s) from {documents.Count} source(s); positions, saliences and capabilities unchanged");
                scenario = merged.Scenario;
            }
            else
            {
                var stances = scenario.DraftStances;
                console.Error.WriteLine(
                    $"drafted {scenario.Actors.Count(a => a.Kind != ActorKind.Person)} actors, {scenario.Actors.Count(a => a.Kind == ActorKind.Person)} people, {scenario.Issues.Length} issues, "
                    + $"{stances.Length} draft stances with {stances.Sum(s => s.Candidates.Length)} candidate passages from {documents.Count} source(s); "
                    + "positions, saliences and capabilities are left to you ('parley validate' lists them)");
            }

            if (expected is not null)
            {
                foreach (var line in DraftComparison.Compare(draft.Scenario, expected, draft.Sources).Lines())
                {
                    console.Output.WriteLine(line);
                }
            }

            var text = writtenFormat == "json" ? NativeScenarioWriter.ToJson(scenario) : NativeScenarioWriter.ToYaml(scenario);
            if (target is null)
            {
                if (expected is null)
                {
                    console.Output.Write(text);
                }

                return ExitCodes.Success;
            }

            if (OutputFile.Write(target, text, parse.GetValue(force), ExistsAdvice) is { } problem)
            {
                console.Error.WriteLine($"parley: --output: {problem}");
                return ExitCodes.InvalidInput;
            }

            console.Error.WriteLine($"wrote {target}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads every source (ids from the file names, made unique); every unreadable one is a located problem.</summary>
    private static List<SourceDocument> ReadSources(IReadOnlyList<string> paths, List<Diagnostic> problems)
    {
        var documents = new List<SourceDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var stem = NotIdCharacters().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-');
            var id = stem.Length == 0 ? "source" : stem;
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{stem}-{n}";
            }

            var result = SourceReader.ReadFile(path, id);
            if (result.Document is { } document)
            {
                documents.Add(document);
            }
            else
            {
                problems.Add(result.Problem!);
            }
        }

        return documents;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();
}
