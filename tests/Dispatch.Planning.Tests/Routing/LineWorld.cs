using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Tests.Routing;

/// <summary>Points on a plane with Euclidean travel: 1 metre takes 1 second.</summary>
internal static class LineWorld
{
    public static TravelMatrix Matrix(params (int X, int Y)[] points)
    {
        int n = points.Length;
        var metres = new long[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dx = points[i].X - points[j].X;
                double dy = points[i].Y - points[j].Y;
                metres[(i * n) + j] = (long)Math.Round(Math.Sqrt((dx * dx) + (dy * dy)));
            }
        }

        return new TravelMatrix(n, metres, (long[])metres.Clone());
    }

    public static RoutingStop Stop(string id, int point, long grams = 1, int serviceSeconds = 0, TimeWindow? window = null) =>
        new(id, point, grams, 1, serviceSeconds, window ?? TimeWindow.Always);

    public static RoutingVehicle Vehicle(string id, long capacityGrams = 1_000, int shiftEnd = 100_000, int maxTrips = 1) =>
        new(id, 0, 0, capacityGrams, int.MaxValue, 0, shiftEnd, MaxTrips: maxTrips);

    public static RoutingOptions Options(double seconds = 1) => new(TimeSpan.FromSeconds(seconds));
}
