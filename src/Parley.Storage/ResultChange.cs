namespace Parley.Storage;

/// <summary>
/// One value that differs between two result documents, at a readable path such as
/// <c>forecasts[smp].issues[ceasefire].forecast</c> (array items that carry a <c>model</c> or
/// <c>id</c> are named by it, others by their index).
/// </summary>
/// <param name="Path">Where in the document.</param>
/// <param name="Before">The value in the first document (JSON text); <c>null</c> when absent there.</param>
/// <param name="After">The value in the second document; <c>null</c> when absent there.</param>
public sealed record ResultChange(string Path, string? Before, string? After)
{
    /// <summary>The change of a numeric value (<c>After − Before</c>), or <c>null</c>.</summary>
    public double? Delta =>
        double.TryParse(Before, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var before)
        && double.TryParse(After, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var after)
            ? after - before
            : null;

    /// <summary><c>PATH: BEFORE -> AFTER (+DELTA)</c>.</summary>
    public override string ToString() =>
        $"{Path}: {Before ?? "(absent)"} -> {After ?? "(absent)"}{(Delta is { } delta ? $" ({(delta >= 0 ? "+" : "")}{delta.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)})" : "")}";
}
