using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Uncertainty;
using Parley.Reports;
using Parley.Reports.Charts;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley sensitivity [SCENARIO] [--model M] [--draws N] [--seed S] [--threads T] [--top K] [--json]</c>:
/// for each issue, a tornado table of the inputs that move its forecast most (one-at-a-time
/// swings over each input's range, with Spearman's ρ over Monte Carlo draws).
/// </summary>
internal static class SensitivityCommand
{
    private const int MaxTornadoWidth = 24;

    public static Command Create(CliConsole console)
    {
        var uncertainty = new UncertaintyOptions(SensitivityOptions.DefaultDraws, 0, Sensitivity.MaxDraws, "gives the swings without the rank correlations");
        var top = new Option<int>("--top") { Description = "Inputs shown per issue in the table (the JSON has all).", DefaultValueFactory = _ => 8 };
        var command = new Command("sensitivity", "Which inputs each issue's forecast hinges on: a tornado table per issue.");
        uncertainty.AddTo(command);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            if (uncertainty.Request(parse, console) is not { } request)
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanSensitivity(request);
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            var shown = parse.GetValue(top);
            if (shown < 1)
            {
                console.Error.WriteLine($"parley: --top {shown} is not allowed; use 1 or more");
                return ExitCodes.InvalidInput;
            }

            using var recording = uncertainty.StartRecording(parse, console, plan.Model.Info.Id, out var refused);
            if (refused)
            {
                return ExitCodes.InvalidInput;
            }

            var result = RunRecording.Run(recording, () => DrawProgress.Run(console, plan.TotalSteps, plan.Model.Info.Id, "model runs", progress => plan.Run(progress, console.Cancellation)));

            var wantsJson = parse.GetValue(uncertainty.Json);
            if (!RunRecording.Emit(console, recording, wantsJson, output => output.Write(UncertaintyDocument.ToJson(plan.Scenario, result)), result.Partial))
            {
                return ExitCodes.InvalidInput;
            }

            if (!wantsJson)
            {
                Print(console, plan.Scenario, result, shown);
            }

            if (!result.Partial)
            {
                RunRecording.Announce(console, recording, wantsJson);
            }

            if (result.Partial)
            {
                console.Error.WriteLine("parley: cancelled; the result is partial");
                return ExitCodes.Cancelled;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, Scenario scenario, SensitivityResult result, int shown)
    {
        var ansi = console.Ansi;
        console.Heading($"[bold]{Markup.Escape(scenario.Title)}[/]: what moves each forecast ({Markup.Escape(result.Model.Id)})");

        // The tornado takes the room the other columns leave at this width: 24 characters from 94 columns up, 10 at 80.
        var tornadoWidth = Math.Clamp((console.Width - 70) / 2 * 2, 10, MaxTornadoWidth);
        foreach (var issueResult in result.Issues)
        {
            var issue = scenario.FindIssue(issueResult.IssueId);
            var name = issue?.Name ?? issueResult.IssueId;
            var width = issue?.ScaleWidth ?? 100;
            var table = new FittedTable { Title = $"[bold]{Markup.Escape(name)}[/]: forecast {MonteCarloCommand.Number(issueResult.Estimate, width)}", KeyWidth = 20 }
                .Key("[bold]Input[/]")
                .Column("[bold]range[/]", Justify.Right)
                .Column("[bold]low[/]", Justify.Right)
                .Column("[bold]high[/]", Justify.Right)
                .Column("[bold]swing[/]", Justify.Right)
                .Column("[bold]rho[/]", Justify.Right)
                .Column("[bold]tornado[/]", wrap: false);
            var widest = issueResult.Bars.IsEmpty ? 0 : issueResult.Bars[0].Swing;
            foreach (var bar in issueResult.Bars.Take(shown))
            {
                table.Row(
                    Markup.Escape(bar.Input.Label),
                    $"{InputValue(scenario, bar.Input, bar.Input.Low)}-{InputValue(scenario, bar.Input, bar.Input.High)}",
                    MonteCarloCommand.Number(bar.ForecastAtLow, width),
                    MonteCarloCommand.Number(bar.ForecastAtHigh, width),
                    $"[bold]{MonteCarloCommand.Number(bar.Swing, width)}[/]",
                    bar.RankCorrelation is { } rho ? rho.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-",
                    Tornado(bar, issueResult.Estimate, widest, tornadoWidth));
            }

            table.Write(console);
        }

        var spread = result.Spread;
        ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"tornado: | is the forecast, L the input at its low end, H at its high end. low, high: the forecast with the input at the low or the high end of its range. Swing: forecast change with the input at the low vs the high end of its range, all others at their estimates. rho: Spearman rank correlation of input and forecast over {result.Draws:N0} draws (seed {result.Seed}). Default spread +-{spread.Position * 100:0.##}% positions, +-{spread.Salience:0.##} salience, +-{spread.Capability * 100:0.##}% capability.{(result.Partial ? " PARTIAL: cancelled." : string.Empty)}")));
    }

    /// <summary>A bar centred on the forecast: 'L' cells show where the input at its low end moves it, 'H' the high end, scaled to the widest swing.</summary>
    private static string Tornado(TornadoBar bar, double estimate, double widest, int tornadoWidth)
    {
        var half = tornadoWidth / 2;
        int Cells(double forecast) => widest > 0 ? (int)Math.Round(Math.Min(1, Math.Abs(forecast - estimate) / widest) * half) : 0;
        var left = new char[half];
        var right = new char[half];
        Array.Fill(left, ' ');
        Array.Fill(right, ' ');
        void Paint(double forecast, char mark)
        {
            var cells = Cells(forecast);
            var side = forecast < estimate ? left : right;
            for (var i = 0; i < cells; i++)
            {
                if (forecast < estimate)
                {
                    side[half - 1 - i] = mark;
                }
                else
                {
                    side[i] = mark;
                }
            }
        }

        Paint(bar.ForecastAtLow, 'L');
        Paint(bar.ForecastAtHigh, 'H');
        return Markup.Escape(new string(left) + "|" + new string(right));
    }

    /// <summary>An input's value with the precision of its own scale: a position's issue scale, salience's 0-1, capability's 0.01.</summary>
    private static string InputValue(Scenario scenario, UncertainInput input, double value) => input.Kind switch
    {
        UncertainInputKind.Position => ScaleNumber.Format(value, scenario.FindIssue(input.IssueId!)?.ScaleWidth ?? 100),
        UncertainInputKind.Salience => ScaleNumber.Format(value, 1),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
