using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Parley.Drafting;
using Parley.Drafting.Embeddings;
using Parley.Drafting.Issues;
using Parley.Drafting.Sources;

namespace Parley.Benchmarks;

/// <summary>
/// <c>parley draft</c> on a 2,000-word article after start-up (the model loaded once): the issue's
/// target is under 2 s. The article is the three test articles of scenarios/drafting, repeated as
/// numbered updates until it has 2,000 words, so that no sentence repeats (a repeated sentence
/// would be embedded once). Each operation uses a new drafter, so nothing is remembered between runs.
/// </summary>
[MemoryDiagnoser]
public class DraftingBenchmarks
{
    private MiniLmEmbedder embedder = null!;
    private SourceDocument article = null!;
    private DraftOptions withIssues = null!;

    [GlobalSetup]
    public void Setup()
    {
        embedder = new MiniLmEmbedder();
        (article, withIssues) = Inputs();
        embedder.Embed(["warm up"]);
    }

    [GlobalCleanup]
    public void Cleanup() => embedder.Dispose();

    [Benchmark]
    public DraftResult Draft2000WordsWithIssuesFile() => new Drafter(embedder).Draft([article], withIssues);

    [Benchmark]
    public DraftResult Draft2000WordsWithLexiconIssues() => new Drafter(embedder).Draft([article], new DraftOptions());

    /// <summary>A quick figure without BenchmarkDotNet: load time, then the median of 7 drafts of each kind.</summary>
    public static void PrintTimes()
    {
        var load = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder();
        embedder.Embed(["warm up"]);
        load.Stop();
        var (article, withIssues) = Inputs();
        var sentences = Parley.Drafting.Text.TextSplitter.Sentences(article.Text).Select(x => x.Text).ToList();
        var embedWatch = Stopwatch.StartNew();
        embedder.Embed(sentences);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedding the article's {sentences.Count} sentences alone: {embedWatch.Elapsed.TotalSeconds:0.000} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"article: {article.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length} words; model load {load.Elapsed.TotalSeconds:0.00} s"));
        foreach (var (name, options) in new[] { ("issues file", withIssues), ("lexicon", new DraftOptions()) })
        {
            var times = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                new Drafter(embedder).Draft([article], options);
                times.Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }

            times.Sort();
            cpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"draft with {name}: median {times[3]:0.000} s wall ({cpu[3]:0.000} s CPU), min {times[0]:0.000} s, max {times[^1]:0.000} s"));
        }
    }

    private static (SourceDocument Article, DraftOptions Options) Inputs()
    {
        var folder = Path.Combine(Root(), "scenarios", "drafting");
        var texts = new[] { "trade-dispute.txt", "coalition-talks.md", "climate-conference.html" }
            .Select(name => SourceReader.ReadFile(Path.Combine(folder, name), "part").Document!.Text)
            .ToList();
        var builder = new System.Text.StringBuilder();
        var words = 0;
        for (var update = 1; words < 2000; update++)
        {
            foreach (var text in texts)
            {
                foreach (var paragraph in text.Split("\n\n"))
                {
                    var line = update == 1 ? paragraph : $"Update {update}: {paragraph}";
                    builder.Append(line).Append("\n\n");
                    words += line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    if (words >= 2000)
                    {
                        break;
                    }
                }

                if (words >= 2000)
                {
                    break;
                }
            }
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(builder.ToString());
        var article = SourceReader.Read(bytes, "benchmark-2000-words.txt", "benchmark").Document!;
        var (issues, _) = IssuesFile.ReadFile(Path.Combine(folder, "trade-dispute.issues.yaml"));
        var (more, _) = IssuesFile.ReadFile(Path.Combine(folder, "climate-conference.issues.yaml"));
        return (article, new DraftOptions { Issues = [.. issues, .. more] });
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above the benchmark's folder");
    }
}
