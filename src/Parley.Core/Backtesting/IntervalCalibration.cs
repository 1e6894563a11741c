using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Backtesting;

/// <summary>
/// A saved calibration of predictive intervals (<c>parley backtest … --calibration-out FILE</c>): for
/// each model and backtest mode, plain and normalized conformal quantiles for the 50, 80 and 90 %
/// levels, with the data they were learned from. <c>parley forecast --calibration FILE</c> applies it
/// to new forecasts (docs/validation.md).
/// </summary>
public sealed record IntervalCalibration
{
    /// <summary>The calibration file's <c>"format"</c>, written and read (IntervalCalibrationDocument, IntervalCalibrationReader).</summary>
    public const string FormatName = "parley-interval-calibration";

    /// <summary>The calibration file's <c>"version"</c>: the one written and the only one read.</summary>
    public const int FormatVersion = 1;

    /// <summary>The data set's name (the backtest's input file name, or names joined).</summary>
    public required string Dataset { get; init; }

    /// <summary>The input files by name and SHA-256.</summary>
    public ImmutableArray<DataDigest> Data { get; init; } = [];

    /// <summary>The DEU capabilities the data were read with, or <c>null</c> for scenario files.</summary>
    public string? Capability { get; init; }

    /// <summary>One entry per model, mode and scale, in the backtest's order.</summary>
    public required ImmutableArray<IntervalCalibrationEntry> Entries { get; init; }

    /// <summary>
    /// The calibration of a backtest: every model of every mode, with its normalized then its plain
    /// conformal intervals (those that were run).
    /// </summary>
    public static IntervalCalibration FromBacktest(string dataset, string? capability, ImmutableArray<DataDigest> data, IEnumerable<BacktestModeRun> modes)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(modes);
        var entries = ImmutableArray.CreateBuilder<IntervalCalibrationEntry>();
        foreach (var mode in modes)
        {
            foreach (var model in mode.Result.Models)
            {
                foreach (var conformal in new[] { model.NormalizedConformal, model.Conformal })
                {
                    if (conformal is not null)
                    {
                        entries.Add(new IntervalCalibrationEntry(model.Model, model.Options, mode.ModeName, conformal));
                    }
                }
            }
        }

        return new IntervalCalibration { Dataset = dataset, Capability = capability, Data = data.IsDefault ? [] : data, Entries = entries.ToImmutable() };
    }

    /// <summary>
    /// The entry a forecast of <paramref name="model"/> with <paramref name="options"/> uses: proposal
    /// mode before issue mode (a forecast scenario is a whole negotiation, as a DEU proposal is), and
    /// within a mode the normalized scale before the plain one; <c>null</c> when none calibrates that model with those options.
    /// </summary>
    public IntervalCalibrationEntry? For(string model, string options) =>
        Entries
            .Where(e => e.Model == model && e.Options == options)
            .OrderBy(e => e.Mode == "proposal" ? 0 : 1)
            .ThenBy(e => e.Conformal.Scale.IsNormalized ? 0 : 1)
            .FirstOrDefault();

    /// <summary>
    /// How an interval of <paramref name="entry"/> is labelled for readers:
    /// <c>calibrated on deu3-dev.tsv, n=180, held-out coverage 50/80/90%: 50%/80%/90%; proposal mode, scale position-spread + 5</c>.
    /// </summary>
    public string Label(IntervalCalibrationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var levels = entry.Conformal.Levels;
        var nominal = string.Join("/", levels.Select(l => (l.Level * 100).ToString("0.#", CultureInfo.InvariantCulture)));
        var held = string.Join("/", levels.Select(l => (l.Share * 100).ToString("0", CultureInfo.InvariantCulture) + "%"));
        return string.Create(CultureInfo.InvariantCulture, $"calibrated on {Dataset}, n={entry.Conformal.Count}, held-out coverage {held} at nominal {nominal}% ({entry.Mode} mode, scale {entry.Conformal.Scale})");
    }
}
