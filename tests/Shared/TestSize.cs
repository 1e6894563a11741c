using System.Globalization;

namespace Parley.Tests.Shared;

/// <summary>
/// The size knob of the suite's slow property and load runs. <c>./test.sh</c> (what CI runs) keeps
/// <c>PARLEY_PROPERTY_SCALE</c> at 1, the size that fits its time budget; a long run sets it higher
/// (e.g. <c>PARLEY_PROPERTY_SCALE=20 ./test.sh</c>), and every scaled test then checks that many
/// times more cases.
/// </summary>
internal static class TestSize
{
    /// <summary>The environment variable that multiplies the scaled runs.</summary>
    public const string Variable = "PARLEY_PROPERTY_SCALE";

    /// <summary>The multiplier: <c>PARLEY_PROPERTY_SCALE</c> when it is a positive number, 1 otherwise.</summary>
    public static double Scale =>
        double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    /// <summary>How many cases a scaled run checks: <paramref name="atScaleOne"/> times <see cref="Scale"/>, at least 1.</summary>
    public static int Cases(int atScaleOne) => (int)Math.Clamp(Math.Round(atScaleOne * Scale), 1, int.MaxValue);
}
