using Dispatch.Domain.Geography;

namespace Dispatch.Planning.Travel;

/// <summary>Travel durations and distances between points, computed in bulk.</summary>
public interface ITravelMatrix
{
    /// <summary>The matrix between <paramref name="points"/>, in their order.</summary>
    TravelMatrix Between(IReadOnlyList<GeoPoint> points);
}
