using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Core.Backtesting;
using Parley.Core.Scoring;

namespace Parley.Reports;

/// <summary>
/// The reports of <c>parley backtest</c>: the JSON document (<see cref="ToJson"/>; the fields are
/// listed in docs/json-output.md) and a long-format CSV of every per-issue error, one row per
/// mode, model and issue, ready for plotting. Errors are in points of the issue's scale rescaled to 0–100.
/// </summary>
public static class BacktestDocument
{
    private const int Decimals = 4;

    /// <summary>
    /// The JSON document of a backtest: <c>{"dataset", "capability", "modes": [{"mode", "cases",
    /// "issues_with_outcome", "models": [{"model", "options", "n", "mae", "median_ae", "within10",
    /// "mean_error", "mae_vs_compromise", "vs_compromise", "beats_compromise_share",
    /// "nested_cv_mae", "nested_cv_vs_compromise", "chosen_from_data", "crps", "coverage",
    /// "calibration", "conformal_coverage", "conformal", "conformal_normalized_coverage",
    /// "conformal_normalized", "failures"}], "ensembles", "selection"}]}</c>.
    /// </summary>
    /// <param name="dataset">The data set's name (usually the file name).</param>
    /// <param name="capability">The capability option DEU files were read with, or <c>null</c> for other inputs.</param>
    /// <param name="modes">The backtest in each mode.</param>
    public static string ToJson(string dataset, string? capability, IReadOnlyList<BacktestModeRun> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        return ReportJson.Document(writer =>
        {
            writer.WriteString("dataset", dataset);
            if (capability is not null)
            {
                writer.WriteString("capability", capability);
            }

            writer.WriteStartArray("modes");
            foreach (var mode in modes)
            {
                WriteMode(writer, mode);
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteMode(Utf8JsonWriter writer, BacktestModeRun mode)
    {
        var result = mode.Result;
        writer.WriteStartObject();
        writer.WriteString("mode", mode.ModeName);
        writer.WriteNumber("cases", result.Cases);
        writer.WriteNumber("issues_with_outcome", result.IssuesWithOutcome);
        writer.WriteStartArray("models");
        foreach (var model in result.Models)
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.Model);
            writer.WriteString("options", model.Options);
            writer.WriteNumber("n", model.Count);
            writer.WriteNumber("mae", Round(model.MeanAbsoluteError));
            writer.WriteNumber("median_ae", Round(model.MedianAbsoluteError));
            writer.WriteNumber("within10", Round(model.Within10));
            writer.WriteNumber("mean_error", Round(model.MeanError));
            writer.WriteNumber("mae_vs_compromise", Round(model.MeanErrorVsCompromise));
            WriteInterval(writer, "vs_compromise", model.VersusCompromiseInterval);
            writer.WriteNumber("beats_compromise_share", Round(model.BeatsCompromiseShare));
            writer.WriteNumber("nested_cv_mae", Round(model.NestedCrossValidatedError));
            WriteInterval(writer, "nested_cv_vs_compromise", model.NestedVersusCompromise);
            writer.WriteBoolean("chosen_from_data", model.NestedCrossValidation is not null);
            WriteCalibration(writer, model.Calibration);
            WriteConformal(writer, "conformal", model.Conformal);
            WriteConformal(writer, "conformal_normalized", model.NormalizedConformal);
            writer.WriteNumber("failures", model.Failures);
            if (model.FirstFailure is { } failure)
            {
                writer.WriteString("first_failure", failure);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("ensembles");
        foreach (var ensemble in mode.Ensembles)
        {
            WriteEnsemble(writer, ensemble);
        }

        writer.WriteEndArray();
        if (mode.Selection is { } selection)
        {
            writer.WriteStartObject("selection");
            writer.WriteString("model", "recommended");
            writer.WriteString("procedure", "nested grouped cross-validation: in each training set, the candidate with the lowest MAE is chosen only if its inner cross-validated gain over compromise has a 95% bootstrap interval below zero, else compromise");
            writer.WriteNumber("folds", selection.Folds);
            writer.WriteNumber("inner_folds", selection.InnerFolds);
            writer.WriteNumber("n", selection.Count);
            writer.WriteNumber("nested_cv_mae", Round(selection.MeanAbsoluteError));
            WriteInterval(writer, "vs_compromise", selection.VersusBaseline);
            writer.WriteStartArray("per_fold");
            foreach (var step in selection.FoldChoices)
            {
                WriteStep(writer, null, step);
            }

            writer.WriteEndArray();
            WriteStep(writer, "full_data", selection.FullData);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary><c>crps</c> and <c>coverage</c> (held out, with the cross-validated spread) and the <c>calibration</c> behind them; nulls when not run.</summary>
    private static void WriteCalibration(Utf8JsonWriter writer, ModelCalibration? calibration)
    {
        if (calibration is null)
        {
            writer.WriteNull("crps");
            writer.WriteNull("coverage");
            return;
        }

        writer.WriteNumber("crps", Round(calibration.MeanCrps));
        WriteCoverage(writer, "coverage", calibration.Coverage);
        writer.WriteStartObject("calibration");
        writer.WriteNumber("draws", calibration.Draws);
        writer.WriteNumber("n", calibration.Count);
        writer.WriteNumber("chosen_spread", calibration.ChosenSpread);
        writer.WriteStartArray("spread_per_fold");
        foreach (var spread in calibration.SpreadPerFold)
        {
            writer.WriteNumberValue(spread);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("by_spread");
        foreach (var candidate in calibration.BySpread)
        {
            writer.WriteStartObject();
            writer.WriteNumber("spread", candidate.Spread);
            writer.WriteNumber("crps", Round(candidate.MeanCrps));
            WriteCoverage(writer, "coverage", candidate.Coverage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>NAME_coverage</c> (held-out share inside the intervals, by level) and <c>NAME</c> (method, scale, folds, n,
    /// and per level the quantile q on all the data, the mean held-out half-width and width and the counts, and
    /// coverage by tercile of difficulty); nulls when not run. An infinite q (too few errors for the level) is written as <c>null</c>.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name"><c>conformal</c> (plain: forecast ± q) or <c>conformal_normalized</c> (forecast ± q·s(issue)).</param>
    /// <param name="conformal">The calibration, or <c>null</c> when not run.</param>
    private static void WriteConformal(Utf8JsonWriter writer, string name, ConformalCalibration? conformal)
    {
        if (conformal is null)
        {
            writer.WriteNull(name + "_coverage");
            writer.WriteNull(name);
            return;
        }

        WriteConformalCoverage(writer, name + "_coverage", conformal);
        writer.WriteStartObject(name);
        writer.WriteString("method", conformal.Scale.IsNormalized
            ? "normalized split conformal, cross-fitted by proposal folds: forecast ± q·s(issue), q the ceil((n+1)·level)-th smallest |error|/s of the other folds"
            : "split conformal, cross-fitted by proposal folds: forecast ± q, q the ceil((n+1)·level)-th smallest |error| of the other folds");
        WriteConformalBody(writer, conformal, conformal.Scale.IsNormalized ? "quantile" : "half_width");
    }

    /// <summary>The scale, folds, n, levels and coverage by tercile of difficulty of a conformal calibration; closes its object.</summary>
    private static void WriteConformalBody(Utf8JsonWriter writer, ConformalCalibration conformal, string quantileName)
    {
        WriteScale(writer, conformal.Scale);
        writer.WriteNumber("folds", conformal.Folds);
        writer.WriteNumber("n", conformal.Count);
        writer.WriteStartArray("levels");
        foreach (var level in conformal.Levels)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", level.Level);
            WriteFinite(writer, quantileName, level.HalfWidth);
            WriteFinite(writer, "mean_held_out_half_width", level.MeanHeldOutHalfWidth);
            WriteFinite(writer, "mean_held_out_width", level.MeanHeldOutWidth);
            writer.WriteNumber("inside", level.Inside);
            writer.WriteNumber("n", level.Count);
            writer.WriteNumber("share", Round(level.Share));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (!conformal.DifficultyCuts.IsEmpty)
        {
            writer.WriteStartObject("by_difficulty");
            writer.WriteStartArray("spread_cuts");
            foreach (var cut in conformal.DifficultyCuts)
            {
                writer.WriteNumberValue(Round(cut));
            }

            writer.WriteEndArray();
            foreach (var level in conformal.ByDifficulty.GroupBy(s => s.Level))
            {
                writer.WriteStartArray(LevelKey(level.Key));
                foreach (var stratum in level)
                {
                    writer.WriteNumberValue(Round(stratum.Share));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary><c>"scale": {"kind", "floor", "definition"}</c> of a conformal calibration.</summary>
    internal static void WriteScale(Utf8JsonWriter writer, ConformalScale scale)
    {
        writer.WriteStartObject("scale");
        writer.WriteString("kind", scale.Kind);
        writer.WriteNumber("floor", scale.Floor);
        writer.WriteString("definition", scale.IsNormalized
            ? "s = standard deviation of the positions on the issue's scale rescaled to 0-100, weighted by salience x capability, + floor points"
            : "s = 1: the same half-width q on every issue");
        writer.WriteEndObject();
    }

    private static void WriteEnsemble(Utf8JsonWriter writer, EnsembleResult ensemble)
    {
        writer.WriteStartObject();
        writer.WriteString("name", ensemble.Name);
        writer.WriteStartArray("members");
        foreach (var member in ensemble.Members)
        {
            writer.WriteStringValue(member);
        }

        writer.WriteEndArray();
        writer.WriteNumber("n", ensemble.Count);
        writer.WriteNumber("nested_cv_mae", Round(ensemble.MeanAbsoluteError));
        WriteInterval(writer, "nested_cv_vs_compromise", ensemble.VersusCompromise);
        writer.WriteStartArray("per_fold");
        foreach (var choice in ensemble.FoldChoices)
        {
            writer.WriteStringValue(choice);
        }

        writer.WriteEndArray();
        writer.WriteString("full_data", ensemble.FullData);
        writer.WriteEndObject();
    }

    private static void WriteFinite(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, Round(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The held-out share of outcomes inside each level's conformal intervals, keyed by level ("0.5", "0.8", "0.9").</summary>
    private static void WriteConformalCoverage(Utf8JsonWriter writer, string name, ConformalCalibration conformal)
    {
        writer.WriteStartObject(name);
        foreach (var level in conformal.Levels)
        {
            writer.WriteNumber(LevelKey(level.Level), Round(level.Share));
        }

        writer.WriteEndObject();
    }

    private static string LevelKey(double level) => level.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The observed share of outcomes inside each level's intervals, keyed by level ("0.5", "0.8", "0.9").</summary>
    private static void WriteCoverage(Utf8JsonWriter writer, string name, IEnumerable<IntervalCoverage> coverage)
    {
        writer.WriteStartObject(name);
        foreach (var level in coverage)
        {
            writer.WriteNumber(LevelKey(level.Level), Round(level.Share));
        }

        writer.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter writer, string? name, SelectionStep step)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteString("chosen", RecommendedSelection.Describe(step.Chosen));
        writer.WriteString("lowest_training_mae", RecommendedSelection.Describe(step.Best));
        WriteInterval(writer, "inner_gain", step.InnerGain);
        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, string name, BootstrapInterval? interval)
    {
        if (interval is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("estimate", Round(interval.Estimate));
        writer.WriteNumber("low", Round(interval.Low));
        writer.WriteNumber("high", Round(interval.High));
        writer.WriteNumber("level", interval.Level);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Every per-issue error as CSV with the header
    /// <c>mode,model,options,case,group,issue,outcome,forecast,error,abs_error</c>: one row per mode,
    /// model and scored issue, modes and models in report order, issues in case order.
    /// </summary>
    public static string ToErrorsCsv(IReadOnlyList<BacktestModeRun> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        var csv = new StringBuilder("mode,model,options,case,group,issue,outcome,forecast,error,abs_error\n");
        foreach (var (mode, model) in modes.SelectMany(mode => mode.Result.Models.Select(model => (mode, model))))
        {
            foreach (var error in model.Errors)
            {
                csv.Append(mode.ModeName).Append(',')
                    .Append(Field(model.Model)).Append(',')
                    .Append(Field(model.Options)).Append(',')
                    .Append(Field(error.CaseId)).Append(',')
                    .Append(Field(error.Group)).Append(',')
                    .Append(Field(error.IssueId)).Append(',')
                    .Append(Number(error.Outcome)).Append(',')
                    .Append(Number(error.Forecast)).Append(',')
                    .Append(Number(error.Error)).Append(',')
                    .Append(Number(error.AbsoluteError)).Append('\n');
            }
        }

        return csv.ToString();
    }

    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    private static string Number(double value) => Round(value).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break.</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
