using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Core.Models.Smp;

/// <summary>
/// The nine model parameters of KTAB's SMP, named as KTAB names them, plus the optional
/// ideal-accommodation matrix. Defaults are KTAB's (<c>smp.h</c>, <c>kmodel.h</c>).
/// </summary>
/// <remarks>
/// Values are read from the scenario's <see cref="Scenario.ModelParameters"/> (KTAB XML files carry
/// them) and then from <see cref="ModelOptions.Parameters"/>, which win. Option names:
/// <c>VictoryProbModel</c>, <c>PCEModel</c>, <c>StateTransitions</c>, <c>VotingRule</c>,
/// <c>BigRAdjust</c>, <c>BigRRange</c>, <c>ThirdPartyCommit</c>, <c>InterVecBrgn</c>,
/// <c>BargnModel</c>; values as in KTAB's code (the schema's spellings <c>Proportional</c> and
/// <c>No</c> are accepted for <c>Prop</c> and <c>None</c>). <c>IdealAdjustment</c> lists the cells
/// of KTAB's accommodation matrix A as <c>adjusting&gt;reference=rate</c> separated by <c>;</c>
/// (actor ids; rate in [0, 1]; a row's rates sum to at most 1); unlisted cells are those of the
/// identity matrix.
/// </remarks>
public sealed record SmpParameters
{
    /// <summary>Option name of <see cref="VictoryProbModel"/>.</summary>
    public const string VictoryProbModelName = "VictoryProbModel";

    /// <summary>Option name of <see cref="PceModel"/>.</summary>
    public const string PceModelName = "PCEModel";

    /// <summary>Option name of <see cref="StateTransitions"/>.</summary>
    public const string StateTransitionsName = "StateTransitions";

    /// <summary>Option name of <see cref="VotingRule"/>.</summary>
    public const string VotingRuleName = "VotingRule";

    /// <summary>Option name of <see cref="BigRAdjust"/>.</summary>
    public const string BigRAdjustName = "BigRAdjust";

    /// <summary>Option name of <see cref="BigRRange"/>.</summary>
    public const string BigRRangeName = "BigRRange";

    /// <summary>Option name of <see cref="ThirdPartyCommit"/>.</summary>
    public const string ThirdPartyCommitName = "ThirdPartyCommit";

    /// <summary>Option name of <see cref="InterVecBrgn"/>.</summary>
    public const string InterVecBrgnName = "InterVecBrgn";

    /// <summary>Option name of <see cref="BargnModel"/>.</summary>
    public const string BargnModelName = "BargnModel";

    /// <summary>Option name of the ideal-accommodation cells.</summary>
    public const string IdealAdjustmentName = "IdealAdjustment";

    /// <summary>The ten SMP parameters as option descriptions, KTAB's defaults and spellings.</summary>
    public static ImmutableArray<ModelOptionDescription> Descriptions { get; } =
    [
        ModelOptionDescription.Choice(VictoryProbModelName, SmpVictoryProbModel.Linear, "Victory probability from coalition strengths (KTAB VictoryProbModel)."),
        ModelOptionDescription.Choice(PceModelName, SmpPceModel.Conditional, "Probabilistic Condorcet election (KTAB PCEModel)."),
        ModelOptionDescription.Choice(StateTransitionsName, SmpStateTransitions.Deterministic, "Resolution of bargain queues (KTAB StateTransitions)."),
        ModelOptionDescription.Choice(VotingRuleName, SmpVotingRule.Prop, "Coalitions' voting rule over positions and bargains (KTAB VotingRule).")
            with { Aliases = ImmutableDictionary<string, string>.Empty.Add("Proportional", nameof(SmpVotingRule.Prop)) },
        ModelOptionDescription.Choice(BigRAdjustName, SmpBigRAdjust.OneThird, "Estimate of others' risk attitudes (KTAB BigRAdjust).")
            with { Aliases = ImmutableDictionary<string, string>.Empty.Add("No", nameof(SmpBigRAdjust.None)) },
        ModelOptionDescription.Choice(BigRRangeName, SmpBigRRange.Mid, "Range of risk attitudes (KTAB BigRRange)."),
        ModelOptionDescription.Choice(ThirdPartyCommitName, SmpThirdPartyCommit.SemiCommit, "Third parties' commitment (KTAB ThirdPartyCommit)."),
        ModelOptionDescription.Choice(InterVecBrgnName, SmpInterVecBrgn.S2P2, "Bargain interpolation (KTAB InterVecBrgn)."),
        ModelOptionDescription.Choice(BargnModelName, SmpBargnModel.InitOnlyInterp, "Whose bargains enter the queues (KTAB BargnModel)."),
        ModelOptionDescription.Text(IdealAdjustmentName, "Accommodation matrix cells adjusting>reference=rate separated by ';' (actor ids, rate 0-1); identity elsewhere."),
    ];

