using System.Text;
using Dispatch.Planning.Travel;
using static Dispatch.Planning.Tests.Places;

namespace Dispatch.Planning.Tests.Travel;

public class TravelMatrixTests
{
    [Fact]
    public void Haversine_walking_applies_detour_and_speed()
    {
        var matrix = HaversineTravelMatrix.Walking().Between([Origin, North(1_000)]);

        Assert.InRange(matrix.Distance(0, 1), 1_295, 1_305);
        Assert.InRange(matrix.Duration(0, 1), 1_079, 1_088);
        Assert.Equal(0, matrix.Duration(1, 1));
    }

    [Fact]
    public void Osrm_table_is_read_with_rounding_and_unreachable_entries()
    {
        const string json = """
            {"code":"Ok","durations":[[0,312.4],[null,0]],"distances":[[0,2710.6],[2655.3,0]],
             "sources":[{"location":[116.58,35.40]},{"location":[116.59,35.41]}]}
            """;

        var content = MatrixFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(2, content.Matrix.Size);
        Assert.Equal(312, content.Matrix.Duration(0, 1));
        Assert.Equal(MatrixFile.UnreachableValue, content.Matrix.Duration(1, 0));
        Assert.Equal(2711, content.Matrix.Distance(0, 1));
        Assert.Equal(35.41, content.Locations![1].Latitude, 6);
    }

    [Fact]
    public void A_table_that_is_not_square_is_rejected()
    {
        const string json = """{"durations":[[0,1]],"distances":[[0,1]]}""";

        Assert.Throws<FormatException>(() => MatrixFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Precomputed_matrix_serves_points_in_the_requested_order()
    {
        var points = new[] { Origin, North(500), East(500) };
        var full = HaversineTravelMatrix.Driving().Between(points);
        var precomputed = new PrecomputedTravelMatrix(full, points);

        var sub = precomputed.Between([points[2], points[0]]);

        Assert.Equal(full.Duration(2, 0), sub.Duration(0, 1));
        Assert.Throws<ArgumentException>(() => precomputed.Between([North(5_000)]));
    }
}
