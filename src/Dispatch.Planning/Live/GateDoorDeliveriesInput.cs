using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;

namespace Dispatch.Planning.Live;

/// <summary>A gate's door routes as planned, its orders' outcomes (with today's ready times) and the orders themselves.</summary>
/// <param name="Orders">The orders by id; a delivery of an order not among them is left out.</param>
public sealed record GateDoorDeliveriesInput(
    DoorRoutingResult Current,
    IReadOnlyList<OrderOutcome> Outcomes,
    IReadOnlyDictionary<string, Order> Orders,
    ScenarioIndex Scenario);
