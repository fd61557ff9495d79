using Dispatch.Domain.Geography;

namespace Dispatch.Planning.Travel;

/// <summary>
/// Serves sub-matrices of a precomputed matrix (e.g. from <see cref="MatrixFile"/>): each requested
/// point is matched to the nearest point of the matrix, which must lie within the tolerance.
/// </summary>
public sealed class PrecomputedTravelMatrix : ITravelMatrix
{
    public const double DefaultToleranceMetres = 100;

    private readonly TravelMatrix _matrix;
    private readonly IReadOnlyList<GeoPoint> _points;
    private readonly double _toleranceMetres;

    /// <param name="points">The point of each matrix row, in row order.</param>
    /// <param name="toleranceMetres">How far a requested point may be from its row's point (OSRM snaps points to roads).</param>
    public PrecomputedTravelMatrix(TravelMatrix matrix, IReadOnlyList<GeoPoint> points, double toleranceMetres = DefaultToleranceMetres)
    {
        if (points.Count != matrix.Size)
        {
            throw new ArgumentException($"the matrix has {matrix.Size} rows but {points.Count} points were given", nameof(points));
        }

        _matrix = matrix;
        _points = points;
        _toleranceMetres = toleranceMetres;
    }

    public TravelMatrix Between(IReadOnlyList<GeoPoint> points)
    {
        var rows = points.Select(RowOf).ToArray();
        int n = rows.Length;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (int from = 0; from < n; from++)
        {
            for (int to = 0; to < n; to++)
            {
                durations[(from * n) + to] = _matrix.Duration(rows[from], rows[to]);
                distances[(from * n) + to] = _matrix.Distance(rows[from], rows[to]);
            }
        }

        return new TravelMatrix(n, durations, distances);
    }

    private int RowOf(GeoPoint point)
    {
        int best = -1;
        double bestMetres = double.MaxValue;
        for (int row = 0; row < _points.Count; row++)
        {
            double metres = point.HaversineMetresTo(_points[row]);
            if (metres < bestMetres)
            {
                bestMetres = metres;
                best = row;
            }
        }

        if (best < 0 || bestMetres > _toleranceMetres)
        {
            throw new ArgumentException($"point {point} is not in the travel matrix (nearest is {bestMetres:F0} m away)");
        }

        return best;
    }
}
