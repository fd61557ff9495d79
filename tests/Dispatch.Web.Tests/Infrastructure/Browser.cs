using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace Dispatch.Web.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by its matching chromedriver, a phone-sized window and a fresh profile per
/// browser. Waits are WebDriverWait with a timeout, never sleeps. Screenshots go to the test output folder
/// (screenshots/ beside the test assembly).
/// </summary>
public sealed class Browser : IDisposable
{
    public const int Width = 360;
    public const int Height = 740;
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "dispatch-web-tests", "chromium-" + Guid.NewGuid().ToString("N"));
    private readonly ChromeDriver _driver;

    public Browser(string baseAddress)
    {
        BaseAddress = baseAddress.TrimEnd('/');
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };

        // The flags NOTES-dotnet.md measured here: without the background-networking ones Chromium keeps
        // dialling hosts this machine cannot reach.
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN",
            $"--window-size={Width},{Height}", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("DISPATCH_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ChromeDriverPath => Environment.GetEnvironmentVariable("DISPATCH_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    public string BaseAddress { get; }

    public ChromeDriver Driver => _driver;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public void Open(string path) => _driver.Navigate().GoToUrl(BaseAddress + path);

    /// <summary>The first element matching <paramref name="css"/> once it is shown.</summary>
    public IWebElement Find(string css, TimeSpan? timeout = null) =>
        Wait(timeout).Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed));

    public IReadOnlyList<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until the element matching <paramref name="css"/> shows text for which <paramref name="condition"/> holds; returns that text.</summary>
    public string WaitForText(string css, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        string last = "";
        try
        {
            return Wait(timeout).Until(d =>
            {
                var element = d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed);
                last = element?.Text ?? "";
                return element is not null && condition(last) ? last : null;
            })!;
        }
        catch (WebDriverTimeoutException e)
        {
            throw new WebDriverTimeoutException($"'{css}' never matched; last text: '{last}'", e);
        }
    }

    public void WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        try
        {
            Wait(timeout).Until(_ => condition());
        }
        catch (WebDriverTimeoutException e)
        {
            throw new WebDriverTimeoutException($"timed out waiting until {what}", e);
        }
    }

    public void Type(string css, string text)
    {
        var input = Find(css);
        input.Clear();
        input.SendKeys(text);
    }

    public void Click(string css) => Find(css).Click();

    /// <summary>Cuts the phone's network (Chromium's offline emulation) or brings it back.</summary>
    public void SetOffline(bool offline) => _driver.NetworkConditions = new ChromiumNetworkConditions
    {
        IsOffline = offline,
        Latency = TimeSpan.FromMilliseconds(1),
        DownloadThroughput = 10_000_000,
        UploadThroughput = 10_000_000,
    };

    /// <summary>Saves the page as screenshots/<paramref name="name"/>.png and returns the path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        string path = Path.Combine(ScreenshotFolder, name + ".png");
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public object? Script(string script, params object[] args) => _driver.ExecuteScript(script, args);

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private WebDriverWait Wait(TimeSpan? timeout)
    {
        var wait = new WebDriverWait(_driver, timeout ?? DefaultWait) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }
}
