using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Trucks;

/// <summary>
/// Routes trucks from their supermarkets to community gates. A load heavier than the largest truck of
/// its supermarket is cut into pieces of that truck's capacity plus a remainder; each piece is a stop
/// only that supermarket's trucks may serve, inside the gate's receiving window.
/// </summary>
public sealed class TruckRouter
{
    private readonly VehicleRoutingSolver _solver = new();

    public TruckRoutingResult Route(TruckRoutingInput input, CancellationToken cancellation = default)
    {
        var plan = Plan(input);
        var solution = _solver.Solve(plan.Problem, input.Options, cancellation);
        return Read(plan, solution);
    }

    internal static TruckPlanProblem Plan(TruckRoutingInput input)
    {
        var points = input.Supermarkets.Select(s => s.Location).Concat(input.Gates.Select(g => g.Location)).ToList();
        var pointOfSupermarket = input.Supermarkets.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var gateById = input.Gates.Select((g, i) => (g, i)).ToDictionary(p => p.g.Id, p => (Gate: p.g, Point: input.Supermarkets.Count + p.i));
        var supermarketById = input.Supermarkets.ToDictionary(s => s.Id);

        var trucks = input.Trucks.Where(t => pointOfSupermarket.ContainsKey(t.SupermarketId) && t.Shift.IsValid).ToList();
        var vehicles = trucks.Select(t =>
        {
            var home = supermarketById[t.SupermarketId];
            int point = pointOfSupermarket[t.SupermarketId];
            return new RoutingVehicle(
                t.Id,
                point,
                point,
                t.CapacityGrams,
                int.MaxValue,
                Math.Max(t.Shift.StartSeconds, home.OpensAtSeconds),
                t.Shift.EndSeconds,
                MaxTrips: input.MaxTripsPerShift,
                ReloadSeconds: input.ReloadSeconds,
                LastDepartureSeconds: home.ClosesAtSeconds);
        }).ToList();

        var stops = new List<RoutingStop>();
        var pieces = new List<LoadPiece>();
        var rejected = new List<UnassignedLoad>();
        foreach (var load in input.Loads)
        {
            if (!gateById.TryGetValue(load.GateId, out var gate) || !supermarketById.ContainsKey(load.SupermarketId))
            {
                rejected.Add(new UnassignedLoad(load.Id, load.SupermarketId, load.GateId, 1, 1, load.WeightGrams,
                    UnassignedReason.NoAllowedVehicle, "unknown gate or supermarket"));
                continue;
            }

            var allowed = Enumerable.Range(0, trucks.Count).Where(v => trucks[v].SupermarketId == load.SupermarketId).ToList();
            long pieceGrams = allowed.Count == 0 ? load.WeightGrams : allowed.Max(v => trucks[v].CapacityGrams);
            var sizes = PieceSizes(load.WeightGrams, pieceGrams);
            for (int p = 0; p < sizes.Count; p++)
            {
                var piece = new LoadPiece(load, p + 1, sizes.Count, sizes[p]);
                pieces.Add(piece);
                stops.Add(new RoutingStop(
                    $"{load.Id}#{p + 1}",
                    gate.Point,
                    sizes[p],
                    1,
                    input.UnloadSeconds,
                    new TimeWindow(gate.Gate.ReceivingOpensAtSeconds, gate.Gate.ReceivingClosesAtSeconds),
                    ServeBySeconds: load.DeliverBySeconds,
                    LateCostPerSecond: load.LateCostPerSecond,
                    AllowedVehicles: allowed));
            }
        }

        var problem = new RoutingProblem(
            input.Travel.Between(points),
            stops,
            vehicles,
            new RoutingCosts(ArcCostKind.Distance, input.BalanceCostPerSecond));
        return new TruckPlanProblem(problem, pieces, trucks, rejected);
    }

    /// <summary>Full pieces of the largest truck's capacity, then the remainder.</summary>
    private static List<long> PieceSizes(long weightGrams, long pieceGrams)
    {
        var sizes = new List<long>();
        if (weightGrams <= 0)
        {
            return sizes;
        }

        if (pieceGrams <= 0)
        {
            sizes.Add(weightGrams);
            return sizes;
        }

        for (long left = weightGrams; left > 0; left -= pieceGrams)
        {
            sizes.Add(Math.Min(left, pieceGrams));
        }

        return sizes;
    }

    internal static TruckRoutingResult Read(TruckPlanProblem plan, RoutingSolution solution)
    {
        var routes = solution.Vehicles.Select(v => new TruckRoute(
            v.VehicleId,
            plan.Trucks[v.VehicleIndex].SupermarketId,
            v.Trips.Select(t => new TruckTrip(
                t.Number,
                t.DepartSeconds,
                t.ReturnSeconds,
                t.LoadGrams,
                t.DistanceMetres,
                t.Visits.Select(visit =>
                {
                    var piece = plan.Pieces[visit.StopIndex];
                    return new TruckStop(piece.Load.GateId, piece.Load.Id, piece.Number, piece.Count, piece.WeightGrams, visit.ArrivalSeconds, visit.StartSeconds);
                }).ToList())).ToList())).ToList();
        var unassigned = plan.Rejected.Concat(solution.Unassigned.Select(u =>
        {
            var piece = plan.Pieces[u.StopIndex];
            var detail = u.Reason == UnassignedReason.NoAllowedVehicle ? $"supermarket {piece.Load.SupermarketId} has no truck on shift" : u.Detail;
            return new UnassignedLoad(piece.Load.Id, piece.Load.SupermarketId, piece.Load.GateId, piece.Number, piece.Count, piece.WeightGrams, u.Reason, detail);
        })).ToList();
        return new TruckRoutingResult(routes, unassigned, solution.Cost);
    }
}

/// <summary>The routing problem built for trucks, with what each stop and vehicle stands for.</summary>
internal sealed record TruckPlanProblem(
    RoutingProblem Problem,
    IReadOnlyList<LoadPiece> Pieces,
    IReadOnlyList<Domain.Supply.Vehicle> Trucks,
    IReadOnlyList<UnassignedLoad> Rejected);

/// <summary>A truck-sized part of a load: stop i of the problem is piece i.</summary>
internal sealed record LoadPiece(GateLoad Load, int Number, int Count, long WeightGrams);
