using Parley.Drafting.Text;

namespace Parley.Drafting.Tests;

/// <summary>The sentence embedder gives each text the same vector however many texts it embeds at once.</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void Embed_ManyTextsInParallel_GivesEachTheVectorItGetsAlone()
    {
        var text = File.ReadAllText(Path.Combine(Articles.RepositoryRoot, "scenarios", "drafting", "trade-dispute.txt"));
        var sentences = TextSplitter.Sentences(text).Select(s => s.Text).Take(24).ToList();
        var embedder = Articles.Embedder;

        var together = embedder.Embed(sentences);
        var alone = sentences.Select(s => embedder.Embed([s])[0]).ToList();

        Assert.True(sentences.Count >= 8, $"the article has {sentences.Count} sentences");
        for (var i = 0; i < sentences.Count; i++)
        {
            Assert.Equal(alone[i], together[i]);
        }

        Assert.All(together, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 5));
    }
}
