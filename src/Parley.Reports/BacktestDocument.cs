using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Core.Backtesting;

namespace Parley.Reports;

/// <summary>
/// The reports of <c>parley backtest</c>: the JSON document
/// <c>{"dataset", "capability", "cases", "issues_with_outcome", "models": [{"model", "options", "n",
/// "mae", "median_ae", "within10", "mean_error", "mae_vs_compromise", "beats_compromise_share", "failures"}],
/// "cross_validation"}</c> and a long-format CSV of every per-issue error, one row per model and
/// issue, ready for plotting. Errors are in points of the issue's scale rescaled to 0–100.
/// </summary>
public static class BacktestDocument
{
    private const int Decimals = 4;

    /// <summary>The JSON document of a backtest.</summary>
    /// <param name="dataset">The data set's name (usually the file name).</param>
    /// <param name="capability">The capability option DEU files were read with, or <c>null</c> for other inputs.</param>
    /// <param name="result">The backtest.</param>
    /// <param name="crossValidation">The cross-validation of the recommended model's exponents, when run.</param>
    /// <param name="candidates">The options of each cross-validation candidate, in candidate order.</param>
    public static string ToJson(string dataset, string? capability, BacktestResult result, CrossValidationResult? crossValidation = null, IReadOnlyList<string>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("dataset", dataset);
            if (capability is not null)
            {
                writer.WriteString("capability", capability);
            }

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
                writer.WriteNumber("beats_compromise_share", Round(model.BeatsCompromiseShare));
                writer.WriteNumber("failures", model.Failures);
                if (model.FirstFailure is { } failure)
                {
                    writer.WriteString("first_failure", failure);
                }
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (crossValidation is not null)
            {
                writer.WriteStartObject("cross_validation");
                writer.WriteString("model", "recommended");
                writer.WriteNumber("folds", crossValidation.Folds);
                writer.WriteNumber("n", crossValidation.Count);
                writer.WriteNumber("mae", Round(crossValidation.MeanAbsoluteError));
                if (candidates is not null)
                {
                    writer.WriteString("in_sample_best", candidates[crossValidation.InSampleBest]);
                    writer.WriteNumber("in_sample_best_mae", Round(crossValidation.CandidateMeanAbsoluteErrors[crossValidation.InSampleBest]));
                    writer.WriteStartArray("chosen_per_fold");
                    foreach (var chosen in crossValidation.ChosenPerFold)
                    {
                        writer.WriteStringValue(candidates[chosen]);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Every per-issue error as CSV with the header
    /// <c>model,options,case,group,issue,outcome,forecast,error,abs_error</c>: one row per model and
    /// scored issue, models in report order, issues in case order.
    /// </summary>
    public static string ToErrorsCsv(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("model,options,case,group,issue,outcome,forecast,error,abs_error\n");
        foreach (var model in result.Models)
        {
            foreach (var error in model.Errors)
            {
                csv.Append(Field(model.Model)).Append(',')
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
