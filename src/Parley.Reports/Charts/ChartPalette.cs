using System.Collections.Immutable;

namespace Parley.Reports.Charts;

/// <summary>The colours of every chart, fixed so that reports are byte-identical and each model keeps its colour across charts.</summary>
public static class ChartPalette
{
    /// <summary>Ten distinguishable colours (a colour-blind-safe qualitative palette, Okabe &amp; Ito 2008, extended).</summary>
    public static ImmutableArray<string> Colors { get; } =
        ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#f0e442", "#882255", "#44aa99"];

    /// <summary>The colour of actors' positions and other context marks.</summary>
    public const string Context = "#9aa5b1";

    /// <summary>The colour of outcomes and references (status quo, outcome lines).</summary>
    public const string Emphasis = "#222222";

    /// <summary>The <paramref name="index"/>-th colour, cycling.</summary>
    public static string At(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
