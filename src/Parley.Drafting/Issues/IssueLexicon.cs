using System.Collections.Immutable;

namespace Parley.Drafting.Issues;

/// <summary>
/// The built-in lexicon of negotiation topics, from which <c>parley draft</c> proposes issues when
/// no <c>--issues</c> file is given: war and peace, sanctions and trade, alliances, arms control,
/// climate, coalition and budget bargaining. Each topic has keywords and a sentence for each end
/// of a 0-100 scale. General, not tuned to any article.
/// </summary>
public static class IssueLexicon
{
    // id | name | keywords ; separated | low end | high end
    private const string Table = """
        ceasefire|Ceasefire|ceasefire;cease-fire;truce;armistice;hostilities;end the war;ending the war;end to the war;halt the fighting;stop the fighting;peace deal|Fighting continues until one side's war aims are met.|An immediate, unconditional ceasefire.
        territory|Territorial settlement|territor;border;annex;occupied;land swap;regions;front line;sovereignty over|Borders before the conflict are restored.|The occupying side's control of the territory is recognised.
        sanctions|Sanctions|sanction;embargo;asset freeze;frozen assets;export controls;easing sanctions;lift sanctions|New and tougher sanctions are imposed.|Sanctions are lifted.
        alliance|Alliance membership and alignment|nato;membership;accession;join the alliance;alliance;neutral;neutrality;expansion|The country joins the alliance on a fixed path.|The country stays neutral and the alliance does not expand.
        guarantees|Security guarantees|security guarantee;guarantee;reassurance force;peacekeep;troops on the ground;backstop;protection force|No security guarantees are given.|Binding security guarantees backed by a major power.
        arms|Arms control|arms control;nuclear;warhead;missile;new start;treaty on;disarmament;non-proliferation;inspections|No limits on weapons.|Verified limits on weapons are restored and extended.
        economy|Economic cooperation|economic cooperation;investment;business deal;joint venture;economic ties;energy deal;sovereign wealth fund;commerce|No economic ties.|Broad economic cooperation and investment.
        tariffs|Tariffs|tariff;duties;levy;levies;customs|Tariffs are removed.|Tariffs are raised sharply.
        market|Market access|market access;quota;quotas;import;export;trade deal;trade agreement;free trade;non-tariff barrier|Markets stay closed.|Markets open fully to the other side's goods.
        subsidies|Subsidies and state aid|subsid;state aid;industrial policy;dumping;overcapacity|Subsidies continue unchecked.|Subsidies are capped and disciplined.
        emissions|Emissions targets|emission;carbon;net zero;net-zero;greenhouse;1.5;degrees;nationally determined contribution;ndc;mitigation|Voluntary targets with no new commitments.|Binding, steep cuts in emissions.
        fossil|Fossil fuel phase-out|fossil fuel;coal;oil and gas;phase out;phase-out;phase down;phase-down;transition away|No commitment on fossil fuels.|A dated phase-out of all fossil fuels.
        climatefinance|Climate finance|climate finance;finance goal;billion a year;trillion;adaptation fund;loss and damage;new collective quantified goal;grant;loans|No new money for developing countries.|Large public grants from rich countries.
        coalition|Coalition and cabinet posts|coalition;cabinet post;ministr;portfolio;government agreement;coalition agreement;prime minister's office;form a government|The party stays in opposition.|The party leads the government and holds the main ministries.
        budget|Budget and taxes|budget;tax;spending;deficit;debt brake;austerity;fiscal|Spending is cut and the budget balanced.|Spending rises and borrowing with it.
        migration|Migration and asylum|migration;migrant;asylum;refugee;border control;deportation|Open, generous asylum rules.|Strict limits on asylum and migration.
        energy|Energy|energy;gas;pipeline;nuclear power;electricity;renewable|The energy system stays as it is.|A rapid change of the energy system.
        prisoners|Prisoners and humanitarian issues|prisoner;exchange of prisoners;hostage;humanitarian;aid corridor;civilians|No humanitarian measures.|Full prisoner exchanges and humanitarian access.
        elections|Elections and political transition|election;vote;referendum;transition;power-sharing|No change in who governs.|Early elections and a transition of power.
        pensions|Pensions and social policy|pension;retirement age;minimum wage;welfare;social security|Benefits are cut.|Benefits are expanded.
        """;

    /// <summary>Every topic, in table order, as issue definitions on a 0-100 scale.</summary>
    public static ImmutableArray<IssueDefinition> Topics { get; } =
    [
        .. Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|');
            return new IssueDefinition
            {
                Id = parts[0],
                Name = parts[1],
                Keywords = [.. parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                LowSentence = parts[3],
                HighSentence = parts[4],
            };
        }),
    ];
}
