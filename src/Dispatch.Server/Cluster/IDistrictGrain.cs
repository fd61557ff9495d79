using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Server.Cluster;

/// <summary>
/// One district's live day on the cluster: the grain hosts the district's whole dispatch stack (its stores in the
/// shared database, its plans, its live dispatch) on whichever silo activates it; after a silo is lost it activates
/// on another from storage. Requests and answers are the API's own messages as bytes (<see cref="DistrictCall"/>
/// reads them), so the grain adds no second vocabulary.
/// </summary>
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>Stores an intake batch (an <c>OrderBatch</c>) of this district's grids; answers a <c>BatchResult</c>.</summary>
    Task<GrainAnswer> SubmitBatch(byte[] orderBatch);

    /// <summary>One of the district's orders for <paramref name="caller"/> (a <c>GetOrderRequest</c>); answers an <c>Order</c>.</summary>
    Task<GrainAnswer> GetOrder(byte[] request, DistrictCaller caller);

    /// <summary>A page of the district's orders for <paramref name="caller"/> (a <c>ListOrdersRequest</c>); answers a <c>ListOrdersResponse</c>.</summary>
    Task<GrainAnswer> ListOrders(byte[] request, DistrictCaller caller);

    /// <summary>Plans a day from the stored orders (a <c>PlanDistrictDayRequest</c>); answers the stored plan's <c>PlanSummary</c>.</summary>
    Task<GrainAnswer> PlanDay(byte[] request);

    /// <summary>A stored plan (a <c>GetPlanRequest</c>); answers its <c>PlanSummary</c>.</summary>
    Task<GrainAnswer> GetPlan(byte[] request);

    /// <summary>A gate's part of a stored plan (a <c>GetGatePlanRequest</c>); answers a <c>GatePlan</c>.</summary>
    Task<GrainAnswer> GetGatePlan(byte[] request);

    /// <summary>The district's gates and the day a board shows by default; answers a <c>ListGatesResponse</c>.</summary>
    Task<GrainAnswer> ListGates();

    /// <summary>A volunteer's stop report (a <c>ReportStopRequest</c> with the district's own volunteer id); answers a <c>ReportStopResult</c>.</summary>
    Task<GrainAnswer> ReportStop(byte[] request);

    /// <summary>A volunteer available or not (a <c>SetAvailabilityRequest</c>, local volunteer id); answers a <c>SetAvailabilityResult</c>.</summary>
    Task<GrainAnswer> SetAvailability(byte[] request);

    /// <summary>A volunteer leaving the gate with a trip (a <c>StartTripRequest</c>, local id); answers a <c>StartTripResult</c>.</summary>
    Task<GrainAnswer> StartTrip(byte[] request);

    /// <summary>A household collecting at the gate (a <c>ConfirmPickupRequest</c>, local volunteer id); answers a <c>ConfirmPickupResult</c>.</summary>
    Task<GrainAnswer> ConfirmPickup(byte[] request);

    /// <summary>True when the district's scenario has this volunteer (its local id).</summary>
    Task<bool> HasVolunteer(string volunteerId);

    /// <summary>A truck at a gate (a <c>ReportArrivalRequest</c>, local truck id); answers a <c>ReportArrivalResult</c>.</summary>
    Task<GrainAnswer> ReportArrival(byte[] request);

    /// <summary>A truck leaving its supermarket (a <c>ReportDepartureRequest</c>, local truck id); answers a <c>ReportDepartureResult</c>.</summary>
    Task<GrainAnswer> ReportDeparture(byte[] request);

    /// <summary>True when the district's scenario has this truck (its local id).</summary>
    Task<bool> HasTruck(string truckId);

    /// <summary>
    /// Sends every route change of the district's volunteers and trucks to <paramref name="observer"/> until it stops
    /// renewing (call again within <see cref="DistrictGrain.ObserverLease"/>); answers the current routes.
    /// </summary>
    Task<DistrictRoutes> Follow(IDistrictRouteObserver observer);

    /// <summary>Stops sending route changes to <paramref name="observer"/>.</summary>
    Task Unfollow(IDistrictRouteObserver observer);
}

/// <summary>A silo's follower of district routes (the stream side of the volunteers' service).</summary>
public interface IDistrictRouteObserver : IGrainObserver
{
    /// <summary>Routes of <paramref name="districtId"/> that changed: each an <c>Assignment</c> with its versions, local volunteer ids.</summary>
    [OneWay]
    Task RoutesChanged(string districtId, byte[][] assignments);

    /// <summary>Trucks' routes of <paramref name="districtId"/> that changed: each a <c>TruckAssignment</c>, local truck ids.</summary>
    [OneWay]
    Task TruckRoutesChanged(string districtId, byte[][] truckAssignments);
}

/// <summary>A grain's answer: the answer message's bytes, or a <c>google.rpc.Status</c>'s bytes when the call was refused.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GrainAnswer([property: Id(0)] byte[]? Message, [property: Id(1)] byte[]? Refusal);

/// <summary>A district's current routes (<c>Assignment</c>s and <c>TruckAssignment</c>s) at the moment a follower joined.</summary>
/// <param name="ActivationId">Changes when the district re-activates (after a silo loss).</param>
[GenerateSerializer]
[Immutable]
public sealed record DistrictRoutes([property: Id(0)] string ActivationId, [property: Id(1)] byte[][] Assignments, [property: Id(2)] byte[][] TruckAssignments);
