using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// One round of the <see cref="ExchangeModel"/>: the exchanges realised, in order, and each
/// issue's voting outcome after them (<see cref="RoundTrace.Issues"/>). <see cref="Describe"/>
/// gives a count line then one line per exchange; the outcomes are printed by the caller.
/// </summary>
public sealed record ExchangeRoundTrace : RoundTrace
{
    /// <summary>The exchanges realised this round, best gain first.</summary>
    public required ImmutableArray<RealizedExchange> Exchanges { get; init; }

    /// <inheritdoc />
    public override IEnumerable<string> Describe()
    {
        var culture = CultureInfo.InvariantCulture;
        yield return string.Create(culture, $"{Exchanges.Length} exchange{(Exchanges.Length == 1 ? string.Empty : "s")} realised");
        var number = 0;
        foreach (var exchange in Exchanges)
        {
            number++;
            var moves = string.Create(
                culture,
                $"{number}. {exchange.FirstActor} moves on {exchange.FirstIssue} {exchange.FirstFrom:0.##} -> {exchange.FirstTo:0.##}; {exchange.SecondActor} moves on {exchange.SecondIssue} {exchange.SecondFrom:0.##} -> {exchange.SecondTo:0.##}; gain {exchange.Gain:0.####}");
            yield return Math.Abs(exchange.FirstGain - exchange.SecondGain) > 1e-9
                ? moves + string.Create(culture, $" (realised {exchange.FirstGain:0.####} / {exchange.SecondGain:0.####})")
                : moves;
        }
    }
}
