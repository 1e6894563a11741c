using System.Text.Json;
using Parley.Core.Backtesting;

namespace Parley.Reports;

/// <summary>
/// The calibration file of <c>parley backtest … --calibration-out FILE</c>, read back by
/// <c>Parley.Formats.Calibration.IntervalCalibrationReader</c> for <c>parley forecast --calibration FILE</c>:
/// <code>
/// {"format": "parley-interval-calibration", "version": 1, "method": "…", "dataset": "deu3-dev.tsv",
///  "data": [{"file": "deu3-dev.tsv", "sha256": "…"}], "capability": "equal",
///  "entries": [{"model": "compromise", "options": "", "mode": "proposal",
///               "scale": {"kind": "position-spread", "floor": 5, "definition": "…"}, "folds": 10, "n": 180,
///               "levels": [{"level": 0.5, "quantile": 0.47, "held_out_inside": 90, "held_out_n": 180,
///                           "held_out_coverage": 0.5, "mean_held_out_width": 34.4}, …]}, …]}
/// </code>
/// Quantiles are written with every digit (they set the intervals); an infinite quantile (too few
/// errors for the level: the whole scale) is <c>null</c>. Nothing in it depends on the date or the
/// machine, so the same backtest writes the same bytes. Documented in docs/validation.md.
/// </summary>
public static class IntervalCalibrationDocument
{
    /// <summary>The value of <c>"format"</c>.</summary>
    public const string FormatName = IntervalCalibration.FormatName;

    /// <summary>The value of <c>"version"</c>.</summary>
    public const int Version = IntervalCalibration.FormatVersion;

    /// <summary>The document for <paramref name="calibration"/>, ending with a line break.</summary>
    public static string ToJson(IntervalCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return ReportJson.Document(writer =>
        {
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", Version);
            writer.WriteString("method", "split conformal predictive intervals (Lei et al. 2018, JASA 113; normalized: Papadopoulos et al. 2002), cross-fitted by folds of proposals: forecast ± quantile × s(issue), clipped to the issue's scale; quantiles in points of the 0-100 rescaled scale per unit of s");
            writer.WriteString("dataset", calibration.Dataset);
            writer.WriteStartArray("data");
            foreach (var digest in calibration.Data)
            {
                writer.WriteStartObject();
                writer.WriteString("file", digest.Name);
                writer.WriteString("sha256", digest.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (calibration.Capability is { } capability)
            {
                writer.WriteString("capability", capability);
            }

            writer.WriteStartArray("entries");
            foreach (var entry in calibration.Entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteEntry(Utf8JsonWriter writer, IntervalCalibrationEntry entry)
    {
        var conformal = entry.Conformal;
        writer.WriteStartObject();
        writer.WriteString("model", entry.Model);
        writer.WriteString("options", entry.Options);
        writer.WriteString("mode", entry.Mode);
        BacktestDocument.WriteScale(writer, conformal.Scale);
        writer.WriteNumber("folds", conformal.Folds);
        writer.WriteNumber("n", conformal.Count);
        writer.WriteStartArray("levels");
        foreach (var level in conformal.Levels)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", level.Level);
            if (double.IsFinite(level.HalfWidth))
            {
                writer.WriteNumber("quantile", level.HalfWidth);
            }
            else
            {
                writer.WriteNull("quantile");
            }

            writer.WriteNumber("held_out_inside", level.Inside);
            writer.WriteNumber("held_out_n", level.Count);
            writer.WriteNumber("held_out_coverage", Math.Round(level.Share, 4, MidpointRounding.AwayFromZero));
            if (double.IsFinite(level.MeanHeldOutWidth))
            {
                writer.WriteNumber("mean_held_out_width", Math.Round(level.MeanHeldOutWidth, 4, MidpointRounding.AwayFromZero));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

}
