using Microsoft.Playwright;

namespace Parley.Browser.Tests;

/// <summary>
/// One headless Debian chromium for the test class, driven by Playwright through its executable
/// path (test.sh installs the package when /usr/bin/chromium is absent). Tests skip, saying why,
/// when no chromium is installed.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser; PARLEY_CHROMIUM overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why browser tests skip, or <c>null</c> when chromium is installed.</summary>
    public static string? SkipReason => File.Exists(ExecutablePath)
        ? null
        : $"no chromium at {ExecutablePath}; ./test.sh installs Debian's chromium package (or set PARLEY_CHROMIUM)";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>A fact that needs chromium (and, if named, a file of ../shared/reference); it skips, saying why, when one is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = Chromium.SkipReason;
    }

    /// <summary>Whether the test reads the seed article, ../shared/seed/alaska-summit-article.txt.</summary>
    public bool NeedsSeedArticle
    {
        get => false;
        init
        {
            if (Skip is null && value && ReportPageTests.SeedArticle is null)
            {
                Skip = "../shared/seed/alaska-summit-article.txt is absent beside the repository root";
            }
        }
    }

    /// <summary>A file under ../shared/reference the test reads, e.g. <c>deu3/deu3-dev.tsv</c>.</summary>
    public string? NeedsReference
    {
        get => null;
        init
        {
            if (Skip is null && value is not null)
            {
                Skip = Parley.Tests.Shared.ReferenceData.SkipReason
                    ?? (File.Exists(Parley.Tests.Shared.ReferenceData.PathOf(value)) ? null : $"../shared/reference/{value} is absent");
            }
        }
    }
}
