using Dispatch.Contracts.V1;
using Dispatch.Web.Tests.Infrastructure;

namespace Dispatch.Web.Tests;

/// <summary>A household follows its order on a phone with the order id and token of the supermarket's confirmation.</summary>
[Collection(SeededDayCollection.Name)]
public sealed class HouseholdPageTests(SeededDay day) : IDisposable
{
    private readonly Browser _browser = new(day.WebAddress);

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_household_sees_its_door_time_and_code_and_its_status_turn_to_delivered_after_the_volunteers_report()
    {
        var route = await RoutePicks.VolunteerWithDoorsAsync(day, doors: 1, skip: 2);
        var trip = route.Trips[0];
        var stop = trip.Stops[0];
        var order = await day.IntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);

        _browser.Open($"/household?order={Uri.EscapeDataString(order.OrderRef)}&token={order.HouseholdToken}");
        var status = _browser.Find("#order-status");
        Assert.NotEqual(nameof(OrderStatus.Delivered), status.GetAttribute("data-status"));
        Assert.Contains($"{stop.DropOffSeconds / 3600:00}:{stop.DropOffSeconds % 3600 / 60:00}", _browser.Find("#order-when").Text);
        Assert.Equal(order.ConfirmationCode, _browser.Find("#order-code .code-big").Text.Trim());
        Assert.DoesNotContain("token=", _browser.Driver.Url);
        _browser.Find("#order-steps li.step.done[data-step='Received']");
        _browser.Screenshot("household-planned");

        day.MoveClockTo(trip.LeaveGateSeconds);
        await day.VolunteersClient().ReportStopAsync(
            new ReportStopRequest { VolunteerId = route.VolunteerId, DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = day.CodeOf(stop.OrderId) } },
            deadline: Deadlines.Soon);

        _browser.Find($"#order-status[data-status='{nameof(OrderStatus.Delivered)}']");
        Assert.Contains("已送到门口", _browser.Find("#order-status").Text);
        _browser.Find("#order-steps li.step.done[data-step='Delivered']");
        _browser.Screenshot("household-delivered");
    }

    [Fact]
    public async Task A_wrong_token_shows_a_clear_message_and_no_order()
    {
        var route = await RoutePicks.VolunteerWithDoorsAsync(day, doors: 1, skip: 0);
        var order = await day.IntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = route.Trips[0].Stops[0].OrderId }, deadline: Deadlines.Soon);
        string wrong = (order.HouseholdToken[0] == 'A' ? "B" : "A") + order.HouseholdToken[1..];

        _browser.Open("/household");
        _browser.Type("#household-order", order.OrderRef);
        _browser.Type("#household-token", wrong);
        _browser.Click("#household-go");

        Assert.Contains("订单号或查询码不对", _browser.WaitForText("#household-note", t => t.Length > 0));
        Assert.Empty(_browser.FindAll("#order-code"));
        _browser.Screenshot("household-wrong-token");
    }
}
