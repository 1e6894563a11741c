using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parley.Core.Domain;

namespace Parley.Drafting.Actors;

/// <summary>
/// The built-in gazetteer: countries (names, demonyms, capitals and seats of government used as
/// metonyms), regional blocs and international bodies. General, not tuned to any article; extend
/// the table to add more.
/// </summary>
public sealed class Gazetteer
{
    // id | name | kind (s = state, o = organisation, b = bloc) | names and metonyms ; separated | demonyms ; separated
    private const string Table = """
        usa|United States|s|United States;United States of America;U.S.;US;USA;America;Washington;White House;the Pentagon;State Department|American;U.S.;US
        rus|Russia|s|Russia;Russian Federation;Moscow;Kremlin|Russian
        ukr|Ukraine|s|Ukraine;Kyiv;Kiev|Ukrainian
        gbr|United Kingdom|s|United Kingdom;UK;U.K.;Britain;Great Britain;London;Downing Street|British;UK;U.K.
        fra|France|s|France;Paris;Elysee;Élysée|French
        deu|Germany|s|Germany;Berlin|German
        ita|Italy|s|Italy;Rome|Italian
        esp|Spain|s|Spain;Madrid|Spanish
        pol|Poland|s|Poland;Warsaw|Polish
        nld|Netherlands|s|Netherlands;the Hague;Holland|Dutch
        bel|Belgium|s|Belgium|Belgian
        aut|Austria|s|Austria;Vienna|Austrian
        che|Switzerland|s|Switzerland;Bern;Geneva|Swiss
        swe|Sweden|s|Sweden;Stockholm|Swedish
        nor|Norway|s|Norway;Oslo|Norwegian
        dnk|Denmark|s|Denmark;Copenhagen|Danish
        fin|Finland|s|Finland;Helsinki|Finnish
        irl|Ireland|s|Ireland;Dublin|Irish
        prt|Portugal|s|Portugal;Lisbon|Portuguese
        grc|Greece|s|Greece;Athens|Greek
        hun|Hungary|s|Hungary;Budapest|Hungarian
        cze|Czech Republic|s|Czech Republic;Czechia;Prague|Czech
        svk|Slovakia|s|Slovakia;Bratislava|Slovak
        rou|Romania|s|Romania;Bucharest|Romanian
        bgr|Bulgaria|s|Bulgaria|Bulgarian
        srb|Serbia|s|Serbia;Belgrade|Serbian
        hrv|Croatia|s|Croatia;Zagreb|Croatian
        est|Estonia|s|Estonia;Tallinn|Estonian
        lva|Latvia|s|Latvia;Riga|Latvian
        ltu|Lithuania|s|Lithuania;Vilnius|Lithuanian
        blr|Belarus|s|Belarus;Minsk|Belarusian
        mda|Moldova|s|Moldova;Chisinau|Moldovan
        geo|Georgia|s|Tbilisi|Georgian
        arm|Armenia|s|Armenia;Yerevan|Armenian
        aze|Azerbaijan|s|Azerbaijan;Baku|Azerbaijani
        tur|Turkey|s|Turkey;Türkiye;Ankara|Turkish
        chn|China|s|China;People's Republic of China;Beijing|Chinese
        jpn|Japan|s|Japan;Tokyo|Japanese
        kor|South Korea|s|South Korea;Republic of Korea;Seoul|South Korean
        prk|North Korea|s|North Korea;Pyongyang|North Korean
        twn|Taiwan|s|Taiwan;Taipei|Taiwanese
        ind|India|s|India;New Delhi;Delhi|Indian
        pak|Pakistan|s|Pakistan;Islamabad|Pakistani
        bgd|Bangladesh|s|Bangladesh;Dhaka|Bangladeshi
        idn|Indonesia|s|Indonesia;Jakarta|Indonesian
        mys|Malaysia|s|Malaysia;Kuala Lumpur|Malaysian
        sgp|Singapore|s|Singapore|Singaporean
        tha|Thailand|s|Thailand;Bangkok|Thai
        vnm|Vietnam|s|Vietnam;Hanoi|Vietnamese
        phl|Philippines|s|Philippines;Manila|Filipino
        aus|Australia|s|Australia;Canberra|Australian
        nzl|New Zealand|s|New Zealand;Wellington|New Zealander
        can|Canada|s|Canada;Ottawa|Canadian
        mex|Mexico|s|Mexico;Mexico City|Mexican
        bra|Brazil|s|Brazil;Brasilia;Brasília|Brazilian
        arg|Argentina|s|Argentina;Buenos Aires|Argentine;Argentinian
        chl|Chile|s|Chile;Santiago|Chilean
        col|Colombia|s|Colombia;Bogota;Bogotá|Colombian
        ven|Venezuela|s|Venezuela;Caracas|Venezuelan
        per|Peru|s|Peru;Lima|Peruvian
        cub|Cuba|s|Cuba;Havana|Cuban
        irn|Iran|s|Iran;Tehran|Iranian
        irq|Iraq|s|Iraq;Baghdad|Iraqi
        syr|Syria|s|Syria;Damascus|Syrian
        isr|Israel|s|Israel;Jerusalem|Israeli
        pse|Palestine|s|Palestine;Palestinian Authority;Ramallah|Palestinian
        lbn|Lebanon|s|Lebanon;Beirut|Lebanese
        jor|Jordan|s|Jordan;Amman|Jordanian
        sau|Saudi Arabia|s|Saudi Arabia;Riyadh|Saudi
        are|United Arab Emirates|s|United Arab Emirates;UAE;Abu Dhabi|Emirati
        qat|Qatar|s|Qatar;Doha|Qatari
        omn|Oman|s|Oman;Muscat|Omani
        egy|Egypt|s|Egypt;Cairo|Egyptian
        lby|Libya|s|Libya;Tripoli|Libyan
        mar|Morocco|s|Morocco;Rabat|Moroccan
        dza|Algeria|s|Algeria;Algiers|Algerian
        nga|Nigeria|s|Nigeria;Abuja|Nigerian
        eth|Ethiopia|s|Ethiopia;Addis Ababa|Ethiopian
        ken|Kenya|s|Kenya;Nairobi|Kenyan
        zaf|South Africa|s|South Africa;Pretoria|South African
        sdn|Sudan|s|Sudan;Khartoum|Sudanese
        afg|Afghanistan|s|Afghanistan;Kabul|Afghan
        kaz|Kazakhstan|s|Kazakhstan;Astana|Kazakh
        mdv|Maldives|s|Maldives|Maldivian
        fji|Fiji|s|Fiji;Suva|Fijian
        tuv|Tuvalu|s|Tuvalu|Tuvaluan
        europe|European governments|b|Europe|European
        eu|European Union|o|European Union;EU;Brussels;European Commission;European Council|
        nato|NATO|o|NATO;North Atlantic Treaty Organization;Nato|
        un|United Nations|o|United Nations;UN;U.N.|
        unsc|UN Security Council|o|UN Security Council;Security Council|
        wto|World Trade Organization|o|World Trade Organization;WTO|
        imf|International Monetary Fund|o|International Monetary Fund;IMF|
        worldbank|World Bank|o|World Bank|
        opec|OPEC|o|OPEC;OPEC+|
        osce|OSCE|o|OSCE;Organization for Security and Co-operation in Europe|
        iaea|IAEA|o|IAEA;International Atomic Energy Agency|
        g7|G7|b|G7;Group of Seven|
        g20|G20|b|G20;Group of 20|
        g77|G77|b|G77;Group of 77;G77 and China|
        asean|ASEAN|b|ASEAN;Association of Southeast Asian Nations|
        au|African Union|o|African Union|
        arableague|Arab League|o|Arab League|
        aosis|Alliance of Small Island States|b|Alliance of Small Island States;AOSIS|
        ldc|Least Developed Countries|b|Least Developed Countries;LDC group|
        mercosur|Mercosur|b|Mercosur|
        unfccc|UNFCCC|o|UNFCCC;UN climate secretariat|
        """;

