using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Parley.Core.Backtesting;
using Parley.Formats.Deu;

namespace Parley.Formats.Backtesting;

/// <summary>What loading backtest inputs gave: the cases, or every problem found.</summary>
/// <param name="Cases">The cases, in the order of the paths and, inside a DEU file, of its rows.</param>
/// <param name="Diagnostics">Every problem, file by file; empty when all inputs are valid.</param>
/// <param name="Dataset">A name for the inputs in reports: the file name, or the names joined.</param>
/// <param name="ReadDeu">Whether any input was a DEU data set (so the capability option applied).</param>
public sealed record BacktestInput(ImmutableArray<BacktestCase> Cases, ImmutableArray<Diagnostic> Diagnostics, string Dataset, bool ReadDeu)
{
    /// <summary>Every input file by name and SHA-256 of its bytes (an upload's UTF-8 text), in reading order: the provenance a calibration records.</summary>
    public ImmutableArray<DataDigest> Data { get; init; } = [];

    /// <summary>Whether every input was read without problems.</summary>
    public bool Succeeded => Diagnostics.IsEmpty;

    /// <summary>
    /// Loads backtest cases from files and folders. A DEU file (named with
    /// <paramref name="format"/> = <see cref="ScenarioFormat.Deu"/> or recognised by its header)
    /// gives one case per proposal with a known outcome (<see cref="DeuDataset.ToBacktestCases"/>; the backtest
    /// splits cases into issues for its issue mode). Any other scenario file gives one case,
    /// scored on the issues that carry an <c>outcome</c>; a folder gives every <c>.yaml</c>,
    /// <c>.yml</c> and <c>.json</c> file in it, in ordinal name order. A scenario file without any
    /// outcome is a problem: it cannot be scored.
    /// </summary>
    /// <param name="paths">Files or folders, as the user named them.</param>
    /// <param name="format">The files' format, or <c>null</c> to detect it from the content.</param>
    /// <param name="capability">Capabilities for DEU files.</param>
    public static BacktestInput Load(IReadOnlyList<string> paths, ScenarioFormat? format, DeuCapability capability)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var cases = ImmutableArray.CreateBuilder<BacktestCase>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var files = new List<string>();
        var digests = ImmutableArray.CreateBuilder<DataDigest>();
        var readDeu = false;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    problems.Add(new Diagnostic(path, 1, 1, "the folder has no scenario files; backtests read .yaml, .yml and .json files from a folder"));
                }

                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }

        foreach (var file in files)
        {
            var deu = IsDeu(file, format);
            readDeu |= deu;
            // One read per file, within the input size limit (a device such as /dev/zero is refused there):
            // the bytes parsed are the bytes hashed.
            var (bytes, problem) = InputText.ReadBytes(file);
            if (bytes is null)
            {
                problems.Add(problem!);
                continue;
            }

            var before = problems.Count;
            Add(file, deu, cases, problems, () => DeuReader.ReadDatasetBytes(bytes, file, capability), () => ScenarioFiles.ReadBytes(bytes, file, format));
            if (problems.Count == before)
            {
                digests.Add(new DataDigest(Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }
        }

        var name = paths.Count == 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(paths[0])) : string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        return new BacktestInput(cases.ToImmutable(), problems.ToImmutable(), name, readDeu) { Data = digests.ToImmutable() };
    }

    /// <summary>
    /// Loads backtest cases from texts (uploads): each is a DEU data set or a scenario file, as
    /// <see cref="Load"/> reads a file; <c>Name</c> names it in diagnostics and is never opened.
    /// </summary>
    /// <param name="inputs">Each input's name and text.</param>
    /// <param name="format">The inputs' format, or <c>null</c> to detect it from the content.</param>
    /// <param name="capability">Capabilities for DEU data sets.</param>
    public static BacktestInput LoadTexts(IReadOnlyList<(string Name, string Text)> inputs, ScenarioFormat? format, DeuCapability capability)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var cases = ImmutableArray.CreateBuilder<BacktestCase>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var readDeu = false;
        foreach (var (name, text) in inputs)
        {
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            var deu = format is { } named ? named == ScenarioFormat.Deu : new DeuReader().Recognizes((end < 0 ? text : text[..end]).TrimStart('\uFEFF'), name);
            readDeu |= deu;
            Add(name, deu, cases, problems, () => DeuReader.ReadDataset(text, name, capability), () => ScenarioFiles.ReadText(text, name, format));
        }

        return new BacktestInput(cases.ToImmutable(), problems.ToImmutable(), string.Join(", ", inputs.Select(i => i.Name)), readDeu)
        {
            Data = [.. inputs.Select(i => new DataDigest(i.Name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(i.Text)))))],
        };
    }

    /// <summary>The cases of one input, or its problems: a DEU data set's rows, or one scenario with outcomes.</summary>
    private static void Add(
        string name,
        bool deu,
        ImmutableArray<BacktestCase>.Builder cases,
        ImmutableArray<Diagnostic>.Builder problems,
        Func<DeuDataset> readDataset,
        Func<ReadResult> readScenario)
    {
        if (deu)
        {
            var dataset = readDataset();
            problems.AddRange(dataset.Diagnostics);
            cases.AddRange(dataset.ToBacktestCases());
            if (dataset.Succeeded && dataset.Rows.All(r => r.Outcome is null))
            {
                problems.Add(new Diagnostic(name, 1, 1, "no issue row has an outcome (out); a backtest needs known outcomes"));
            }

            return;
        }

        var result = readScenario();
        if (result.Scenario is not { } scenario)
        {
            problems.AddRange(result.Diagnostics);
            return;
        }

        if (!scenario.Issues.Any(i => i.Outcome is not null))
        {
            problems.Add(new Diagnostic(name, 1, 1, "no issue has an outcome; give each issue you want scored its known 'outcome:' on the issue's scale"));
            return;
        }

        cases.Add(new BacktestCase(scenario.Id, scenario, name));
    }

    private static bool IsDeu(string file, ScenarioFormat? format)
    {
        if (format is { } named)
        {
            return named == ScenarioFormat.Deu;
        }

        try
        {
            // Only the header decides, and it is read with a bound: a file without line breaks
            // (or /dev/zero) must not be read whole just to be recognised.
            using var reader = new StreamReader(file);
            var buffer = new char[64 * 1024];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            var head = new string(buffer, 0, read);
            var end = head.IndexOf('\n', StringComparison.Ordinal);
            return new DeuReader().Recognizes(end < 0 ? head : head[..end], file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
