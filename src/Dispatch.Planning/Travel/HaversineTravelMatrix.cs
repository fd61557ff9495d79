using Dispatch.Domain.Geography;

namespace Dispatch.Planning.Travel;

/// <summary>
/// Great-circle distance times a detour factor, at a constant speed.
/// Defaults: detour 1.3; driving 30 km/h (urban), walking 1.2 m/s.
/// </summary>
public sealed class HaversineTravelMatrix : ITravelMatrix
{
    public const double DefaultDetourFactor = 1.3;
    public const double UrbanDrivingMetresPerSecond = 30_000.0 / 3_600.0;
    public const double WalkingMetresPerSecond = 1.2;

    private readonly double _metresPerSecond;
    private readonly double _detourFactor;

    /// <param name="metresPerSecond">Average speed along the way, metres per second.</param>
    /// <param name="detourFactor">Road distance over straight-line distance (at least 1).</param>
    public HaversineTravelMatrix(double metresPerSecond, double detourFactor = DefaultDetourFactor)
    {
        if (!(metresPerSecond > 0) || !double.IsFinite(metresPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(metresPerSecond), metresPerSecond, "speed must be positive");
        }

        if (!(detourFactor >= 1) || !double.IsFinite(detourFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(detourFactor), detourFactor, "detour factor must be at least 1");
        }

        _metresPerSecond = metresPerSecond;
        _detourFactor = detourFactor;
    }

    /// <summary>Trucks in town: 30 km/h.</summary>
    public static HaversineTravelMatrix Driving(double detourFactor = DefaultDetourFactor) =>
        new(UrbanDrivingMetresPerSecond, detourFactor);

    /// <summary>Volunteers on foot: 1.2 m/s.</summary>
    public static HaversineTravelMatrix Walking(double detourFactor = DefaultDetourFactor) =>
        new(WalkingMetresPerSecond, detourFactor);

    public TravelMatrix Between(IReadOnlyList<GeoPoint> points)
    {
        int n = points.Count;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (int from = 0; from < n; from++)
        {
            for (int to = 0; to < n; to++)
            {
                if (from == to)
                {
                    continue;
                }

                double metres = points[from].HaversineMetresTo(points[to]) * _detourFactor;
                distances[(from * n) + to] = (long)Math.Round(metres);
                durations[(from * n) + to] = (long)Math.Round(metres / _metresPerSecond);
            }
        }

        return new TravelMatrix(n, durations, distances);
    }
}
