using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Live;

/// <summary>Orders for one gate that arrived after its day was planned, and the plan being acted on.</summary>
/// <param name="NewOrders">Orders of households behind <paramref name="GateId"/>, none of them in <paramref name="Current"/>.</param>
/// <param name="Current">The live plan: what stock it used, which trucks are busy until when, the gate's cycles and slots.</param>
/// <param name="PlannedOrders">The orders of <paramref name="Current"/> by id (their bundles are the stock already promised).</param>
/// <param name="NowSeconds">Where the day stands: no truck leaves for the top-up before this plus <paramref name="PackSeconds"/>.</param>
/// <param name="PackSeconds">Packing and loading the top-up at the supermarket.</param>
/// <param name="Driving">Truck travel; null: haversine at urban speed.</param>
public sealed record GateTopUpInput(
    ScenarioIndex Scenario,
    string GateId,
    IReadOnlyList<Order> NewOrders,
    Plan Current,
    IReadOnlyDictionary<string, Order> PlannedOrders,
    int NowSeconds,
    PlanningSettings Settings,
    int PackSeconds = 30 * 60,
    ITravelMatrix? Driving = null);