    /// <summary>KTAB's defaults.</summary>
    public static SmpParameters Default { get; } = new();

    /// <summary>Victory probability from coalition strengths; default <see cref="SmpVictoryProbModel.Linear"/>.</summary>
    public SmpVictoryProbModel VictoryProbModel { get; init; } = SmpVictoryProbModel.Linear;

    /// <summary>Probabilistic Condorcet election; default <see cref="SmpPceModel.Conditional"/>.</summary>
    public SmpPceModel PceModel { get; init; } = SmpPceModel.Conditional;

    /// <summary>Resolution of bargain queues; default <see cref="SmpStateTransitions.Deterministic"/>.</summary>
    public SmpStateTransitions StateTransitions { get; init; } = SmpStateTransitions.Deterministic;

    /// <summary>Voting rule of coalitions over positions and bargains; default <see cref="SmpVotingRule.Prop"/>.</summary>
    public SmpVotingRule VotingRule { get; init; } = SmpVotingRule.Prop;

    /// <summary>Estimate of others' risk attitudes; default <see cref="SmpBigRAdjust.OneThird"/>.</summary>
    public SmpBigRAdjust BigRAdjust { get; init; } = SmpBigRAdjust.OneThird;

    /// <summary>Range of risk attitudes; default <see cref="SmpBigRRange.Mid"/>.</summary>
    public SmpBigRRange BigRRange { get; init; } = SmpBigRRange.Mid;

    /// <summary>Third parties' commitment; default <see cref="SmpThirdPartyCommit.SemiCommit"/>.</summary>
    public SmpThirdPartyCommit ThirdPartyCommit { get; init; } = SmpThirdPartyCommit.SemiCommit;

    /// <summary>Bargain interpolation; default <see cref="SmpInterVecBrgn.S2P2"/>.</summary>
    public SmpInterVecBrgn InterVecBrgn { get; init; } = SmpInterVecBrgn.S2P2;

    /// <summary>Whose bargains enter the queues; default <see cref="SmpBargnModel.InitOnlyInterp"/>.</summary>
    public SmpBargnModel BargnModel { get; init; } = SmpBargnModel.InitOnlyInterp;

    /// <summary>
    /// Cells of the accommodation matrix A that differ from the identity, as
    /// (adjusting actor index, reference actor index, rate). Ideals move as
    /// <c>q_i ← Σ_j A_ij x_j + (1 − Σ_j A_ij) q_i</c>.
    /// </summary>
    public ImmutableArray<(int Adjusting, int Reference, double Rate)> IdealAdjustment { get; init; } = [];

