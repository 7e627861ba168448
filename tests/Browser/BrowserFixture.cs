using CarbonDerivatives.Tests.Api;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CarbonDerivatives.Tests.Browser;

/// <summary>
/// The real server plus Debian's headless Chromium driven by its chromedriver (installed by scripts/test.sh), both
/// named by path so Selenium Manager never looks anything up or downloads anything. One fresh profile per fixture.
/// </summary>
public sealed class BrowserFixture : ServerFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"carbon-chromium-{Guid.NewGuid():N}");

    public ChromeDriver Driver { get; private set; } = null!;

    /// <summary>Where screenshots go: $CARBON_TEST_ARTIFACTS, else tests/TestResults/browser in the source tree.</summary>
    public string Artifacts { get; } = ArtifactDirectory();

    public override async Task InitializeAsync()
    {
        foreach (string path in new[] { ChromiumPath, ChromeDriverPath })
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path} is missing: run scripts/test.sh, which installs Debian's chromium and chromium-driver");
        await base.InitializeAsync();
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1366,900", "--force-device-scale-factor=1", "--lang=en-GB", $"--user-data-dir={_profile}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        Directory.CreateDirectory(Artifacts);
    }

    public override async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing its files; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Opens the page afresh at the given window size and waits for its first data.</summary>
    public void Open(int width = 1366, int height = 900)
    {
        Driver.Manage().Window.Size = new System.Drawing.Size(width, height);
        Driver.Navigate().GoToUrl("about:blank"); // a new document, whatever the last test left
        Driver.Navigate().GoToUrl(WebAddress + "/");
        Until(() => Driver.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true", "the page to load its spec list");
    }

    /// <summary>Polls until <paramref name="condition"/> holds (30 s at most).</summary>
    public void Until(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (condition()) return;
            }
            catch (WebDriverException e)
            {
                last = e; // not there yet
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"waited {seconds} s for {what}", last);
    }

    public object? Script(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

    /// <summary>Writes a PNG of the window to the artifacts folder; returns its path.</summary>
    public string Screenshot(string name)
    {
        string path = Path.Combine(Artifacts, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    private static string ArtifactDirectory()
    {
        if (Environment.GetEnvironmentVariable("CARBON_TEST_ARTIFACTS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CarbonDerivatives.Tests.csproj")))
                return Path.Combine(dir.FullName, "TestResults", "browser");
        return Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");
    }
}
