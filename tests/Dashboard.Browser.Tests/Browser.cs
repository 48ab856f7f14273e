using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright; Playwright's own browser download is never used.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }
}
