using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Drafting.Actors;
using Parley.Drafting.Analysis;
using Parley.Drafting.Embeddings;
using Parley.Drafting.Issues;
using Parley.Drafting.Sources;

namespace Parley.Drafting;

/// <summary>
/// Drafts a scenario from documents: the actors (gazetteer entities and the people who speak for
/// them), the issues (given, or proposed from the lexicon), and for every actor and issue the
/// ranked passages where the actor speaks, is quoted or is reported acting on the issue, each with
/// its exact words and offsets. Positions, saliences and capabilities are left open
/// (<c>position: null</c>): they are the analyst's judgements. Pure: no file or console I/O.
/// </summary>
/// <remarks>
/// A candidate's score is the sentence's relevance to the issue (half keywords, half embedding
/// similarity; see <see cref="IssueMatcher"/>) times how directly the actor takes part: 1 when it
/// (or a person speaking for it) is the speaker or the main clause's subject, 0.8 in a subordinate
/// clause ("... that Washington may agree"), 0.6 when it is only mentioned.
/// </remarks>
public sealed class Drafter(ISentenceEmbedder embedder, Gazetteer? gazetteer = null)
{
    private readonly Gazetteer gazetteer = gazetteer ?? Gazetteer.BuiltIn;
    private readonly EmbeddingCache embeddings = new(embedder);