    /// <summary>The parameters for a run of <paramref name="scenario"/> with <paramref name="options"/>.</summary>
    /// <exception cref="ModelOptionException">A value is not allowed; the message lists the allowed ones.</exception>
    public static SmpParameters From(Scenario scenario, ModelOptions options)
    {
        string? Value(string name) =>
            options.Parameters.TryGetValue(name, out var fromOptions) ? fromOptions
            : scenario.ModelParameters.TryGetValue(name, out var fromFile) ? fromFile
            : null;

        return new SmpParameters
        {
            VictoryProbModel = Parse(VictoryProbModelName, Value(VictoryProbModelName), SmpVictoryProbModel.Linear),
            PceModel = Parse(PceModelName, Value(PceModelName), SmpPceModel.Conditional),
            StateTransitions = Parse(StateTransitionsName, Value(StateTransitionsName), SmpStateTransitions.Deterministic),
            VotingRule = Parse(VotingRuleName, Value(VotingRuleName) is "Proportional" ? "Prop" : Value(VotingRuleName), SmpVotingRule.Prop),
            BigRAdjust = Parse(BigRAdjustName, Value(BigRAdjustName) is "No" ? "None" : Value(BigRAdjustName), SmpBigRAdjust.OneThird),
            BigRRange = Parse(BigRRangeName, Value(BigRRangeName), SmpBigRRange.Mid),
            ThirdPartyCommit = Parse(ThirdPartyCommitName, Value(ThirdPartyCommitName), SmpThirdPartyCommit.SemiCommit),
            InterVecBrgn = Parse(InterVecBrgnName, Value(InterVecBrgnName), SmpInterVecBrgn.S2P2),
            BargnModel = Parse(BargnModelName, Value(BargnModelName), SmpBargnModel.InitOnlyInterp),
            IdealAdjustment = ParseAdjustment(Value(IdealAdjustmentName), scenario),
        };
    }

    /// <summary>The parameters as KTAB prints them, name then value, in KTAB's order.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToNamedValues()
    {
        yield return new(VictoryProbModelName, VictoryProbModel.ToString());
        yield return new(VotingRuleName, VotingRule.ToString());
        yield return new(PceModelName, PceModel.ToString());
        yield return new(StateTransitionsName, StateTransitions.ToString());
        yield return new(BigRRangeName, BigRRange.ToString());
        yield return new(BigRAdjustName, BigRAdjust.ToString());
        yield return new(ThirdPartyCommitName, ThirdPartyCommit.ToString());
        yield return new(InterVecBrgnName, InterVecBrgn.ToString());
        yield return new(BargnModelName, BargnModel.ToString());
    }

    private static T Parse<T>(string name, string? value, T fallback)
        where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new ModelOptionException(
            $"option {name}: '{value}' is not allowed; use one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static ImmutableArray<(int, int, double)> ParseAdjustment(string? value, Scenario scenario)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        const string Allowed = "write cells as adjusting>reference=rate separated by ';', with actor ids and a rate from 0 to 1";
        var cells = ImmutableArray.CreateBuilder<(int, int, double)>();
        foreach (var cell in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var arrow = cell.IndexOf('>', StringComparison.Ordinal);
            var equals = cell.LastIndexOf('=');
            if (arrow <= 0 || equals <= arrow)
            {
                throw new ModelOptionException($"option {IdealAdjustmentName}: '{cell}' is not a cell; {Allowed}");
            }

            var adjusting = IndexOf(scenario, cell[..arrow].Trim(), cell, Allowed);
            var reference = IndexOf(scenario, cell[(arrow + 1)..equals].Trim(), cell, Allowed);
            if (!double.TryParse(cell[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || !(rate >= 0 && rate <= 1))
            {
                throw new ModelOptionException($"option {IdealAdjustmentName}: '{cell}' has no rate from 0 to 1; {Allowed}");
            }

            cells.Add((adjusting, reference, rate));
        }

        return cells.ToImmutable();
    }

    private static int IndexOf(Scenario scenario, string actorId, string cell, string allowed)
    {
        for (var i = 0; i < scenario.Actors.Length; i++)
        {
            if (scenario.Actors[i].Id == actorId)
            {
                return i;
            }
        }

        throw new ModelOptionException($"option {IdealAdjustmentName}: '{cell}' names unknown actor '{actorId}'; {allowed}");
    }
}
