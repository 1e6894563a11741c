using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Uncertainty;
using Parley.Reports;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley sensitivity [SCENARIO] [--model M] [--draws N] [--seed S] [--threads T] [--top K] [--json]</c>:
/// for each issue, a tornado table of the inputs that move its forecast most (one-at-a-time
/// swings over each input's range, with Spearman's ρ over Monte Carlo draws).
/// </summary>
internal static class SensitivityCommand
{
    private const int TornadoWidth = 24;

    public static Command Create(CliConsole console)
    {
        var uncertainty = new UncertaintyOptions(SensitivityOptions.DefaultDraws, Sensitivity.MaxDraws);
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
        ansi.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]: what moves each forecast ({Markup.Escape(result.Model.Id)})").LeftJustified());
        foreach (var issueResult in result.Issues)
        {
            var issue = scenario.FindIssue(issueResult.IssueId);
            var name = issue?.Name ?? issueResult.IssueId;
            var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded)
                .Title(string.Create(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(name)}[/]: forecast {MonteCarloCommand.Number(issueResult.Estimate)}"));
            table.AddColumn("[bold]Input[/]");
            table.AddColumn(new TableColumn("[bold]range[/]").RightAligned());
            table.AddColumn(new TableColumn("[bold]at low[/]").RightAligned());
            table.AddColumn(new TableColumn("[bold]at high[/]").RightAligned());
            table.AddColumn(new TableColumn("[bold]swing[/]").RightAligned());
            table.AddColumn(new TableColumn("[bold]rho[/]").RightAligned());
            table.AddColumn("[bold]tornado[/] [grey](| = forecast)[/]");
            var widest = issueResult.Bars.IsEmpty ? 0 : issueResult.Bars[0].Swing;
            foreach (var bar in issueResult.Bars.Take(shown))
            {
                table.AddRow(
                    Markup.Escape(bar.Input.Label),
                    string.Create(CultureInfo.InvariantCulture, $"{Value(bar.Input.Low)}-{Value(bar.Input.High)}"),
                    MonteCarloCommand.Number(bar.ForecastAtLow),
                    MonteCarloCommand.Number(bar.ForecastAtHigh),
                    $"[bold]{MonteCarloCommand.Number(bar.Swing)}[/]",
                    bar.RankCorrelation is { } rho ? rho.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-",
                    Tornado(bar, issueResult.Estimate, widest));
            }

            ansi.Write(table);
        }

        var spread = result.Spread;
        ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Swing: forecast change with the input at the low vs the high end of its range, all others at their estimates. rho: Spearman rank correlation of input and forecast over {result.Draws:N0} draws (seed {result.Seed}). Default spread +-{spread.Position * 100:0.##}% positions, +-{spread.Salience:0.##} salience, +-{spread.Capability * 100:0.##}% capability.{(result.Partial ? " PARTIAL: cancelled." : string.Empty)}")));
    }

    /// <summary>A bar centred on the forecast: 'L' cells show where the input at its low end moves it, 'H' the high end, scaled to the widest swing.</summary>
    private static string Tornado(TornadoBar bar, double estimate, double widest)
    {
        var half = TornadoWidth / 2;
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

    private static string Value(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
