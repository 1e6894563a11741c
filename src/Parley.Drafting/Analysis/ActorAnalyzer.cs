using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Drafting.Actors;
using Parley.Drafting.Text;

namespace Parley.Drafting.Analysis;

/// <summary>
/// Finds the actors of a set of sources: gazetteer entities (states, blocs, bodies, with capitals
/// as metonyms), people named with a role ("Russian President Vladimir Putin", "Yuri Ushakov,
/// Putin's top aide"), later mentions of a person by surname or by "he"/"she", what each mention
/// does in its sentence (speaks, acts, or is only mentioned), and the state each person speaks for.
/// </summary>
internal sealed partial class ActorAnalyzer(Gazetteer gazetteer)
{
    private readonly Dictionary<string, PersonRecord> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, List<string> Aliases)> organisations = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PersonRecord> People => people;

    /// <summary>The name and kind of an entity id: a gazetteer entry, or an organisation found in the text (a party, an alliance).</summary>
    public (string Name, Core.Domain.ActorKind Kind) Entity(string id) =>
        gazetteer.Find(id) is { } entry ? (entry.Name, entry.Kind) : (organisations[id].Name, Core.Domain.ActorKind.Organisation);

    public void Analyze(IReadOnlyList<AnalyzedSource> sources)
    {
        foreach (var source in sources)
        {
            foreach (var sentence in source.Sentences)
            {
                FindOrganisations(sentence.Text);
            }
        }

        foreach (var source in sources)
        {
            for (var s = 0; s < source.Sentences.Length; s++)
            {
                FindEntities(source, s);
                FindOrganisationMentions(source, s);
                source.Mentions[s].Sort((a, b) => a.Start.CompareTo(b.Start));
                FindFullNames(source, s);
            }
        }

        foreach (var source in sources)
        {
            for (var s = 0; s < source.Sentences.Length; s++)
            {
                FindSurnames(source, s);
                source.Mentions[s].Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }

        foreach (var source in sources)
        {
            for (var s = 0; s < source.Sentences.Length; s++)
            {
                foreach (var mention in source.Mentions[s])
                {
                    mention.Role = RoleOf(source, mention);
                }

                ResolvePronouns(source, s);
            }
        }

        ResolveAffiliations();
    }

    private void FindEntities(AnalyzedSource source, int s)
    {
        var sentence = source.Sentences[s];
        foreach (var (index, length, entry, isDemonym) in gazetteer.Matches(sentence.Text))
        {
            var start = sentence.Start + index;
            var end = start + length;
            var mention = new Mention(source.Index, s, start, end, entry.Id, source.TokenAt(s, start), source.TokenAt(s, end - 1), isDemonym, false);
            var text = source.Document.Text;
            mention.IsPossessive = end + 1 < text.Length && text[end] is '’' or '\'' && text[end + 1] == 's';
            source.Mentions[s].Add(mention);
        }
    }

    /// <summary>
    /// Organisations named in the text rather than the gazetteer: capitalised names ending in a
    /// head such as Party, Union, Alliance, Democrats or Greens, with an acronym in brackets after
    /// them taken as an alias ("Christian Democratic Union (CDU)").
    /// </summary>
    private void FindOrganisations(string text)
    {
        foreach (Match match in OrganisationPattern().Matches(text))
        {
            var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => WordLists.NotNames.Contains(w)).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var name = string.Join(' ', words);
            if (gazetteer.Matches(name).Any(m => m.Length == name.Length))
            {
                continue;
            }

            var acronym = match.Groups["acronym"].Success ? match.Groups["acronym"].Value : null;
            var id = Key(acronym ?? name.Replace(' ', '-'));
            var existing = organisations.FirstOrDefault(o => o.Value.Aliases.Contains(name) || (acronym is not null && o.Value.Aliases.Contains(acronym))
                || o.Value.Aliases.Any(alias => Stem(alias) == Stem(name)));
            if (existing.Key is not null)
            {
                id = existing.Key;
            }
            else if (!organisations.ContainsKey(id))
            {
                organisations[id] = (name, []);
            }

            var aliases = organisations[id].Aliases;
            foreach (var alias in new[] { name, acronym }.OfType<string>().Where(a => !aliases.Contains(a)))
            {
                aliases.Add(alias);
            }
        }
    }

    /// <summary>A name's words without a trailing "Party", each cut to six letters: "Social Democrats" and "Social Democratic Party" agree.</summary>
    private static string Stem(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[^1] == "Party")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words.Select(w => w.Length > 6 ? w[..6] : w)).ToLowerInvariant();
    }

    private void FindOrganisationMentions(AnalyzedSource source, int s)
    {
        var sentence = source.Sentences[s];
        foreach (var (id, (_, aliases)) in organisations)
        {
            foreach (var alias in aliases)
            {
                foreach (Match match in Regex.Matches(sentence.Text, @"(?<![\p{L}\p{N}])" + Regex.Escape(alias) + @"(?![\p{L}\p{N}])"))
                {
                    var start = sentence.Start + match.Index;
                    var end = start + match.Length;
                    if (source.Mentions[s].Any(m => start < m.End && end > m.Start))
                    {
                        continue;
                    }

                    var text = source.Document.Text;
                    source.Mentions[s].Add(new Mention(source.Index, s, start, end, id, source.TokenAt(s, start), source.TokenAt(s, end - 1), false, false)
                    {
                        IsPossessive = end + 1 < text.Length && text[end] is '’' or '\'' && text[end + 1] == 's',
                    });
                }
            }
        }
    }

    [GeneratedRegex(@"(?<name>(?:\p{Lu}[\p{L}\-]+ ){0,4}(?:Party|Union|Alliance|Front|Movement|League|Federation|Democrats|Republicans|Greens|Liberals|Conservatives|Socialists|Bloc))(?![\p{L}])(?: \((?<acronym>\p{Lu}[\p{Lu}\p{Ll}]{1,6})\))?")]
    private static partial Regex OrganisationPattern();

    /// <summary>Runs of capitalised name words with a role phrase before or after, or a verb of speech after: people.</summary>
    private void FindFullNames(AnalyzedSource source, int s)
    {
        var tokens = source.Tokens[s];
        var entitySpans = source.Mentions[s].Select(m => (m.FirstToken, m.LastToken)).ToList();
        bool InEntity(int t) => entitySpans.Any(span => t >= span.FirstToken && t <= span.LastToken);

        var i = 0;
        while (i < tokens.Length)
        {
            if (!IsNameWord(tokens[i], InEntity(i)) || WordLists.Honorifics.Contains(tokens[i].Word))
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < tokens.Length && !EndsName(tokens[j]) && IsNameWord(tokens[j + 1], InEntity(j + 1)))
            {
                j++;
            }

            var count = j - i + 1;
            if (count >= 2 && count <= 4)
            {
                var roleBefore = RolePhraseBefore(source, s, i);
                var roleAfter = RolePhraseAfter(source, s, j);
                var speaks = j + 1 < tokens.Length && WordLists.SpeechVerbs.Contains(tokens[j + 1].Word);
                var accordingTo = i >= 2 && tokens[i - 2].Word.Equals("according", StringComparison.OrdinalIgnoreCase) && tokens[i - 1].Word == "to";
                if (roleBefore is not null || roleAfter is not null || speaks || accordingTo)
                {
                    AddPerson(source, s, i, j, roleBefore, roleAfter);
                }
            }

            i = j + 1;
        }
    }

    private void AddPerson(AnalyzedSource source, int s, int first, int last, (int From, int To)? roleBefore, (int From, int To)? roleAfter)
    {
        var tokens = source.Tokens[s];
        var names = Enumerable.Range(first, last - first + 1).Select(t => TextSplitter.WithoutPossessive(tokens[t].Word, out _)).ToList();
        var fullName = string.Join(' ', names);
        var key = Key(names[^1]);
        if (!people.TryGetValue(key, out var person))
        {
            person = new PersonRecord(key, fullName) { FirstSource = source.Index, FirstOffset = tokens[first].Start };
            people.Add(key, person);
        }
        else if (fullName.Length > person.FullName.Length)
        {
            person.FullName = fullName;
        }

        var nameEnd = tokens[last].Start + TextSplitter.WithoutPossessive(tokens[last].Raw.TrimEnd(',', ';', ':', '.', '”', '"', ')'), out _).Length;
        var mention = new Mention(source.Index, s, tokens[first].Start, nameEnd, Mention.PersonPrefix + key, first, last, false, false);
        TextSplitter.WithoutPossessive(tokens[last].Word, out var possessive);
        mention.IsPossessive = possessive;
        source.Mentions[s].Add(mention);

        foreach (var (from, to) in new[] { roleBefore, roleAfter }.OfType<(int From, int To)>())
        {
            person.Role ??= RoleText(tokens, from, to);
            var spanStart = Math.Min(tokens[from].Start, tokens[first].Start);
            var spanEnd = Math.Max(TrimmedEnd(tokens[to]), nameEnd);
            foreach (var entity in source.Mentions[s].Where(m => !m.IsPerson && m.FirstToken >= from && m.LastToken <= to))
            {
                entity.IsAffiliationOnly = true;
                person.Clues.Add((entity.Key, 3, source.Index, spanStart, spanEnd));
            }

            for (var t = from; t <= to; t++)
            {
                var word = TextSplitter.WithoutPossessive(tokens[t].Word, out var isPossessive);
                if (isPossessive && word.Length > 0 && char.IsUpper(word[0]) && !source.Mentions[s].Any(m => !m.IsPerson && t >= m.FirstToken && t <= m.LastToken))
                {
                    person.Clues.Add((Mention.PersonPrefix + Key(word), 2, source.Index, spanStart, spanEnd));
                }
            }
        }

        // A person listed after an actor in the same sentence ("The Russian delegation will include ... Lavrov"): a weak clue.
        var before = source.Mentions[s].Where(m => !m.IsPerson && m.End <= tokens[first].Start).LastOrDefault();
        if (before is not null)
        {
            person.Clues.Add((before.Key, 1, source.Index, before.Start, nameEnd));
        }
    }

    /// <summary>The tokens of a role phrase ending just before token <paramref name="first"/> ("Russian President", "Trump's special envoy").</summary>
    private (int From, int To)? RolePhraseBefore(AnalyzedSource source, int s, int first)
    {
        var tokens = source.Tokens[s];
        var to = first - 1;
        while (to >= 0 && WordLists.Honorifics.Contains(tokens[to].Word))
        {
            to--;
        }

        if (to < 0 || !WordLists.RoleHeads.Contains(tokens[to].Word))
        {
            return null;
        }

        var from = to;
        var lowercaseHead = char.IsLower(tokens[to].Word[0]);
        var modifiers = 0;
        for (var t = to - 1; t >= 0 && t >= to - 5; t--)
        {
            var token = tokens[t];
            if (token.EndsClause || !token.IsWord)
            {
                break;
            }

            var inEntity = source.Mentions[s].Any(m => !m.IsPerson && t >= m.FirstToken && t <= m.LastToken);
            TextSplitter.WithoutPossessive(token.Word, out var possessive);
            if (inEntity || (possessive && token.IsCapitalized))
            {
                from = t;
                break;
            }

            if (WordLists.TitleWords.Contains(token.Word) && (token.IsCapitalized || lowercaseHead))
            {
                from = t;
                continue;
            }

            if (lowercaseHead && char.IsLower(token.Word[0]) && modifiers < 3 && !WordLists.Determiners.Contains(token.Word)
                && !WordLists.Prepositions.Contains(token.Word) && !WordLists.IsVerbLike(token.Word) && token.Word is not ("and" or "or"))
            {
                modifiers++;
                from = t;
                continue;
            }

            break;
        }

        return (from, first - 1);
    }

    /// <summary>An appositive role after a name: ", Putin's top foreign policy aide," or ", the foreign minister,".</summary>
    private static (int From, int To)? RolePhraseAfter(AnalyzedSource source, int s, int last)
    {
        var tokens = source.Tokens[s];
        if (!tokens[last].EndsClause)
        {
            return null;
        }

        for (var t = last + 1; t < tokens.Length && t <= last + 7; t++)
        {
            if (WordLists.RoleHeads.Contains(tokens[t].Word))
            {
                return (last + 1, t);
            }

            if (tokens[t].EndsClause || !tokens[t].IsWord || WordLists.IsVerbLike(tokens[t].Word))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Later mentions of a known person by surname alone ("Putin said", "Trump’s predecessor").</summary>
    private void FindSurnames(AnalyzedSource source, int s)
    {
        var tokens = source.Tokens[s];
        var mentions = source.Mentions[s];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (!tokens[t].IsCapitalized || mentions.Any(m => t >= m.FirstToken && t <= m.LastToken))
            {
                continue;
            }

            var word = TextSplitter.WithoutPossessive(tokens[t].Word, out var possessive);
            if (!people.ContainsKey(Key(word)))
            {
                continue;
            }

            var start = tokens[t].Start + tokens[t].Raw.IndexOf(word, StringComparison.Ordinal);
            mentions.Add(new Mention(source.Index, s, start, start + word.Length, Mention.PersonPrefix + Key(word), t, t, false, false) { IsPossessive = possessive });
        }
    }

    /// <summary>"He"/"she" refers to the person who last spoke or acted, in this or the two sentences before.</summary>
    private static void ResolvePronouns(AnalyzedSource source, int s)
    {
        var tokens = source.Tokens[s];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (!WordLists.Pronouns.Contains(tokens[t].Word))
            {
                continue;
            }

            var offset = tokens[t].Start;
            Mention? antecedent = null;
            for (var back = s; back >= Math.Max(0, s - 2) && antecedent is null; back--)
            {
                antecedent = source.Mentions[back]
                    .Where(m => m.IsPerson && m.Start < offset && m.Role is MentionRole.Agent or MentionRole.Speaker or MentionRole.Embedded)
                    .OrderByDescending(m => m.Role == MentionRole.Embedded ? 0 : 1).ThenByDescending(m => m.Start)
                    .FirstOrDefault();
            }

            if (antecedent is null)
            {
                continue;
            }

            var pronoun = new Mention(source.Index, s, offset, offset + tokens[t].Word.Length, antecedent.Key, t, t, false, true);
            pronoun.Role = RoleOf(source, pronoun);
            source.Mentions[s].Add(pronoun);
            source.Mentions[s].Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>Speaker, agent, embedded agent or mere mention, from the words around the mention.</summary>
    private static MentionRole RoleOf(AnalyzedSource source, Mention mention)
    {
        if (mention.IsPossessive || mention.IsAffiliationOnly)
        {
            return MentionRole.Other;
        }

        var tokens = source.Tokens[mention.Sentence];
        var before = mention.FirstToken - 1;
        while (before >= 0 && WordLists.Determiners.Contains(tokens[before].Word))
        {
            before--;
        }

        if (before >= 0 && tokens[before].Word == "to" && before >= 1 && tokens[before - 1].Word.Equals("according", StringComparison.OrdinalIgnoreCase))
        {
            return MentionRole.Speaker;
        }

        if (before >= 0 && WordLists.Prepositions.Contains(tokens[before].Word) && !tokens[before].EndsClause)
        {
            return MentionRole.Other;
        }

        // Inverted speech: "..., said Putin."
        if (before >= 0 && WordLists.SpeechVerbs.Contains(tokens[before].Word) && (mention.LastToken == tokens.Length - 1 || tokens[mention.LastToken].EndsClause))
        {
            return MentionRole.Speaker;
        }

        var next = mention.LastToken + 1;
        if (mention.IsDemonym || !mention.IsPerson)
        {
            // "Russian delegation will", "U.S. officials have", "European leaders have".
            var skipped = 0;
            while (next < tokens.Length && skipped < 2 && !tokens[next - 1].EndsClause && tokens[next].IsWord
                   && char.IsLower(tokens[next].Word[0]) && !WordLists.IsVerbLike(tokens[next].Word) && !WordLists.IsAdverb(tokens[next].Word)
                   && !WordLists.Prepositions.Contains(tokens[next].Word) && !WordLists.Subordinators.Contains(tokens[next].Word) && tokens[next].Word is not ("and" or "or"))
            {
                next++;
                skipped++;
            }
        }

        if (next - 1 < tokens.Length && next - 1 >= 0 && tokens[next - 1].EndsClause)
        {
            // An appositive: "Trump, in a Fox News radio interview, said".
            var close = next;
            while (close < tokens.Length && close < next + 10 && !tokens[close].EndsClause)
            {
                close++;
            }

            next = close < tokens.Length && close < next + 10 ? close + 1 : tokens.Length;
        }

        while (next < tokens.Length && WordLists.IsAdverb(tokens[next].Word))
        {
            next++;
        }

        if (next >= tokens.Length || !WordLists.IsVerbLike(tokens[next].Word) || char.IsUpper(tokens[next].Word[0]))
        {
            return MentionRole.Other;
        }

        var speech = WordLists.SpeechVerbs.Contains(tokens[next].Word);
        for (var v = next + 1; !speech && v < tokens.Length && v <= next + 3 && WordLists.Auxiliaries.Contains(tokens[v - 1].Word); v++)
        {
            speech = WordLists.SpeechVerbs.Contains(tokens[v].Word);
        }

        if (speech)
        {
            return MentionRole.Speaker;
        }

        var subordinate = Enumerable.Range(0, mention.FirstToken).Any(t => WordLists.Subordinators.Contains(tokens[t].Word));
        return subordinate ? MentionRole.Embedded : MentionRole.Agent;
    }

    /// <summary>Each person's state: the strongest clue wins (role phrase, then a possessive person's state, then the sentence); ties go to the earliest clue.</summary>
    private void ResolveAffiliations()
    {
        for (var round = 0; round < 3; round++)
        {
            foreach (var person in people.Values.OrderBy(p => p.FirstSource).ThenBy(p => p.FirstOffset))
            {
                string? best = null;
                var bestStrength = 0;
                foreach (var (target, strength, _, _, _) in person.Clues)
                {
                    var entity = target.StartsWith(Mention.PersonPrefix, StringComparison.Ordinal)
                        ? people.GetValueOrDefault(target[Mention.PersonPrefix.Length..])?.Affiliation
                        : target;
                    if (entity is not null && strength > bestStrength)
                    {
                        best = entity;
                        bestStrength = strength;
                    }
                }

                person.Affiliation = best;
            }
        }
    }

    private static bool IsNameWord(Token token, bool inEntity)
    {
        if (inEntity || !token.IsCapitalized)
        {
            return false;
        }

        var word = TextSplitter.WithoutPossessive(token.Word, out _);
        return word.Length >= 2 && word.Any(char.IsLower) && word.All(c => char.IsLetter(c) || c is '-' or '’' or '\'')
            && !WordLists.NotNames.Contains(word) && !WordLists.TitleWords.Contains(word) && !WordLists.RoleHeads.Contains(word);
    }

    private static bool EndsName(Token token)
    {
        TextSplitter.WithoutPossessive(token.Word, out var possessive);
        return possessive || token.EndsClause || token.Raw.EndsWith('.') || token.Raw.EndsWith('”') || token.Raw.EndsWith('"');
    }

    private static int TrimmedEnd(Token token)
    {
        var raw = token.Raw.TrimEnd(',', ';', ':', '.', ')');
        return token.Start + raw.Length;
    }

    private static string RoleText(ImmutableArray<Token> tokens, int from, int to)
    {
        var words = Enumerable.Range(from, to - from + 1).Select(t => tokens[t].Raw.Trim(',', ';', ':', '(', ')')).Where(w => w.Length > 0 && !WordLists.Honorifics.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>The key of a full name's surname (its last word): "Volodymyr Zelenskyy" gives <c>zelenskyy</c>.</summary>
    public static string SurnameKey(string fullName) => Key(fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? fullName);

    /// <summary>A person's key: the surname in lower case, letters only, without accents.</summary>
    public static string Key(string surname)
    {
        var decomposed = surname.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (c < 128 && (char.IsLetterOrDigit(c) || c == '-'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