    /// <summary>Drafts a scenario from <paramref name="documents"/>.</summary>
    public DraftResult Draft(IReadOnlyList<SourceDocument> documents, DraftOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        if (documents.Count == 0)
        {
            throw new ArgumentException("Give at least one document to draft from.", nameof(documents));
        }

        var sources = documents.Select((d, i) => new AnalyzedSource(i, d)).ToList();
        var analyzer = new ActorAnalyzer(gazetteer);
        analyzer.Analyze(sources);

        // Only a sentence that mentions someone can be a candidate; with the issues given, the others
        // need no embedding (proposing issues from the lexicon reads every sentence).
        var flat = sources.SelectMany(s => s.Sentences.Select(sentence => (Source: s, Sentence: sentence)))
            .Where(f => options.Issues.IsEmpty || f.Source.Mentions[f.Sentence.Index].Count > 0)
            .ToList();
        var vectors = embeddings.Embed([.. flat.Select(f => f.Sentence.Text)], cancellationToken);
        var vectorOf = new Dictionary<(int, int), float[]>();
        for (var i = 0; i < flat.Count; i++)
        {
            vectorOf[(flat[i].Source.Index, flat[i].Sentence.Index)] = vectors[i];
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        var issues = options.Issues.IsEmpty
            ? ProposeIssues(sources, vectorOf, options, notes, cancellationToken)
            : WithKeywords(options.Issues, cancellationToken);
        var matcher = new IssueMatcher(issues, embeddings, cancellationToken);

        var (actors, keysOf, notProposed) = ChooseActors(sources, analyzer);
        if (notProposed.Count > 0)
        {
            notes.Add("Mentioned but not proposed as actors (never speaking or acting, no one speaking for them): " + string.Join(", ", notProposed) + ".");
        }

        var anchorVectors = options.Suggest ? AnchorVectors(issues, cancellationToken) : null;
        var stances = ImmutableArray.CreateBuilder<DraftStance>();
        foreach (var actor in actors.Where(a => a.Kind != ActorKind.Person || !actors.Any(b => b.Members.Contains(a.Id))))
        {
            for (var i = 0; i < issues.Length; i++)
            {
                var found = Candidates(sources, keysOf[actor.Id], matcher, i, vectorOf, options);
                var candidates = found.Take(options.CandidatesPerStance).ToList();
                stances.Add(new DraftStance
                {
                    ActorId = actor.Id,
                    IssueId = issues[i].Id,
                    Candidates = [.. candidates.Select(c => c.Evidence)],
                    Suggestion = anchorVectors is not null && issues[i].FromIssuesFile && candidates.Count > 0
                        ? Suggest(issues[i], anchorVectors[i], candidates.Take(3).Select(c => vectorOf[(c.Source, c.Sentence)]).ToList())
                        : null,
                });
            }
        }

        notes.Add($"Issues matched by meaning with {embeddings.Name} and by keywords; each candidate's score is relevance x how directly the actor takes part.");
        var first = documents[0];
        var scenario = new Scenario
        {
            Id = options.ScenarioId ?? "draft-" + first.Id,
            Title = documents.Count == 1 ? $"Draft: {first.Title}" : $"Draft: {first.Title} and {documents.Count - 1} more source(s)",
            Date = first.Date,
            Description = "Drafted by parley draft. Positions, saliences and capabilities are open judgements for the analyst: "
                + "each draft stance lists candidate passages, best first, with their exact words and character offsets in the source's text. "
                + string.Join(" ", notes),
            Sources = [.. documents.Select(d => new Source(d.Id, d.Title, Date: d.Date) { File = d.File, Sha256 = d.Sha256 })],
            Actors = [.. actors],
            Issues = [.. issues.Select(i => i.ToIssue())],
            DraftStances = stances.ToImmutable(),
        };
        return new DraftResult(scenario, [.. documents], notes.ToImmutable());
    }

    private sealed record Found(int Source, int Sentence, CandidateEvidence Evidence);

    /// <summary>Sentences where one of <paramref name="keys"/> takes part and the issue is relevant enough, best first.</summary>
    private static List<Found> Candidates(List<AnalyzedSource> sources, HashSet<string> keys, IssueMatcher matcher, int issue, Dictionary<(int, int), float[]> vectorOf, DraftOptions options)
    {
        var found = new List<Found>();
        foreach (var source in sources)
        {
            for (var s = 0; s < source.Sentences.Length; s++)
            {
                var mentions = source.Mentions[s].Where(m => keys.Contains(m.Key) && !m.IsAffiliationOnly).ToList();
                if (mentions.Count == 0)
                {
                    continue;
                }

                var sentence = source.Sentences[s];
                var relevance = matcher.Relevance(issue, sentence.Text, vectorOf[(source.Index, s)]);
                if (relevance < options.MinimumRelevance)
                {
                    continue;
                }

                var role = mentions.Max(m => m.Role);
                var tokens = source.Tokens[s];
                var weight = role switch
                {
                    MentionRole.Speaker or MentionRole.Agent => 1.0,
                    MentionRole.Embedded => 0.8,
                    _ => 0.6,
                };
                var hits = matcher.KeywordHits(issue, sentence.Text).Select(h => source.TokenAt(s, sentence.Start + h.Index)).ToList();

                // Keywords in the actor's own clause come first: "X said A, while Y said B" quotes B for Y.
                var clauses = mentions.Where(m => m.Role == role).Select(m => QuoteWindow.ClauseOf(tokens, m.FirstToken, m.LastToken)).ToList();
                var own = hits.Where(h => clauses.Any(c => h >= c.First && h <= c.Last)).ToList();
                var focus = own.Count > 0 ? own : hits.Count > 0 ? hits : [.. mentions.SelectMany(m => new[] { m.FirstToken, m.LastToken })];
                var (first, last) = QuoteWindow.Choose(tokens, focus);
                var text = source.Document.Text;
                var (start, end) = QuoteWindow.Span(tokens, first, last, text);
                var kind = role == MentionRole.Speaker
                    ? (InsideQuotation(sentence, start, end) ? CandidateKind.DirectQuote : CandidateKind.ReportedSpeech)
                    : CandidateKind.Description;
                var score = Math.Round(relevance * weight, 3);
                found.Add(new Found(source.Index, s, new CandidateEvidence(text[start..end], source.Document.Id, start, end, kind, score)));
            }
        }

        // Best first; ties in document order, so the output does not depend on anything but the input.
        return [.. found.OrderByDescending(f => f.Evidence.Score).ThenBy(f => f.Source).ThenBy(f => f.Evidence.Start)];
    }

    /// <summary>Whether at least half of the quote's characters lie between quotation marks in the sentence.</summary>
    private static bool InsideQuotation(Text.Sentence sentence, int start, int end)
    {
        var inside = 0;
        var open = false;
        var straight = false;
        for (var i = 0; i < sentence.Text.Length; i++)
        {
            var c = sentence.Text[i];
            if (c == '“' || (c == '"' && !straight && !open))
            {
                open = true;
                straight = c == '"';
                continue;
            }

            if (open && (c == '”' || (c == '"' && straight)))
            {
                open = false;
                straight = false;
                continue;
            }

            var offset = sentence.Start + i;
            if (open && offset >= start && offset < end)
            {
                inside++;
            }
        }

        return inside * 2 >= end - start;
    }

    /// <summary>
    /// The actors to propose: every entity someone speaks for, that speaks or acts itself, or that is
    /// mentioned three times or more; the people grouped under their entity (members), and people
    /// with no entity as actors of their own. Returns the actors, the mention keys that count for
    /// each, and the entities left out with their mention counts.
    /// </summary>
    private (List<Actor> Actors, Dictionary<string, HashSet<string>> KeysOf, List<string> NotProposed) ChooseActors(List<AnalyzedSource> sources, ActorAnalyzer analyzer)
    {
        var all = sources.SelectMany(s => s.Mentions.SelectMany(m => m)).ToList();
        var entityMentions = all.Where(m => !m.IsPerson && !m.IsAffiliationOnly).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var people = analyzer.People.Values.OrderBy(p => p.FirstSource).ThenBy(p => p.FirstOffset).ToList();
        var membersOf = people.Where(p => p.Affiliation is not null).GroupBy(p => p.Affiliation!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var firstSeen = all.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Min(m => (m.Source, m.Start)), StringComparer.Ordinal);

        var entityIds = entityMentions.Keys.Union(membersOf.Keys)
            .OrderBy(id => firstSeen.GetValueOrDefault(id, (int.MaxValue, int.MaxValue)))
            .ToList();
        var actors = new List<Actor>();
        var keysOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var notProposed = new List<string>();
        var personActors = new List<Actor>();
        foreach (var id in entityIds)
        {
            var mentions = entityMentions.GetValueOrDefault(id, []);
            var members = membersOf.GetValueOrDefault(id, []);
            var acts = mentions.Count(m => m.Role != MentionRole.Other);
            var (name, kind) = analyzer.Entity(id);
            if (members.Count == 0 && acts == 0 && mentions.Count < 3)
            {
                notProposed.Add($"{name} ({mentions.Count} mention{(mentions.Count == 1 ? string.Empty : "s")})");
                continue;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal) { id };
            keys.UnionWith(members.Select(p => Mention.PersonPrefix + p.Key));
            keysOf[id] = keys;
            actors.Add(new Actor
            {
                Id = id,
                Name = name,
                Kind = kind,
                Description = string.Create(CultureInfo.InvariantCulture, $"Drafted: named {mentions.Count} time(s), speaking or acting in {acts}; {members.Count} person(s) speak for it."),
                Members = [.. members.Select(p => p.Key)],
            });
        }

        foreach (var person in people)
        {
            var key = Mention.PersonPrefix + person.Key;
            var evidence = person.Clues
                .Where(c => person.Affiliation is not null && (c.Target == person.Affiliation || (c.Target.StartsWith(Mention.PersonPrefix, StringComparison.Ordinal) && analyzer.People.GetValueOrDefault(c.Target[Mention.PersonPrefix.Length..])?.Affiliation == person.Affiliation)))
                .OrderByDescending(c => c.Strength).ThenBy(c => c.Source).ThenBy(c => c.Start)
                .Select(c => MentionEvidence(sources[c.Source], c.Start, c.End, c.Strength / 3.0))
                .DistinctBy(c => (c.SourceId, c.Start, c.End))
                .Take(3);
            var actor = new Actor
            {
                Id = person.Key,
                Name = person.FullName,
                Kind = ActorKind.Person,
                Description = person.Role,
                Candidates = [.. evidence],
            };
            personActors.Add(actor);
            if (person.Affiliation is null)
            {
                keysOf[person.Key] = [key];
            }
        }

        actors.AddRange(personActors);
        return (actors, keysOf, notProposed);
    }

    /// <summary>The words that justify grouping a person (role phrase and name), cut to at most 15 words.</summary>
    private static CandidateEvidence MentionEvidence(AnalyzedSource source, int start, int end, double score)
    {
        var s = source.Sentences.First(x => start >= x.Start && start < x.End).Index;
        var tokens = source.Tokens[s];
        var (first, last) = (source.TokenAt(s, start), source.TokenAt(s, end - 1));
        if (QuoteWindow.Words(tokens, first, last) > QuoteWindow.MaxWords)
        {
            (first, last) = QuoteWindow.Choose(tokens, [last]);
        }

        var (spanStart, spanEnd) = QuoteWindow.Span(tokens, first, last, source.Document.Text);
        return new CandidateEvidence(source.Document.Text[spanStart..spanEnd], source.Document.Id, spanStart, spanEnd, CandidateKind.Mention, Math.Round(score, 3));
    }

    /// <summary>Lexicon topics that at least two sentences match (with a keyword), the strongest first.</summary>
    private ImmutableArray<IssueDefinition> ProposeIssues(List<AnalyzedSource> sources, Dictionary<(int, int), float[]> vectorOf, DraftOptions options, ImmutableArray<string>.Builder notes, CancellationToken cancellationToken)
    {
        var topics = IssueLexicon.Topics;
        var matcher = new IssueMatcher(topics, embeddings, cancellationToken);
        var scored = new List<(IssueDefinition Topic, int Sentences, double Mass, int Order)>();
        for (var t = 0; t < topics.Length; t++)
        {
            var count = 0;
            var mass = 0.0;
            foreach (var source in sources)
            {
                foreach (var sentence in source.Sentences)
                {
                    var relevance = matcher.Relevance(t, sentence.Text, vectorOf[(source.Index, sentence.Index)]);
                    if (relevance >= options.MinimumRelevance && matcher.KeywordHits(t, sentence.Text).Count > 0)
                    {
                        count++;
                        mass += relevance;
                    }
                }
            }

            if (count >= 2)
            {
                scored.Add((topics[t], count, mass, t));
            }
        }

        var chosen = scored.OrderByDescending(s => s.Mass).ThenBy(s => s.Order).Take(options.MaxProposedIssues).OrderBy(s => s.Order).ToList();
        notes.Add(chosen.Count == 0
            ? "No lexicon topic is matched by two sentences; give the issues with --issues."
            : "Issues proposed from the built-in lexicon (no --issues file): " + string.Join(", ", chosen.Select(c => $"{c.Topic.Id} ({c.Sentences} sentences)")) + ".");
        return [.. chosen.Select(c => c.Topic)];
    }

    /// <summary>Issues without keywords borrow those of the lexicon topic closest in meaning (cosine 0.45 or more) and their name's longer words.</summary>
    private ImmutableArray<IssueDefinition> WithKeywords(ImmutableArray<IssueDefinition> issues, CancellationToken cancellationToken)
    {
        if (issues.All(i => !i.Keywords.IsEmpty))
        {
            return issues;
        }

        var topics = IssueLexicon.Topics;
        var vectors = embeddings.Embed([.. issues.Select(i => i.Description), .. topics.Select(t => t.Description)], cancellationToken);
        return
        [
            .. issues.Select((issue, i) =>
            {
                if (!issue.Keywords.IsEmpty)
                {
                    return issue;
                }

                var best = Enumerable.Range(0, topics.Length).MaxBy(t => VectorMath.Cosine(vectors[i], vectors[issues.Length + t]));
                var borrowed = VectorMath.Cosine(vectors[i], vectors[issues.Length + best]) >= 0.45 ? topics[best].Keywords : [];
                var nameWords = issue.Name.ToLowerInvariant().Split([' ', '-', '(', ')', ',', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 5);
                return issue with { Keywords = [.. borrowed.Concat(nameWords).Distinct(StringComparer.Ordinal)] };
            }),
        ];
    }

    private float[][][] AnchorVectors(ImmutableArray<IssueDefinition> issues, CancellationToken cancellationToken) =>
        [.. issues.Select(i => embeddings.Embed([.. i.AnchorSentences().Select(a => a.Sentence)], cancellationToken).ToArray())];

    /// <summary>
    /// A position between the issue's anchor sentences, weighted by how alike the best candidates'
    /// sentences are to each anchor: weights exp(similarity / 0.05), normalised. A suggestion, never a judgement.
    /// </summary>
    private static PositionSuggestion Suggest(IssueDefinition issue, float[][] anchors, List<float[]> candidates)
    {
        var points = issue.AnchorSentences().ToList();
        var similarities = points.Select((_, a) => candidates.Average(c => VectorMath.Cosine(c, anchors[a]))).ToList();
        var top = similarities.Max();
        var weights = similarities.Select(s => Math.Exp((s - top) / 0.05)).ToList();
        var position = points.Select((p, a) => p.Value * weights[a]).Sum() / weights.Sum();
        position = Math.Round(issue.Min + Math.Clamp(position - issue.Min, 0, issue.Max - issue.Min), 1);
        var basis = string.Join(", ", points.Select((p, a) => string.Create(CultureInfo.InvariantCulture, $"{p.Value:0.##} ({similarities[a]:0.00})")));
        return new PositionSuggestion(position, $"similarity of the top {candidates.Count} candidate sentence(s) to the anchor sentences at {basis}; check it against the evidence");
    }
}