    private readonly Regex pattern;
    private readonly Dictionary<string, (GazetteerEntry Entry, bool IsDemonym)> byName;

    private Gazetteer(ImmutableArray<GazetteerEntry> entries)
    {
        Entries = entries;
        byName = new Dictionary<string, (GazetteerEntry, bool)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names)
            {
                byName.TryAdd(name, (entry, false));
            }

            foreach (var demonym in entry.Demonyms)
            {
                byName.TryAdd(demonym, (entry, true));
            }
        }

        // Longest names first, so "United States of America" wins over "United States", "South Korean" over "Korean".
        var alternatives = byName.Keys.OrderByDescending(name => name.Length).ThenBy(name => name, StringComparer.Ordinal).Select(Regex.Escape);
        pattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The built-in gazetteer.</summary>
    public static Gazetteer BuiltIn { get; } = Parse(Table);

    /// <summary>Every entry, in table order.</summary>
    public ImmutableArray<GazetteerEntry> Entries { get; }

    /// <summary>The entry with id <paramref name="id"/>, or <c>null</c>.</summary>
    public GazetteerEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>Every gazetteer name in <paramref name="text"/>, in order: (offset in the text, length, entry, whether it is a demonym).</summary>
    public IEnumerable<(int Index, int Length, GazetteerEntry Entry, bool IsDemonym)> Matches(string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var (entry, isDemonym) = byName[match.Value];
            yield return (match.Index, match.Length, entry, isDemonym);
        }
    }

    /// <summary>
    /// The entry a name such as "European allies" or "Russia" refers to, if exactly one entry is
    /// named in it; used to match an analyst's actor with a drafted one.
    /// </summary>
    public GazetteerEntry? Resolve(string name)
    {
        var entries = Matches(name).Select(m => m.Entry).Distinct().ToList();
        return entries.Count == 1 ? entries[0] : null;
    }

    private static Gazetteer Parse(string table)
    {
        var entries = ImmutableArray.CreateBuilder<GazetteerEntry>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            var kind = parts[2] switch
            {
                "s" => ActorKind.State,
                "b" => ActorKind.Bloc,
                _ => ActorKind.Organisation,
            };
            entries.Add(new GazetteerEntry(parts[0], parts[1], kind, Split(parts[3]), Split(parts[4])));
        }

        return new Gazetteer(entries.ToImmutable());
    }

    private static ImmutableArray<string> Split(string list) =>
        [.. list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
