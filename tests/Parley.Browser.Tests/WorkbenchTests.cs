using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Tests.Shared;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// The workbench (docs/workbench.md) in headless chromium against a real <c>parley serve</c>: every
/// analyst flow of issue 15, keyboard use, an axe-core accessibility check, the phone layout, and the
/// time to interactive and what-if round trips (printed, never asserted as speed). Each test saves
/// screenshots under the test output (screenshots/workbench-*.png).
/// </summary>
public sealed class WorkbenchTests(WorkbenchServer server, ITestOutputHelper output) : IClassFixture<WorkbenchServer>, IAsyncLifetime
{
    private static readonly string AlaskaFile = Path.Combine(ReportPageTests.RepositoryRoot, "scenarios", "alaska-2025.yaml");

    private readonly List<string> problems = [];

    // The pages this test opened, closed when it ends: the browser is the class's, and a page left open keeps its
    // renderer process, its event streams and its charts alive through the tests that follow.
    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in pages.Where(p => !p.IsClosed))
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task MissingRunAndScenario_AreNotFound_InThePagesTerms()
    {
        // The API's message points at GET /runs; the page points at its own Runs page.
        var run = await Open("#/runs/999999");
        await Ready(run, "error");
        Assert.Equal("Not found", await run.Locator("h1").InnerTextAsync());
        Assert.Contains("no run 999999 in the store; the Runs page lists them", await run.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var scenario = await Open("#/scenario/no-such-scenario");
        await Ready(scenario, "error");
        Assert.Equal("Not found", await scenario.Locator("h1").InnerTextAsync());
        var text = await scenario.Locator("main").InnerTextAsync();
        Assert.Contains("no scenario 'no-such-scenario' in the store; the Scenarios page lists them", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /", text, StringComparison.Ordinal);
        Assert.Equal(1, await scenario.GetByRole(AriaRole.Link, new() { Name = "Back to the scenarios" }).CountAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task CreateScenarioByHand_TwoActorsOneIssue_SavesVersionOne()
    {
        var page = await Open("#/");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("pair-talks");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Two actors, one issue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Ready(page, "new");
        Assert.DoesNotContain("\nnull\n", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // An empty scenario is not valid: the checker says so at once. Its verdict places notes beside the
        // fields, which moves the buttons: clicks wait for it, and each new row is filled before the next click.
        await page.WaitForSelectorAsync("body[data-checked]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an actor" }).ClickAsync();
        await page.GetByLabel("Id of actor 1").FillAsync("north");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an actor" }).ClickAsync();
        await page.GetByLabel("Id of actor 2").FillAsync("south");
        await page.GetByLabel("Capability of actor 1").FillAsync("60");
        await page.GetByLabel("Capability of actor 2").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an issue" }).ClickAsync();
        await page.GetByLabel("Id of issue 1").FillAsync("border");
        await page.GetByLabel("Name of issue 1").FillAsync("Border line");

        // The grid follows the ids typed above; fill it by keyboard.
        await page.GetByLabel("position of north on border").FocusAsync();
        await page.Keyboard.TypeAsync("20");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("0.8");
        await page.GetByLabel("position of south on border").FillAsync("70");
        await page.GetByLabel("salience of south on border").FillAsync("0.5");
        await page.WaitForFunctionAsync("() => document.getElementById('check-summary').textContent.includes('valid (2 actors, 1 issue, 2 stances')");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("first draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Ready(page, "scenario");

        Assert.EndsWith("#/scenario/pair-talks", page.Url, StringComparison.Ordinal);
        Assert.Contains("pair-talks@1", await page.Locator("section[aria-labelledby=history-title]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("20", await page.GetByLabel("position of north on border").InputValueAsync());
        Assert.Equal("0.8", await page.GetByLabel("salience of north on border").InputValueAsync());
        await Screenshot(page, "workbench-create.png");
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task UploadAlaska_InvalidStance_ShowsTheLocatedMessageNextToTheField_ThenSavesAndDiffs()
    {
        var page = await Open("#/");
        await page.GetByLabel("Scenario file (YAML, JSON, KTAB, Decide, BDM, DEU)").SetInputFilesAsync(AlaskaFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Ready(page, "scenario");
        await page.WaitForSelectorAsync("body[data-checked]");
        Assert.Contains("valid (15 actors, 7 issues, 35 stances, 3 stages)", await page.Locator("#check-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Time to interactive of the Alaska scenario page: navigation start to the page's ready marker.
        // The first validation result follows the ready marker; both are printed (never asserted: speed is measured, not gated).
        // Each load is a fresh page that must become ready and show its verdict. The suite loads it once: the four further
        // loads, for figures nothing checks, cost 9-10 s of processor time (this test alone 18.5-23.0 s against 9.7-13.0 s,
        // chromium and the server). PARLEY_PROPERTY_SCALE=5 loads it five times, as for the figures in docs/workbench.md.
        var times = new List<string>();
        for (var i = 0; i < TestSize.Cases(1); i++)
        {
            var fresh = await Open("#/scenario/alaska-2025");
            await fresh.WaitForSelectorAsync("body[data-checked]");
            var ready = await fresh.EvaluateAsync<double[]>("() => [window.parleyReadyAt, window.parleyCheckedAt]");
            times.Add(string.Create(CultureInfo.InvariantCulture, $"{ready[0]:0} (checked {ready[1]:0})"));
            await fresh.CloseAsync();
        }

        output.WriteLine($"time to interactive, Alaska scenario page (ms from navigation start): {string.Join(", ", times)}");

        var salience = page.GetByLabel("salience of usa on ceasefire");
        await salience.FillAsync("1.5");
        var note = page.Locator("input[aria-label='salience of usa on ceasefire'] + .field-error");
        await note.WaitForAsync();
        Assert.Equal("stance of 'usa' on 'ceasefire': salience 1.5 is not allowed; salience is a number from 0 to 1", await note.InnerTextAsync());
        Assert.Equal("true", await salience.GetAttributeAsync("aria-invalid"));
        Assert.Matches(@"alaska-2025\.json:\d+:\d+: stance of 'usa' on 'ceasefire': salience 1\.5", await page.Locator("#problems").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).IsDisabledAsync());
        // Centred, so that the picture (docs/images) shows the field with its message and the problems list.
        await salience.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await Screenshot(page, "workbench-invalid-stance.png");

        await salience.FillAsync("0.6");
        await page.Locator(".field-error").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("the US cares less about the ceasefire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await page.Locator("text=alaska-2025@2").First.WaitForAsync();

        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync("1");
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the differences" }).ClickAsync();
        var diff = page.Locator("#diff tr.changed");
        await diff.First.WaitForAsync();
        var rows = await diff.AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("salience", StringComparison.Ordinal) && r.Contains("0.8", StringComparison.Ordinal) && r.Contains("0.6", StringComparison.Ordinal));
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task StanceRanges_ThatBlockTheSave_CanBeWidenedOrDropped_InThePage()
    {
        // QA moved the US position on the ceasefire to 40, outside its hidden range [65, 95]: Save stayed disabled and
        // the editor had no control for the range. The message also broke the cell's layout (labels out of line).
        var page = await OpenAlaska();
        await page.WaitForSelectorAsync("body[data-checked]");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" });
        var position = page.GetByLabel("position of usa on ceasefire");
        var rangesButton = page.Locator("button.range-count[data-actor=usa][data-issue=ceasefire]");
        Assert.Equal("ranges (1)", await rangesButton.InnerTextAsync());
        Assert.Equal("position 65-95", await rangesButton.GetAttributeAsync("title"));

        // Off the scale: a message at the position and one at the ranges; each on a row of its own in the cell.
        await position.FillAsync("140");
        await page.Locator("input[aria-label='position of usa on ceasefire'] + .field-error").WaitForAsync();
        await page.Locator("button.range-count[data-actor=usa][data-issue=ceasefire] + .field-error").WaitForAsync();
        var misaligned = await position.EvaluateAsync<string>("""
            input => {
              const cell = input.closest('.cell');
              const middle = e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
              const [posLabel, salLabel] = cell.querySelectorAll(':scope > span[aria-hidden]');
              const salience = cell.querySelector('input[aria-label^="salience"]');
              const out = [];
              if (Math.abs(middle(posLabel) - middle(input)) > 4) out.push('pos label');
              if (Math.abs(middle(salLabel) - middle(salience)) > 4) out.push('sal label');
              for (const note of cell.querySelectorAll('.field-error')) {
                if (Math.abs(note.getBoundingClientRect().left - cell.getBoundingClientRect().left) > 2) out.push('a note beside a control');
              }
              return out.join(', ');
            }
            """);
        Assert.True(misaligned.Length == 0, misaligned);
        await page.Locator("#stances-title").EvaluateAsync("e => e.scrollIntoView()");
        await Screenshot(page, "workbench-range-problem.png");

        await position.FillAsync("40");
        var note = page.Locator("button.range-count[data-actor=usa][data-issue=ceasefire] + .field-error");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"input[aria-label='position of usa on ceasefire'] + .field-error\")");
        Assert.Equal("stance of 'usa' on 'ceasefire': position range [65, 95] does not contain the estimate 40; widen it or move the estimate", await note.InnerTextAsync());
        Assert.True(await save.IsDisabledAsync());

        // The ranges dialog: the stance's problem beside the range, gone once the range is widened.
        await rangesButton.ClickAsync();
        var dialog = page.Locator("dialog");
        Assert.Contains("does not contain the estimate 40", await dialog.Locator("#range-verdict").InnerTextAsync(), StringComparison.Ordinal);
        var low = page.GetByLabel("position range of usa on ceasefire: low");
        Assert.Equal("65", await low.InputValueAsync());
        await low.FillAsync("30");
        await dialog.Locator("#range-verdict .ok").WaitForAsync();
        await Screenshot(page, "workbench-ranges-dialog.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.field-error')");
        Assert.False(await save.IsDisabledAsync());
        Assert.Equal("position 30-95", await rangesButton.GetAttributeAsync("title"));

        // Or dropped: the default spread then applies.
        await position.FillAsync("10");
        await note.WaitForAsync();
        await rangesButton.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "No position range" }).ClickAsync();
        await dialog.Locator("#range-verdict .ok").WaitForAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.field-error')");
        Assert.Equal("ranges (0)", await rangesButton.InnerTextAsync());
        Assert.False(await save.IsDisabledAsync());

        // An actor's capability range has its own fields in the actors table.
        await page.GetByLabel("Capability of actor 1", new() { Exact = true }).FillAsync("50");
        var capabilityLow = page.GetByLabel("Capability range of actor 1: low", new() { Exact = true });
        await page.Locator("input[aria-label='Capability range of actor 1: low'] + .field-error").WaitForAsync();
        Assert.Equal("85", await capabilityLow.InputValueAsync());
        await capabilityLow.FillAsync("40");
        await page.WaitForFunctionAsync("() => !document.querySelector('.field-error')");
        Assert.False(await save.IsDisabledAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task Spreadsheet_WorkbookDownloads_AndAnImportWithBadCells_ShowsEachAtItsSheetAndCell()
    {
        var page = await OpenAlaska();
        var slot = page.Locator("#sheet-slot");
        await slot.WaitForAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        var workbook = await client.GetByteArrayAsync(await slot.GetByRole(AriaRole.Link, new() { Name = "Download .xlsx" }).GetAttributeAsync("href"));
        Assert.Equal("PK"u8.ToArray(), workbook[..2]);
        var versionsBefore = await client.GetStringAsync("/scenarios/alaska-2025/versions");

        var edited = Path.Combine(Path.GetTempPath(), $"parley-matrix-{Guid.NewGuid():N}.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Stances"] = new List<Dictionary<string, object?>>
            {
                new() { ["A"] = "actor", ["B"] = "issue", ["C"] = "position", ["D"] = "salience" },
                new() { ["A"] = "usa", ["B"] = "sanctions", ["C"] = 55.0, ["D"] = 1.4 },
                new() { ["A"] = "rus", ["B"] = "sanctions", ["C"] = "lots", ["D"] = 0.5 },
            },
        };
        MiniExcelLibs.MiniExcel.SaveAs(edited, sheets, printHeader: false);
        try
        {
            await page.GetByLabel("Matrix file (.xlsx or .csv)").SetInputFilesAsync(edited);
            await slot.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            var alert = slot.Locator(".problems");
            await alert.WaitForAsync();
            var text = await alert.InnerTextAsync();
            Assert.Matches(@"\.xlsx:Stances!D2: stance of 'usa' on 'sanctions': salience 1\.4", text);
            Assert.Matches(@"\.xlsx:Stances!C3: .*'lots' is not a number", text);
            await Screenshot(page, "workbench-spreadsheet-import.png");

            // The refused import is the page's only failed request (the browser logs its 400).
            problems.RemoveAll(p => p.Contains("status of 400", StringComparison.Ordinal));
            AssertNoProblems();
        }
        finally
        {
            File.Delete(edited);
        }

        // The import was refused whole: no version was added.
        Assert.Equal(versionsBefore, await client.GetStringAsync("/scenarios/alaska-2025/versions"));
    }

    [BrowserFact]
    public async Task RunAllModels_DrawsCharts_AndPlaysRounds()
    {
        var page = await OpenAlaska();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Ready(page, "run-charts", 90_000);

        Assert.Equal(9, await page.Locator("table").First.Locator("thead th").CountAsync() - 1);

        // Numbers as the CLI prints them (one rule, ScaleNumber): nash's 13.996 on economic cooperation is 14, not
        // 14.0, and no cell keeps a trailing zero.
        var forecasts = page.Locator("table").First;
        var economy = forecasts.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = "economic cooperation" }) });
        Assert.Equal("14", await economy.Locator("td").Nth(2).InnerTextAsync());
        Assert.All(await forecasts.Locator("tbody td").AllInnerTextsAsync(), cell => Assert.DoesNotMatch(@"\.\d*0$", cell));

        var charts = await page.Locator("figure.chart .plot svg").CountAsync();
        Assert.True(charts >= 7 + (3 * 7), $"{charts} charts drawn");

        // Hover values: each actor's point carries its name and numbers in the chart's own option.
        var label = await page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.querySelector('#chart-forecast-ceasefire .plot')).getOption().series[0].data[0].name");
        Assert.Matches("^United States: position 80(\\.0)?, capability 100, salience", label);
        var plot = page.Locator("#chart-forecast-ceasefire .plot");
        var box = (await plot.BoundingBoxAsync())!;
        var tooltip = false;
        for (var y = box.Y + 20; y < box.Y + box.Height - 20 && !tooltip; y += 8)
        {
            for (var x = box.X + 40; x < box.X + box.Width - 20 && !tooltip; x += 12)
            {
                await page.Mouse.MoveAsync((float)x, (float)y);
                tooltip = await page.EvaluateAsync<bool>("() => Array.from(document.querySelectorAll('#chart-forecast-ceasefire .plot div')).some(d => d.style.display !== 'none' && /: /.test(d.textContent) && d.offsetParent)");
            }

        }

        Assert.True(tooltip, "hovering the forecast chart never showed a value");

        // Playback: the slider runs over the rounds of each dynamic model, by keyboard.
        var slider = page.GetByLabel("Round", new() { Exact = true });
        var start = await page.Locator("#playback svg").First.GetAttributeAsync("aria-label");
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("End");
        var roundText = await page.Locator("#round-text").InnerTextAsync();
        Assert.Matches(@"^round (\d+) of \1$", roundText);
        var end = await page.Locator("#playback svg").First.GetAttributeAsync("aria-label");
        Assert.NotEqual(start, end);
        Assert.True(await page.Locator("#playback svg path.outcome").CountAsync() >= 7, "no outcome marker at the last round");
        await page.Locator("#playback").ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "workbench-playback.png");
        await page.Locator("#chart-forecast-ceasefire").ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "workbench-charts.png");
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task MonteCarlo_ThousandDraws_ShowsProgress_AndALongRunCanBeCancelled()
    {
        var page = await OpenAlaska();
        await page.EvaluateAsync("() => { window.parleySeen = []; const Original = window.EventSource; window.EventSource = function (url) { const source = new Original(url); source.addEventListener('progress', e => window.parleySeen.push(JSON.parse(e.data))); return source; }; }");
        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("montecarlo");
        await page.GetByLabel("Draws", new() { Exact = true }).FillAsync("1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Ready(page, "run", 60_000);

        // The page followed the job (a progress bar fed by server-sent events) until it completed;
        // 1,000 draws may end before the first progress event, so the counts are checked on the long run below.
        var id = await page.EvaluateAsync<string>("() => document.body.dataset.followed");
        Assert.StartsWith($"Run {id}: montecarlo", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1,000 draws of compromise", await page.Locator("#draws").InnerTextAsync());
        var seen = await page.EvaluateAsync<JsonElement>("() => window.parleySeen");
        foreach (var progress in seen.EnumerateArray())
        {
            Assert.Equal(1000, progress.GetProperty("total").GetInt64());
        }

        Assert.Contains("montecarlo", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("table tbody tr").CountAsync() >= 7, "no row per issue");
        await Ready(page, "run-charts", 60_000);
        Assert.Equal(7, await page.Locator("#charts figure.chart").CountAsync());
        Assert.Contains("spread of the compromise forecast", await page.Locator("#chart-uncertainty-ceasefire h3").InnerTextAsync(), StringComparison.Ordinal);

        var long_ = await OpenAlaska();
        await long_.EvaluateAsync("() => { window.parleySeen = []; const Original = window.EventSource; window.EventSource = function (url) { const source = new Original(url); source.addEventListener('progress', e => window.parleySeen.push(JSON.parse(e.data))); return source; }; }");
        await long_.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("montecarlo");
        await long_.GetByLabel("Draws", new() { Exact = true }).FillAsync("20000000");
        await long_.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await long_.Locator("progress").WaitForAsync();
        await long_.WaitForFunctionAsync("() => document.querySelector('progress').value > 0", null, new() { Timeout = 30_000 });
        await Screenshot(long_, "workbench-progress.png");
        var longSeen = await long_.EvaluateAsync<JsonElement>("() => window.parleySeen");
        Assert.True(longSeen.GetArrayLength() >= 1, "no progress event reached the page");
        Assert.All(longSeen.EnumerateArray(), p => Assert.Equal(20_000_000, p.GetProperty("total").GetInt64()));
        await long_.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Ready(long_, "run-cancelled", 30_000);
        Assert.Contains("cancelled", await long_.Locator("#run-ended").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task RunForm_TextThatIsNotANumber_IsRefusedAtItsField_AndNoJobStarts()
    {
        // QA found Draws 'abc' run with the default draws, '1.5' with 1 draw, Seed 'xyz' with seed 0 and eum's rounds
        // 'abc' with the default rounds: the page read them with Number/parseInt, and JSON sent NaN as null.
        var page = await OpenAlaska();
        var posted = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/runs/", StringComparison.Ordinal))
            {
                posted.Add(request.Url);
            }
        };

        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start" });
        async Task Refused(string label, string text, string message)
        {
            var field = page.GetByLabel(label, new() { Exact = true });
            var before = await field.InputValueAsync();
            await field.FillAsync(text);
            await start.ClickAsync();
            await page.Locator("#run-refused").WaitForAsync();
            Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
            Assert.Equal(message, await field.EvaluateAsync<string>("e => document.getElementById(e.getAttribute('aria-describedby')).textContent"));
            Assert.Contains($"{label}: {message}", await page.Locator("#run-refused").InnerTextAsync(), StringComparison.Ordinal);
            await field.FillAsync(before);
        }

        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("montecarlo");
        await Refused("Draws", "abc", "'abc' is not a whole number");
        await Refused("Draws", "1.5", "'1.5' is not a whole number");
        await Refused("Seed", "xyz", "'xyz' is not a whole number");
        await Refused("Seed", "-1", "'-1' is negative; the seed is a whole number of 0 or more");
        await Refused("Default spread (0-1)", "0,5", "'0,5' is not a number");
        await Screenshot(page, "workbench-run-refused.png");

        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("forecast");
        await page.GetByRole(AriaRole.Button, new() { Name = "None" }).ClickAsync();
        await page.Locator("input[type=checkbox][value=eum]").CheckAsync();
        await Refused("rounds (eum)", "abc", "'abc' is not a whole number");
        await Refused("tolerance (eum)", "1e", "'1e' is not a number");

        // Nothing was sent; the corrected form is (the server then judges the ranges).
        Assert.Empty(posted);
        await start.ClickAsync();
        await Ready(page, "run", 60_000);
        Assert.Single(posted);
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task RunForm_ANumberOutOfRange_IsRefusedByTheServer_InTheFormsTerms_AtItsField()
    {
        // The server's message names the command line's flag ("--draws -5 is not allowed"); the page names its field.
        var page = await OpenAlaska();
        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("montecarlo");
        var draws = page.GetByLabel("Draws", new() { Exact = true });
        await draws.FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await page.Locator("#progress .problems").WaitForAsync();
        var said = await page.Locator("#progress .problems").InnerTextAsync();
        Assert.StartsWith("'Draws' -5 is not allowed", said, StringComparison.Ordinal);
        Assert.DoesNotContain("--draws", said, StringComparison.Ordinal);
        Assert.Equal("true", await draws.GetAttributeAsync("aria-invalid"));

        // The browser logs the refused request (400) itself; nothing else went wrong.
        Assert.All(problems, problem => Assert.Contains("400", problem, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task UnsavedEdits_DisableStart_WithANote_AndLeavingThePageAsksFirst()
    {
        // QA set a position, left it unsaved (and invalid), clicked Start, and the run read the stored version without
        // a word; a reload then dropped the edits without a prompt.
        var page = await OpenAlaska();
        await page.WaitForSelectorAsync("body[data-checked]");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start" });
        var note = page.Locator("#unsaved-note");
        const string Leaving = "() => { const event = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(event); return event.defaultPrevented; }";
        Assert.False(await start.IsDisabledAsync());
        Assert.False(await note.IsVisibleAsync());
        Assert.False(await page.EvaluateAsync<bool>(Leaving));

        var position = page.GetByLabel("position of usa on sanctions");
        var stored = await position.InputValueAsync();
        await position.FillAsync("0");
        await note.WaitForAsync();
        Assert.True(await start.IsDisabledAsync());
        Assert.Matches(@"a run reads the stored version, alaska-2025@\d+: save your changes first, or discard them\.", await note.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>(Leaving), "a reload would drop the edits without a prompt");
        await note.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "workbench-unsaved.png");

        // Another page of the workbench asks too; declined, the page and the edits stay.
        var asked = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.EvaluateAsync("() => { location.hash = '#/runs'; }");
        await page.WaitForFunctionAsync("() => location.hash === '#/scenario/alaska-2025'");
        Assert.Equal("0", await position.InputValueAsync());

        // So does loading a version over the edits (the history's Load), declined here.
        // (A click returns once the dialog it opens has been answered.)
        await page.GetByRole(AriaRole.Button, new() { Name = "Load version 1 into the editor" }).ClickAsync();
        Assert.Equal(2, asked.Count);
        Assert.Equal("The editor has changes that are not saved; they will be lost. Go on?", asked[1]);
        Assert.Equal("0", await position.InputValueAsync());

        // Typing the stored value back leaves nothing unsaved.
        await position.FillAsync(stored);
        await note.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.False(await start.IsDisabledAsync());
        Assert.False(await page.EvaluateAsync<bool>(Leaving));

        // Discarding reloads the stored version.
        await position.FillAsync("0");
        await note.WaitForAsync();
        await note.GetByRole(AriaRole.Button, new() { Name = "Discard the changes" }).ClickAsync();
        await page.WaitForSelectorAsync("body[data-checked]");
        Assert.Equal(stored, await page.GetByLabel("position of usa on sanctions").InputValueAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).IsDisabledAsync());
        Assert.False(await page.EvaluateAsync<bool>(Leaving));
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task ModelOptionHelp_ReadsAsASentence_WithItsAllowedRange()
    {
        // QA read "…(on the issue's scale; above 0).; range 0 (exclusive) to": a doubled ".;" and a dangling "to".
        var page = await OpenAlaska();
        await page.GetByRole(AriaRole.Button, new() { Name = "None" }).ClickAsync();
        await page.Locator("input[type=checkbox][value=eum]").CheckAsync();
        async Task<string> Hint(string label) =>
            await page.GetByLabel(label, new() { Exact = true }).EvaluateAsync<string>("e => e.parentElement.querySelector('.hint').textContent");

        Assert.Equal("Stop when outcomes move less than this between rounds (on the issue's scale; above 0). Allowed: above 0.", await Hint("tolerance (eum)"));
        Assert.Equal("Run exactly this many rounds (turns off the convergence stop). Allowed: from 1 to 10000.", await Hint("rounds (eum)"));
        Assert.Equal("Probability Q that the status quo holds (Scholz, Calbert & Smith 2011). Allowed: from 0 to 1.", await Hint("q (eum)"));
        var all = await page.Locator("#run .hint").AllInnerTextsAsync();
        Assert.DoesNotContain(all, text => text.Contains(".;", StringComparison.Ordinal) || text.EndsWith(" to", StringComparison.Ordinal) || text.Contains("..", StringComparison.Ordinal));
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task Influence_ProgressNamesItsPhase_CoalitionRunsThenSearches()
    {
        var page = await OpenAlaska();

        await RecordEachProgressShown(page, "{ text: document.querySelector('#progress-text').textContent, max: document.querySelector('progress').max, value: document.querySelector('progress').value }");
        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("influence");
        await page.GetByLabel("Model", new() { Exact = true }).SelectOptionAsync("exchange");
        await page.GetByLabel("Inputs to search", new() { Exact = true }).FillAsync("position, salience");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Ready(page, "run", 120_000);

        // The text names the phase at work beside the issues done, and the bar counts that phase: Alaska's 2^5
        // coalitions of players, then 7 issues x 5 players x the 2 inputs asked for searched.
        var shown = (await page.EvaluateAsync<JsonElement>("() => window.parleyShown")).EnumerateArray().ToList();
        Assert.NotEmpty(shown);
        foreach (var view in shown)
        {
            var text = view.GetProperty("text").GetString()!;
            var match = Regex.Match(text, "^(?<issues>[0-7]) of 7 done(?:; (?<unit>coalition runs|searches): (?<done>[0-9,]+) of (?<total>[0-9,]+))?$");
            Assert.True(match.Success, text);

            // Before the analysis reports its first phase, the bar counts the issues.
            var phase = match.Groups["unit"];
            var (done, total) = phase.Success
                ? (Count(match.Groups["done"].Value), Count(match.Groups["total"].Value))
                : (Count(match.Groups["issues"].Value), 7);
            if (phase.Success)
            {
                Assert.Equal(phase.Value == "coalition runs" ? 32 : 70, total);
            }

            Assert.Equal(total, view.GetProperty("max").GetDouble());
            Assert.Equal(done, view.GetProperty("value").GetDouble());
        }

        Assert.Equal("7 of 7 done; searches: 70 of 70", shown[^1].GetProperty("text").GetString());
        Assert.Contains("influence", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // The result as the CLI's table shows it, issue by issue (5 players ranked, their smallest change), and the
        // report's chart of the Shapley values per issue, read from the stored result.
        var sanctions = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Sanctions on Russia: forecast" }) });
        Assert.Equal(5, await sanctions.Locator("tbody tr").CountAsync());
        Assert.Equal("Russia", await sanctions.Locator("tbody tr th[title=rus]").InnerTextAsync());
        Assert.Contains("Smallest change moving it 5 (position, salience)", await sanctions.Locator("thead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"(position|salience) [0-9.]+ -> [0-9.]+ \([+-][0-9.e+-]+\)(, beyond the plausible [0-9.]+-[0-9.]+)?, forecast [0-9.]+", await sanctions.Locator("tbody tr").First.InnerTextAsync());
        // Shapley values with the issue's scale's decimals, signed, as the CLI prints them (one decimal on 0-100).
        Assert.Matches(@"^(0|[+-][0-9]+(\.[0-9])?)$", await sanctions.Locator("tbody tr").First.Locator("td.num").Nth(1).InnerTextAsync());
        await Ready(page, "run-charts", 60_000);
        Assert.Equal(7, await page.Locator("#charts figure.chart").CountAsync());
        Assert.Contains("who holds the key (exchange)", await page.Locator("#chart-influence-sanctions h3").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#chart-influence-sanctions svg").CountAsync() >= 1, "the Shapley chart was not drawn");
        await page.Locator("#chart-influence-sanctions").ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "workbench-influence.png");

        var audited = await Open($"#/runs/{await page.EvaluateAsync<string>("() => document.body.dataset.followed")}", injectsScripts: true);
        await Ready(audited, "run-charts", 60_000);
        await AssertAccessible(audited, "influence run");
        AssertNoProblems();

        static double Count(string text) => double.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [BrowserFact]
    public async Task Report_StartedFromTheRunForm_FollowsItsParts_AndLinksTheRenderedReport()
    {
        var page = await OpenAlaska();
        await RecordEachProgressShown(page, "document.querySelector('#progress-text').textContent");
        await page.GetByLabel("Analysis", new() { Exact = true }).SelectOptionAsync("report");
        await page.GetByRole(AriaRole.Button, new() { Name = "None" }).ClickAsync();
        await page.Locator("input[type=checkbox][value=compromise]").CheckAsync();
        await page.Locator("input[type=checkbox][value=eum]").CheckAsync();
        Assert.Equal("1000", await page.GetByLabel("Draws (0: no uncertainty section)").InputValueAsync());
        await page.GetByLabel("Draws (0: no uncertainty section)").FillAsync("200");
        await page.GetByLabel("Model of the uncertainty and influence sections").SelectOptionAsync("compromise");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Ready(page, "run", 120_000);

        // A report is a job: its progress names the part at work, as the CLI's bars do.
        var shown = (await page.EvaluateAsync<string[]>("() => window.parleyShown")).ToList();
        Assert.NotEmpty(shown);
        Assert.Matches("done; (models run|staged models run|draws|sensitivity runs|coalition runs|draws scored): ", shown[^1]);

        // The run's page links the rendered HTML, and neither offers the HTML as JSON nor prints it escaped.
        Assert.Contains("report", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var open = page.GetByRole(AriaRole.Link, new() { Name = "Open the report" });
        var id = await page.EvaluateAsync<string>("() => document.body.dataset.followed");
        Assert.Equal($"/runs/{id}/report", await open.GetAttributeAsync("href"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Result (JSON)" }).CountAsync());
        Assert.DoesNotContain("DOCTYPE", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Screenshot(page, "workbench-report-run.png");

        await open.ClickAsync();
        await page.WaitForURLAsync($"**/runs/{id}/report");
        Assert.Contains("<html", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("compromise", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task WhatIf_ShiftsTheForecastAgainstTheSavedRun_IssueByIssue()
    {
        var page = await OpenAlaska();
        await page.GetByRole(AriaRole.Button, new() { Name = "None" }).ClickAsync();
        foreach (var model in new[] { "compromise", "median", "nash", "eum" })
        {
            await page.Locator($"input[type=checkbox][value={model}]").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Ready(page, "run", 60_000);
        await page.GetByLabel("Actor", new() { Exact = true }).First.SelectOptionAsync("usa");
        await page.GetByLabel("Issue", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByLabel("New value").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the change" }).ClickAsync();
        Assert.Contains("usa.capability=20", await page.Locator("#whatif-edits").InnerTextAsync(), StringComparison.Ordinal);

        var times = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            await page.EvaluateAsync("() => delete document.body.dataset.whatif");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run the what-if" }).ClickAsync();
            await page.WaitForSelectorAsync("body[data-whatif]");
            times.Add(int.Parse(await page.Locator("#whatif-ms").InnerTextAsync(), CultureInfo.InvariantCulture));
        }

        output.WriteLine($"what-if round trips, compromise/median/nash/eum, usa.capability=20 (ms): {string.Join(", ", times)}");

        // The result is drawn above the forecast, far from the button: focus moves to it, and the page scrolls to it.
        Assert.Equal("whatif-result", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var where = await page.EvaluateAsync<double[]>("() => { const r = document.getElementById('whatif-result').getBoundingClientRect(); const b = document.getElementById('whatif-run').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight, window.scrollY, b.top]; }");
        Assert.True(where[0] > -1 && where[0] < where[2], $"the what-if result is out of sight: {string.Join(", ", where)}");
        Assert.DoesNotContain("top of the page", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var rows = await page.Locator("#whatif-result tbody tr").CountAsync();
        Assert.Equal(4 * 7, rows);
        var moved = await page.Locator("#whatif-result tbody tr.changed").CountAsync();
        Assert.True(moved >= 4, $"only {moved} forecasts moved when the US lost most of its capability");

        // Removing an actor as well.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the what-if" }).ClickAsync();
        await page.Locator("#whatif-result tbody tr").First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280, "the run page is wider than the window");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshot(page, "workbench-whatif.png");
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task RunView_StillSaysRun_OnceItsChartsAreDrawn()
    {
        // The run view is usable ("run") before its charts are drawn ("run-charts"). When the second stage replaced
        // the first, a wait for "run" (polled every 500 ms) could miss it whenever the charts came quickly, and
        // waited in vain: the what-if test's intermittent failure. Each stage reached now stays listed.
        var run = await StartForecast("compromise", seed: null);
        var page = await Open($"#/runs/{run}");
        await Ready(page, "run-charts");
        Assert.Equal("run run-charts", await page.EvaluateAsync<string>("() => document.body.dataset.ready"));
        Assert.Equal(1, await page.Locator("body[data-ready~='run']").CountAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task LeavingARunView_WhileItLoads_LeavesTheNextPageAsItIs()
    {
        // A view loads over several requests. Leaving it meanwhile (a click on another page while a slow result is on
        // its way) must neither draw the old view over the new page nor mark the new page with the old view's stages.
        var run = await StartForecast("compromise", seed: null);
        var page = await Open("#/runs");
        await Ready(page, "runs");
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"**/runs/{run}/result", async route =>
        {
            requested.TrySetResult();
            await held.Task;
            await route.ContinueAsync();
        });
        await page.EvaluateAsync($"() => {{ location.hash = '#/runs/{run}'; }}");
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.EvaluateAsync("() => { location.hash = '#/runs'; }");
        await Ready(page, "runs");

        // Three views were started (the list, the run, the list again); once all three have finished, the old run
        // view has had every chance to draw.
        held.SetResult();
        await page.WaitForFunctionAsync("() => window.parleyViewsDone >= 3", null, new() { Timeout = 30_000 });
        Assert.Equal("runs", await page.EvaluateAsync<string>("() => document.body.dataset.ready"));
        Assert.Equal("Runs", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main h1", new() { HasText = $"Run {run}:" }).CountAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task RunView_OfARunningJob_FollowsIt_AndShowsTheResultWhenItCompletes()
    {
        // Opened while the job runs (from the runs list, or a bookmark), the run's page follows it and, when it
        // completes, shows the result in place: its address is already the run's, so there is no page to go to.
        // One thread, so that the run lasts seconds on any number of cores: the page must find it still running.
        var run = await StartRun("montecarlo", new { scenario = new { @ref = "alaska-2025" }, models = "compromise", draws = 4_000_000, threads = 1 });

        var page = await Open($"#/runs/{run}");
        await Ready(page, "run");
        Assert.Equal(run.ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.followed"));
        await page.Locator("#draws").WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal("4,000,000 draws of compromise", await page.Locator("#draws").InnerTextAsync());
        Assert.StartsWith($"Run {run}: montecarlo", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task RunView_CancelledOnItsOwnPage_SwitchesToTheCancelledState_AndLinksAResultOnlyWhenThereIsOne()
    {
        // QA cancelled a job from its run page: the header still read "running", "Run N (montecarlo) is working." and
        // the half-full bar stayed, and "See what was recorded" linked the page already open. "Result (JSON)" was
        // linked while the run ran, and answered the API's 409.
        var run = await StartRun("montecarlo", new { scenario = new { @ref = "alaska-2025" }, models = "compromise", draws = 400_000_000, threads = 1 });
        var page = await Open($"#/runs/{run}");
        await Ready(page, "run");
        await page.Locator("progress").WaitForAsync();
        Assert.StartsWith("running;", await page.Locator("main p.muted").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Result (JSON)" }).CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Ready(page, "run-cancelled", 30_000);
        Assert.StartsWith("cancelled;", await page.Locator("main p.muted").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith($"Run {run} cancelled: ", await page.Locator("#run-ended").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("is working", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main progress").CountAsync());
        Assert.Equal(0, await page.Locator($"main a[href='#/runs/{run}']").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Result (JSON)" }).CountAsync());
        await Screenshot(page, "workbench-cancelled.png");

        // A completed run links its result.
        var done = await StartForecast("compromise", seed: null);
        var completed = await Open($"#/runs/{done}");
        await Ready(completed, "run");
        Assert.Equal($"/runs/{done}/result", await completed.GetByRole(AriaRole.Link, new() { Name = "Result (JSON)" }).GetAttributeAsync("href"));
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task InPageLinks_SkipLinkAndRunModels_MoveWithinThePage_WithoutLeavingIt()
    {
        // The address's hash names the page; the skip link (#main) and the scenario page's "Run models" (#run) are
        // anchors within it, and following one once took the page to "No such page".
        var page = await OpenAlaska();
        await Ready(page, "scenario");
        await page.GetByRole(AriaRole.Link, new() { Name = "Run models" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'run'", null, new() { Timeout = 10_000 });
        Assert.Equal("#/scenario/alaska-2025", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("alaska-2025", await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator("section#run").IsVisibleAsync(), "the run form is not shown");

        // By keyboard, as the skip link is meant to be used.
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to the content" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main'", null, new() { Timeout = 10_000 });
        Assert.Equal("#/scenario/alaska-2025", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("alaska-2025", await page.Locator("main h1").InnerTextAsync());
        Assert.Contains("scenario", await page.EvaluateAsync<string>("() => document.body.dataset.ready"), StringComparison.Ordinal);
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task ScenarioRunsLink_ListsThatScenariosRuns_AtAnAddressThatSurvivesAReload()
    {
        // "This scenario's runs" once handed the scenario over through session storage, so the list it showed had
        // the address of all runs: a reload, a bookmark or a new tab lost the filter.
        var run = await StartForecast("compromise", seed: null);
        var page = await OpenAlaska();
        await Ready(page, "scenario");
        await page.GetByRole(AriaRole.Link, new() { Name = "This scenario's runs" }).ClickAsync();
        await Ready(page, "runs");
        Assert.Equal("#/runs?scenario=alaska-2025", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("Runs of alaska-2025", await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.GetByLabel($"Choose run {run} to compare").CountAsync() == 1, $"run {run} is not listed");

        await page.ReloadAsync();
        await Ready(page, "runs");
        Assert.Equal("Runs of alaska-2025", await page.Locator("main h1").InnerTextAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task CompareTwoRuns_HighlightsTheDifferences()
    {
        var first = await StartForecast("compromise,nash", seed: null);
        var second = await StartForecast("compromise,median", seed: null);
        var page = await Open("#/runs");
        await page.GetByLabel($"Choose run {first} to compare").CheckAsync();
        await page.GetByLabel($"Choose run {second} to compare").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the two chosen runs" }).ClickAsync();
        await Ready(page, "compare");
        Assert.Matches(@"^\d+ of 21 forecasts differ", await page.Locator("#compare-summary").InnerTextAsync());

        // The compromise forecasts are equal; nash (only in the first) and median (only in the second) are flagged.
        var rows = await page.Locator("table tbody tr").AllInnerTextsAsync();
        Assert.Equal(7, await page.Locator("#compare-table tbody tr", new() { HasText = "compromise" }).CountAsync());
        Assert.Equal(0, await page.Locator("#compare-table tbody tr.changed", new() { HasText = "compromise" }).CountAsync());
        Assert.Equal(14, await page.Locator("#compare-table tbody tr.changed", new() { HasText = "only one run" }).CountAsync());
        Assert.Contains(rows, r => r.Contains("Options", StringComparison.Ordinal) || r.Contains("Models", StringComparison.Ordinal));
        await Screenshot(page, "workbench-compare.png");
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task PageLoad_LogsNoConsoleError_NotEvenTheFaviconsNotFound()
    {
        // Every page load logged "Failed to load resource: ... 404" for /favicon.ico (QA). The other tests' pages let
        // a 404 pass; this one counts every failed response and every console error.
        await StoreAlaska();
        var page = await server.Chromium.Browser.NewPageAsync();
        pages.Add(page);
        var failures = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add($"console error: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{response.Status} {response.Url}");
            }
        };
        var icon = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(new Uri(server.Address, "/#/scenario/alaska-2025").AbsoluteUri),
            response => response.Url.Contains("favicon", StringComparison.Ordinal),
            new() { Timeout = 30_000 });
        Assert.Equal(200, icon.Status);
        await Ready(page, "scenario");
        await page.WaitForSelectorAsync("body[data-checked]");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task Compare_OffersRunsOfTheSameAnalysis_AndExplainsTwoOfDifferentKinds()
    {
        // QA's forecast run offered a Monte Carlo run to compare with by default, and the comparison listed 2,181 rows
        // of raw JSON paths.
        var forecast = await StartForecast("compromise", seed: null);
        var monteCarlo = await StartRun("montecarlo", new { scenario = new { @ref = "alaska-2025" }, models = "compromise", draws = 200 });

        // A Monte Carlo run is a job: the run page offers completed runs only.
        using (var client = new HttpClient { BaseAddress = server.Address })
        {
            for (var wait = Stopwatch.StartNew(); !(await client.GetStringAsync($"/runs/{monteCarlo}")).Contains("\"status\":\"completed\"", StringComparison.Ordinal);)
            {
                Assert.True(wait.Elapsed < TimeSpan.FromSeconds(60), $"run {monteCarlo} did not complete");
                await Task.Delay(100);
            }
        }

        var page = await Open($"#/runs/{forecast}");
        await Ready(page, "run");
        var offered = page.GetByLabel("Compare with", new() { Exact = true }).Locator("option");
        Assert.All(await offered.AllInnerTextsAsync(), text => Assert.Matches(@"^run \d+: forecast ", text));
        Assert.Equal(0, await page.Locator($"option[value='{monteCarlo}']").CountAsync());

        await page.GetByLabel("Offer runs of other analyses too").CheckAsync();
        Assert.Equal(1, await page.Locator($"option[value='{monteCarlo}']").CountAsync());
        await page.GetByLabel("Compare with", new() { Exact = true }).SelectOptionAsync(monteCarlo.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Ready(page, "compare");
        Assert.Equal(
            $"Run {forecast} is a forecast and run {monteCarlo} a Monte Carlo run: their results hold different things, so they are not compared value by value. The runs' scenario versions and options are compared above. To compare results, choose two runs of the same analysis.",
            await page.Locator("#compare-kinds").InnerTextAsync());
        Assert.False(await page.Locator("details").First.EvaluateAsync<bool>("d => d.open"), "the raw differences are unfolded");
        Assert.False(await page.Locator("details table").IsVisibleAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task Pages_HaveNoSeriousAccessibilityViolations_AndFitAPhone()
    {
        var page = await OpenAlaska(injectsScripts: true);
        await AssertAccessible(page, "scenario");
        var run = await StartForecast("compromise,eum", seed: null);
        await page.GotoAsync(new Uri(server.Address, $"/#/runs/{run}").AbsoluteUri);
        await Ready(page, "run-charts", 60_000);
        await AssertAccessible(page, "run");
        await page.GotoAsync(new Uri(server.Address, "/#/").AbsoluteUri);
        await Ready(page, "scenarios");
        await AssertAccessible(page, "scenarios");

        // A 390-pixel phone: nothing wider than the screen but the scrolling tables.
        var phone = await Open("#/scenario/alaska-2025", width: 390, height: 844);
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await phone.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(overflow <= 390, $"the page is {overflow} px wide on a 390 px screen: {string.Join(", ", wide)}");
        await Screenshot(phone, "workbench-phone-scenario.png");
        await phone.GotoAsync(new Uri(server.Address, $"/#/runs/{run}").AbsoluteUri);
        await Ready(phone, "run-charts", 60_000);
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the run page is wider than the phone");
        await Screenshot(phone, "workbench-phone-run.png");
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task MissingSalience_IsMarkedAtTheSalienceField_NotAtThePosition()
    {
        // The checker locates a missing field at its stance's first line, which the grid maps to the stance's cell:
        // the note went after the position input, and the salience input (the one emptied) was not marked.
        var page = await OpenAlaska();
        await page.WaitForSelectorAsync("body[data-checked]");
        var salience = page.GetByLabel("salience of usa on ceasefire");
        await salience.FillAsync("");
        var note = page.Locator("input[aria-label='salience of usa on ceasefire'] + .field-error");
        await note.WaitForAsync();
        Assert.Contains("missing required field 'salience'", await note.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("'usa'", await note.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await salience.GetAttributeAsync("aria-invalid"));
        Assert.Null(await page.GetByLabel("position of usa on ceasefire").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("input[aria-label='position of usa on ceasefire'] + .field-error").CountAsync());
        AssertNoProblems();
    }

    [BrowserFact]
    public async Task TableHeaders_AreNeverEmpty_OnTheScenarioAndComparePages()
    {
        // axe-core's "empty-table-header" (impact minor, so the serious-or-critical check lets it pass): the actors',
        // issues' and history's button columns on the scenario page, and the compare table's first column.
        var page = await OpenAlaska(injectsScripts: true);
        await page.WaitForSelectorAsync("body[data-checked]");
        await AssertNoEmptyHeader(page, "scenario");
        var first = await StartForecast("compromise", seed: null);
        var second = await StartForecast("compromise,median", seed: null);
        var compare = await Open($"#/compare/{first}/{second}", injectsScripts: true);
        await Ready(compare, "compare");
        await AssertNoEmptyHeader(compare, "compare");
        Assert.Equal("Property", (await compare.Locator("table").First.Locator("thead th").First.TextContentAsync())?.Trim());
        AssertNoProblems();

        static async Task AssertNoEmptyHeader(IPage page, string name)
        {
            await page.AddScriptTagAsync(new() { Content = Axe.Value });
            var nodes = await page.EvaluateAsync<int>("async () => (await axe.run(document, { runOnly: ['empty-table-header'] })).violations.reduce((n, v) => n + v.nodes.length, 0)");
            Assert.True(nodes == 0, $"{name} page: {nodes} empty table headers");
        }
    }

    private async Task AssertAccessible(IPage page, string name)
    {
        await page.AddScriptTagAsync(new() { Content = Axe.Value });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.length + ' ' + v.help + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{name} page: {string.Join("; ", violations)}");
    }

    private static readonly Lazy<string> Axe = new(() =>
    {
        using var stream = typeof(WorkbenchTests).Assembly.GetManifestResourceStream("Parley.Browser.Tests.axe.min.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Uploads Alaska (a no-op when the store has it) and opens its page.</summary>
    private async Task<IPage> OpenAlaska(bool injectsScripts = false)
    {
        await StoreAlaska();
        return await Open("#/scenario/alaska-2025", injectsScripts: injectsScripts);
    }

    /// <summary>Uploads Alaska through the API, unless the store has it already.</summary>
    private async Task StoreAlaska()
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        var list = await client.GetStringAsync("/scenarios");
        if (!list.Contains("alaska-2025", StringComparison.Ordinal))
        {
            using var content = new StringContent(await File.ReadAllTextAsync(AlaskaFile), System.Text.Encoding.UTF8, "application/yaml");
            (await client.PostAsync("/scenarios?file_name=alaska-2025.yaml", content)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Starts a forecast of Alaska through the API (no page: the test opens the one it looks at).</summary>
    private Task<long> StartForecast(string models, ulong? seed) =>
        StartRun("forecast", new { scenario = new { @ref = "alaska-2025" }, models, seed });

    /// <summary>Stores Alaska, starts a run of <paramref name="command"/> through the API (no page) and returns its id.</summary>
    private async Task<long> StartRun(string command, object request)
    {
        await StoreAlaska();
        using var client = new HttpClient { BaseAddress = server.Address };
        using var content = new StringContent(JsonSerializer.Serialize(request), System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/runs/{command}", content);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("id").GetInt64();
    }

    private async Task<IPage> Open(string hash, int width = 1280, int height = 800, bool injectsScripts = false)
    {
        // The page's content security policy forbids inline scripts; axe-core is injected as one, so its pages bypass it.
        var page = await server.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = injectsScripts });
        pages.Add(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("404", StringComparison.Ordinal))
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, message) => problems.Add($"page error: {message}");

        // Offline: every request goes to the server itself; anything else fails the test.
        var origin = server.Address.GetLeftPart(UriPartial.Authority);
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                return route.ContinueAsync();
            }

            problems.Add($"request beyond the server: {route.Request.Url}");
            return route.AbortAsync();
        });
        await page.GotoAsync(new Uri(server.Address, "/" + hash).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready]", new() { Timeout = 30_000 });
        return page;
    }

    private static async Task Ready(IPage page, string name, int timeout = 30_000)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await page.WaitForSelectorAsync($"body[data-ready~='{name}']", new() { Timeout = timeout });
        }
        catch (TimeoutException timeout_)
        {
            // Say where the page stood, so that an intermittent wait can be traced from the test log alone.
            var state = await page.EvaluateAsync<string>(
                "() => JSON.stringify({ hash: location.hash, ready: document.body.dataset.ready ?? null, followed: document.body.dataset.followed ?? null, text: (document.querySelector('main') ?? document.body).innerText.slice(0, 600) })");
            throw new TimeoutException($"waiting for the page to be ready as '{name}': {state}", timeout_);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(timeout));
    }

    /// <summary>
    /// Records in <c>window.parleyShown</c>, after each progress event the page handles, what <paramref name="shown"/>
    /// (a JavaScript expression) reads then: the run may end before a test sees it working, but its last progress is
    /// always sent before it ends.
    /// </summary>
    private static Task RecordEachProgressShown(IPage page, string shown) => page.EvaluateAsync($$"""
        () => {
          window.parleyShown = [];
          const Original = window.EventSource;
          window.EventSource = function (url) {
            const source = new Original(url);
            const add = source.addEventListener.bind(source);
            source.addEventListener = (type, handler) => add(type, type !== 'progress' ? handler : e => {
              handler(e);
              window.parleyShown.push({{shown}});
            });
            return source;
          };
        }
        """);

    private void AssertNoProblems() => Assert.True(problems.Count == 0, string.Join("\n", problems));

    private static async Task Screenshot(IPage page, string name)
    {
        var target = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = target });
        Assert.True(new FileInfo(target).Length > 5_000, "the screenshot is nearly empty");
    }
}
