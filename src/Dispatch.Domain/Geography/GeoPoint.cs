namespace Dispatch.Domain.Geography;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public bool IsValid =>
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && double.IsFinite(Latitude) && double.IsFinite(Longitude);

    /// <summary>Great-circle distance in metres.</summary>
    public double HaversineMetresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        double dLat = Radians(other.Latitude - Latitude);
        double dLon = Radians(other.Longitude - Longitude);
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
