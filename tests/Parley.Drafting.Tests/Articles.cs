using Parley.Core.Domain;
using Parley.Drafting.Embeddings;
using Parley.Drafting.Issues;
using Parley.Drafting.Sources;
using Parley.Formats;

namespace Parley.Drafting.Tests;

/// <summary>The repository's and the shared folder's articles, and one embedder for every test (loading the model takes a moment).</summary>
internal static class Articles
{
    private static readonly Lazy<MiniLmEmbedder> SharedEmbedder = new(() => new MiniLmEmbedder());

    private static readonly Lazy<Drafter> SharedDrafter = new(() => new Drafter(SharedEmbedder.Value));

    public static ISentenceEmbedder Embedder => SharedEmbedder.Value;

    /// <summary>One drafter for every test: it remembers embeddings, so an article drafted again costs little.</summary>
    public static Drafter Drafter => SharedDrafter.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The seed article beside the repository (<c>../shared/seed</c>), or <c>null</c>.</summary>
    public static string? SeedPath
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seed", "alaska-summit-article.txt"));
            return File.Exists(path) ? path : null;
        }
    }

    public const string SeedSkipReason = "../shared/seed/alaska-summit-article.txt is absent beside the repository root; the seed evaluation needs it";

    /// <summary>Our own test articles: file, issues file and expected scenario, under scenarios/drafting.</summary>
    public static IEnumerable<(string Article, string Issues, string Expected)> OwnArticles()
    {
        var folder = Path.Combine(RepositoryRoot, "scenarios", "drafting");
        foreach (var name in new[] { "trade-dispute.txt", "coalition-talks.md", "climate-conference.html" })
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            yield return (Path.Combine(folder, name), Path.Combine(folder, stem + ".issues.yaml"), Path.Combine(folder, stem + ".expected.yaml"));
        }
    }

    public static SourceDocument Read(string path)
    {
        var result = SourceReader.ReadFile(path, Path.GetFileNameWithoutExtension(path));
        Assert.True(result.Document is not null, result.Problem?.ToString());
        return result.Document!;
    }

    public static DraftOptions Options(string issuesPath, bool suggest = false)
    {
        var (issues, problems) = IssuesFile.ReadFile(issuesPath);
        Assert.Empty(problems);
        return new DraftOptions { Issues = issues, Suggest = suggest };
    }

    public static Scenario Scenario(string path)
    {
        var result = ScenarioFiles.Read(path);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Scenario!;
    }

    public static DraftResult Draft(string articlePath, string issuesPath, bool suggest = false) =>
        Drafter.Draft([Read(articlePath)], Options(issuesPath, suggest));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above the test's folder.");
    }
}

/// <summary>A fact that needs the seed article; it skips, saying why, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        Skip = Articles.SeedPath is null ? Articles.SeedSkipReason : null;
    }
}
