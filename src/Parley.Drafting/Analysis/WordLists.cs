namespace Parley.Drafting.Analysis;

/// <summary>The closed word classes the drafter's clause heuristics rely on (English).</summary>
internal static class WordLists
{
    public static readonly HashSet<string> Prepositions = Set(
        "in", "on", "at", "from", "to", "with", "without", "by", "for", "of", "over", "under", "between", "among", "against", "into", "onto",
        "outside", "inside", "toward", "towards", "about", "across", "during", "amid", "amidst", "despite", "via", "through", "near", "beyond",
        "including", "like", "than", "upon", "within", "around", "behind", "beside", "besides", "alongside", "versus", "per");

    public static readonly HashSet<string> Determiners = Set("the", "a", "an", "its", "their", "his", "her", "our", "both", "all", "other", "fellow");

    public static readonly HashSet<string> Subordinators = Set(
        "that", "if", "whether", "because", "although", "though", "unless", "since", "while", "whereas", "when", "once", "until", "so", "which", "who");

    /// <summary>Words that start a new clause when extending a quote: the quote stops before them.</summary>
    public static readonly HashSet<string> ClauseStarts = Set("that", "which", "who", "whom", "said", "says", "but", "while", "whereas", "although", "though", "however");

    public static readonly HashSet<string> SpeechVerbs = Set(
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "announced", "announces", "warned", "warns", "insisted",
        "insists", "argued", "argues", "noted", "notes", "stressed", "stresses", "declared", "declares", "claimed", "claims", "urged", "urges",
        "demanded", "demands", "suggested", "suggests", "signaled", "signalled", "signals", "indicated", "indicates", "wrote", "writes", "replied",
        "responded", "acknowledged", "confirmed", "denied", "praised", "praises", "vowed", "vows", "pledged", "pledges", "promised", "promises",
        "proposed", "proposes", "expressed", "expresses", "described", "called", "calls", "explained", "explains", "repeated", "reiterated",
        "rejected", "rejects", "welcomed", "welcomes", "criticised", "criticized", "condemned", "condemns", "accused", "accuses", "asked", "asks");

    public static readonly HashSet<string> Auxiliaries = Set(
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "may", "might", "can", "could", "should",
        "must", "shall", "does", "do", "did", "wo", "won't", "can't", "cannot", "isn't", "wasn't", "hasn't", "haven't", "didn't", "doesn't");

    public static readonly HashSet<string> ActionVerbs = Set(
        "met", "meets", "meet", "wants", "want", "agrees", "agree", "refuses", "threatens", "plans", "hopes", "expects", "supports",
        "support", "opposes", "oppose", "backs", "seeks", "sought", "pushes", "presses", "insist", "signs", "joins", "leads", "led", "holds",
        "held", "keeps", "kept", "maintains", "imposes", "eases", "lifts", "suspends", "offers", "accepts", "walks", "left", "took", "takes",
        "gave", "gives", "made", "makes", "sent", "sends", "blocks", "won", "lost", "aims", "seeks", "wins", "favours", "favors", "prefers",
        "fears", "resists", "demand", "insists", "stands", "stood", "remains", "remain", "sees", "saw", "wants", "needs", "brought", "brings",
        "came", "comes", "went", "goes", "got", "gets", "spent", "spends", "paid", "pays", "put", "puts", "set", "sets", "cut", "cuts");

    public static readonly HashSet<string> Adverbs = Set("also", "still", "not", "never", "now", "again", "already", "then", "once", "even", "only", "further", "too", "since", "long", "both");

    /// <summary>Heads of a role phrase: a name next to one of these is a person.</summary>
    public static readonly HashSet<string> RoleHeads = Set(
        "president", "president-elect", "minister", "chancellor", "secretary", "secretary-general", "envoy", "ambassador", "chief", "head", "aide",
        "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "commissioner", "leader", "chairman", "chairwoman", "chair", "governor",
        "senator", "king", "queen", "prince", "emir", "premier", "mayor", "director", "predecessor", "successor", "negotiator", "delegate",
        "representative", "general", "lawmaker", "speaker", "ceo", "official", "co-leader", "deputy", "vice-president", "vice-chancellor",
        "foreign-minister", "counterpart", "diplomat", "economist", "mp", "mep", "chief-negotiator", "treasurer", "ruler");

    /// <summary>Capitalised words of titles: they break a run of name words and may start a role phrase.</summary>
    public static readonly HashSet<string> TitleWords = Set(
        "president", "vice", "prime", "minister", "ministers", "foreign", "defence", "defense", "finance", "trade", "economy", "economic",
        "interior", "home", "justice", "health", "energy", "climate", "environment", "agriculture", "commerce", "industry", "labour", "labor",
        "deputy", "secretary", "general", "chancellor", "special", "envoy", "ambassador", "chief", "head", "aide", "adviser", "advisor",
        "spokesman", "spokeswoman", "spokesperson", "commissioner", "leader", "chairman", "chairwoman", "chair", "governor", "senator", "king",
        "queen", "prince", "princess", "emir", "sheikh", "crown", "premier", "mayor", "director", "negotiator", "representative", "speaker",
        "senior", "acting", "former", "first", "executive", "ceo", "national", "security", "state", "party", "opposition", "co-leader",
        "secretary-general", "vice-president", "finance-minister", "lead", "top", "treasury", "transport", "education", "culture", "development");

    public static readonly HashSet<string> Honorifics = Set("sir", "dame", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "lord", "lady", "madam");

    /// <summary>Capitalised words that are never part of a person's name.</summary>
    public static readonly HashSet<string> NotNames = Set(
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "that", "these", "those",
        "but", "and", "or", "however", "meanwhile", "despite", "under", "according", "speaking", "after", "before", "maybe", "on", "in", "at",
        "for", "with", "from", "as", "while", "when", "if", "although", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "talks", "summit", "treaty", "agreement", "conference", "news", "radio", "television", "agency", "reuters", "ministry", "parliament",
        "congress", "senate", "government", "cabinet", "council", "commission", "union", "committee", "court", "army", "forces", "war", "peace",
        "still", "both", "yet", "so", "some", "many", "most", "no", "not", "all", "each", "every", "there", "here", "what", "why", "how",
        "where", "who", "which", "asked", "earlier", "later", "today", "yesterday", "tomorrow", "last", "next", "new", "north", "south", "east", "west");

    public static readonly HashSet<string> Pronouns = Set("he", "she");

    public static bool IsVerbLike(string word)
    {
        var lower = word.ToLowerInvariant();
        return Auxiliaries.Contains(lower) || SpeechVerbs.Contains(lower) || ActionVerbs.Contains(lower)
            || (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && lower.All(c => char.IsLetter(c) || c == '-'));
    }

    public static bool IsAdverb(string word)
    {
        var lower = word.ToLowerInvariant();
        return Adverbs.Contains(lower) || (lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal));
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
