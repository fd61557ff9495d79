using System.Diagnostics;
using Dispatch.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dispatch.Web.Tests;

/// <summary>A gate leader makes a one-time link on the board page; the volunteer's phone opens it and is signed in, once.</summary>
[Collection(SeededDayCollection.Name)]
public sealed class VolunteerLinkTests(SeededDay day, ITestOutputHelper output)
{
    [Fact]
    public async Task A_volunteer_signs_in_through_a_one_time_link_and_the_link_does_not_work_twice()
    {
        var route = await RoutePicks.VolunteerWithDoorsAsync(day, doors: 1, skip: 3);
        var firstDoor = route.Trips[0].Stops[0];
        var gateId = route.GateId;

        string link;
        using (var leader = new Browser(day.WebAddress))
        {
            leader.Open("/board");
            leader.Type("#board-key", SeededDay.PlannerKey);
            leader.Click("#board-signin-go");
            leader.Click($"button.gate-choice[data-gate='{gateId}']");
            leader.Type("#link-volunteer", route.VolunteerId);
            leader.Click("#link-make");
            link = leader.Find("#link-url").GetAttribute("value")!;
            leader.Screenshot("gate-board-link");
        }

        Assert.StartsWith(day.WebAddress.TrimEnd('/') + "/volunteer?link=", link);

        using var phone = new Browser(day.WebAddress);
        var clock = Stopwatch.StartNew();
        phone.Driver.Navigate().GoToUrl(link);
        phone.Find($".door[data-delivery='{firstDoor.DeliveryId}']");
        var firstRoute = clock.Elapsed;
        phone.Screenshot("volunteer-signed-in-by-link");
        WriteDownloadSizes(phone);

        Assert.DoesNotContain("link=", phone.Driver.Url);
        Assert.Contains(route.VolunteerId, phone.Find("#feed-status").Text);
        string stored = (string)phone.Script("return localStorage.getItem('dispatch.volunteer');")!;
        Assert.Contains(route.VolunteerId, stored);
        Assert.DoesNotContain(link[(link.IndexOf('=') + 1)..], stored);

        // A reload keeps the key: the route comes back without the link (and with the app's files cached).
        clock.Restart();
        phone.Driver.Navigate().Refresh();
        phone.Find($".door[data-delivery='{firstDoor.DeliveryId}']");
        var reloaded = clock.Elapsed;
        output.WriteLine($"time to first route: cold {firstRoute.TotalMilliseconds:0} ms (app download, link redeemed, route streamed), warm reload {reloaded.TotalMilliseconds:0} ms");
        File.AppendAllText(Path.Combine(Browser.ScreenshotFolder, "timings.txt"), $"{DateTime.UtcNow:u} first route cold {firstRoute.TotalMilliseconds:0} ms, warm {reloaded.TotalMilliseconds:0} ms, load {File.ReadAllText("/proc/loadavg").Trim()}\n");

        // The same link again (signed out first): refused with a clear message, no key.
        phone.Click("#sign-out");
        phone.Driver.Navigate().GoToUrl(link);
        Assert.Contains("已经用过", phone.WaitForText("#signin-note", t => t.Length > 0));
        phone.Find("#volunteer-id");
        Assert.Null(phone.Script("return localStorage.getItem('dispatch.volunteer');"));
        phone.Screenshot("volunteer-link-used-twice");
    }

    /// <summary>
    /// What the cold first load fetched: bytes on the wire as Chromium counts them (resource timing), and the sum of
    /// the published brotli copies of the same files (what a browser that takes br downloads), into screenshots/download.txt.
    /// </summary>
    private static void WriteDownloadSizes(Browser phone)
    {
        var entries = (IReadOnlyCollection<object>)phone.Script(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            + ".filter(e => e.name.indexOf(location.host) >= 0 && e.initiatorType !== 'fetch' && e.initiatorType !== 'xmlhttprequest' || e.name.indexOf('/_framework/') >= 0)"
            + ".map(e => [new URL(e.name).pathname, e.transferSize]);")!;
        string root = Path.Combine(AppContext.BaseDirectory, "webclient");
        long wire = 0;
        long brotli = 0;
        var lines = new List<string>();
        foreach (var entry in entries.Cast<IReadOnlyCollection<object>>().Select(e => e.ToArray()))
        {
            string path = (string)entry[0];
            long transferred = Convert.ToInt64(entry[1], System.Globalization.CultureInfo.InvariantCulture);
            string file = Path.Combine(root, path.TrimStart('/') is { Length: > 0 } relative && !relative.StartsWith("volunteer", StringComparison.Ordinal) ? relative : "index.html");
            long br = File.Exists(file + ".br") ? new FileInfo(file + ".br").Length : File.Exists(file) ? new FileInfo(file).Length : 0;
            (wire, brotli) = (wire + transferred, brotli + br);
            lines.Add($"{path}\t{transferred}\t{br}");
        }

        lines.Insert(0, $"{entries.Count} files; on the wire (Chromium transferSize, http: gzip) {wire} bytes; brotli copies of the same files {brotli} bytes");
        File.WriteAllLines(Path.Combine(Browser.ScreenshotFolder, "download.txt"), lines);
    }
}
