using Dispatch.Contracts.V1;
using Dispatch.Web.Tests.Infrastructure;

namespace Dispatch.Web.Tests;

/// <summary>A volunteer on a phone-sized headless Chromium against the real server with the seeded day planned.</summary>
[Collection(SeededDayCollection.Name)]
public sealed class VolunteerPageTests(SeededDay day) : IDisposable
{
    private readonly Browser _browser = new(day.WebAddress);

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_volunteer_signs_in_sees_the_doors_and_bundles_starts_a_trip_reports_a_delivery_and_a_failure_and_gets_the_new_version()
    {
        var route = await RoutePicks.VolunteerWithDoorsAsync(day, doors: 2, skip: 0);
        var trip = route.Trips[0];
        var (delivered, failed) = (trip.Stops[0], trip.Stops[1]);
        day.MoveClockTo(trip.LeaveGateSeconds);

        SignIn(route.VolunteerId);
        _browser.Find($".trip[data-trip='1'] .door[data-delivery='{failed.DeliveryId}']");
        Assert.Equal(route.Version.ToString(), _browser.Find("#route-version").GetAttribute("data-version"));
        foreach (var stop in trip.Stops)
        {
            string text = _browser.Find($".door[data-delivery='{stop.DeliveryId}']").Text;
            Assert.Contains($"{stop.Building}号楼", text);
            Assert.All(stop.Bundles, b => Assert.Contains($"{b.Quantity} × ", text));
        }

        Assert.Equal(trip.Stops.Select(s => s.DeliveryId), _browser.FindAll(".trip[data-trip='1'] .door").Select(e => e.GetAttribute("data-delivery")));
        _browser.Screenshot("volunteer-route");

        _browser.Click(".trip[data-trip='1'] button.start");
        _browser.Find(".trip[data-trip='1'] .badge.started");
        await WaitForStatusAsync(delivered.OrderId, OrderStatus.OutForDelivery);

        Report(delivered.DeliveryId, day.WrongCodeOf(delivered.OrderId));
        string refusal = _browser.WaitForText($".door[data-delivery='{delivered.DeliveryId}'] .answer.refused", t => t.Length > 0);
        Assert.Contains("确认码不对", refusal);
        _browser.Screenshot("volunteer-wrong-code");
        Assert.NotEqual(OrderStatus.Delivered, (await OrderAsync(delivered.OrderId)).Status);

        Report(delivered.DeliveryId, day.CodeOf(delivered.OrderId));
        _browser.Find($".door.delivered[data-delivery='{delivered.DeliveryId}']");
        await WaitForStatusAsync(delivered.OrderId, OrderStatus.Delivered);

        // Wrong address is given up: the gate is re-planned and this volunteer gets a new version of the route.
        var door = _browser.Find($".door[data-delivery='{failed.DeliveryId}']");
        door.FindElement(OpenQA.Selenium.By.CssSelector($"select.reason option[value='{nameof(FailureReason.WrongAddress)}']")).Click();
        door.FindElement(OpenQA.Selenium.By.CssSelector("button.fail")).Click();
        _browser.WaitUntil(() => int.Parse(_browser.Find("#route-version").GetAttribute("data-version")!) > route.Version, "a newer route version is shown");
        _browser.Find($".door.failed[data-delivery='{failed.DeliveryId}']");
        var replanned = await day.RouteOfAsync(route.VolunteerId);
        Assert.Equal(replanned.Version.ToString(), _browser.Find("#route-version").GetAttribute("data-version"));
        Assert.Equal(StopState.Failed, replanned.Trips.SelectMany(t => t.Stops).Single(s => s.DeliveryId == failed.DeliveryId).State);
        _browser.Screenshot("volunteer-replanned");
    }

    [Fact]
    public async Task A_delivery_reported_without_a_connection_waits_on_the_phone_and_arrives_once_when_it_is_back()
    {
        var route = await RoutePicks.VolunteerWithDoorsAsync(day, doors: 1, skip: 1);
        var stop = route.Trips[0].Stops[0];
        day.MoveClockTo(route.Trips[0].LeaveGateSeconds);
        SignIn(route.VolunteerId);
        _browser.Find($".door[data-delivery='{stop.DeliveryId}']");
        _browser.Find("#feed-status[data-state='Live']");

        _browser.SetOffline(true);
        Report(stop.DeliveryId, day.CodeOf(stop.OrderId));
        _browser.Find("#outbox[data-unsent='1']");
        _browser.Find($".door.unsent[data-delivery='{stop.DeliveryId}']");
        Assert.Contains("未发送", _browser.Find("#outbox").Text);
        _browser.Screenshot("volunteer-offline-unsent");
        Assert.NotEqual(OrderStatus.Delivered, (await OrderAsync(stop.OrderId)).Status);

        _browser.SetOffline(false);
        _browser.Find("#outbox[data-unsent='0']");
        _browser.Find($".door.delivered[data-delivery='{stop.DeliveryId}']");
        _browser.Screenshot("volunteer-back-online");

        var order = await WaitForStatusAsync(stop.OrderId, OrderStatus.Delivered);
        Assert.Single(order.History, h => h.Status == OrderStatus.Delivered);
    }

    private void SignIn(string volunteerId)
    {
        _browser.Open("/volunteer");
        _browser.Type("#volunteer-id", volunteerId);
        _browser.Type("#volunteer-key", SeededDay.VolunteerKey(volunteerId));
        _browser.Click("#signin-go");
    }

    private void Report(string deliveryId, string code)
    {
        var door = _browser.Find($".door[data-delivery='{deliveryId}']");
        var input = door.FindElement(OpenQA.Selenium.By.CssSelector("input.code"));
        input.Clear();
        input.SendKeys(code);
        door.FindElement(OpenQA.Selenium.By.CssSelector("button.deliver")).Click();
    }

    private async Task<Order> OrderAsync(string orderId) =>
        await day.IntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = orderId }, deadline: Deadlines.Soon);

    /// <summary>The order once it has <paramref name="status"/>: the supermarket's watch first, then the order, so a change is seen whenever it comes.</summary>
    private async Task<Order> WaitForStatusAsync(string orderId, OrderStatus status)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var supermarkets = new Supermarkets.SupermarketsClient(day.Invoker(SeededDay.AdminKey));
        using var watch = supermarkets.WatchOrders(new WatchOrdersRequest { SupermarketId = orderId[..orderId.IndexOf('/', StringComparison.Ordinal)] }, cancellationToken: bound.Token);

        // Headers come once the watch is registered: every change after them is on it.
        await watch.ResponseHeadersAsync;
        var order = await OrderAsync(orderId);
        while (order.Status != status && await watch.ResponseStream.MoveNext(bound.Token))
        {
            if (watch.ResponseStream.Current is { } change && change.OrderRef == orderId && change.Status == status)
            {
                order = await OrderAsync(orderId);
            }
        }

        Assert.Equal(status, order.Status);
        return order;
    }
}
