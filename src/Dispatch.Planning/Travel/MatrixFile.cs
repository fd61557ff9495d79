using System.Text.Json;
using Dispatch.Domain.Geography;

namespace Dispatch.Planning.Travel;

/// <summary>
/// Reads a travel matrix exported by the OSRM <c>table</c> service (Valhalla's OSRM-compatible output too):
/// <code>
/// {
///   "durations": [[0, 312.4], [298.1, 0]],   // seconds, row = from, column = to
///   "distances": [[0, 2710.0], [2655.3, 0]], // metres
///   "sources": [{"location": [116.58, 35.41]}, ...]  // optional, [longitude, latitude]
/// }
/// </code>
/// Both arrays must be square and of the same size; values are rounded to whole seconds and metres.
/// A <c>null</c> entry (no route) becomes <see cref="UnreachableValue"/>. Other members
/// (<c>code</c>, <c>destinations</c>, ...) are ignored. When <c>sources</c> is absent the
/// caller supplies the points the table was requested for, in order.
/// </summary>
public static class MatrixFile
{
    /// <summary>Stands for "no route": large enough never to fit a shift, small enough never to overflow a sum.</summary>
    public const long UnreachableValue = 1_000_000_000;

    public static MatrixFileContent Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static MatrixFileContent Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("durations", out var durations) || !root.TryGetProperty("distances", out var distances))
        {
            throw new FormatException("an OSRM table needs both \"durations\" and \"distances\"");
        }

        int size = durations.GetArrayLength();
        var durationValues = ReadSquare(durations, size, "durations");
        var distanceValues = ReadSquare(distances, size, "distances");
        IReadOnlyList<GeoPoint>? locations = null;
        if (root.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array)
        {
            locations = ReadLocations(sources, size);
        }

        return new MatrixFileContent(new TravelMatrix(size, durationValues, distanceValues), locations);
    }

    private static long[] ReadSquare(JsonElement rows, int size, string name)
    {
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != size)
        {
            throw new FormatException($"\"{name}\" must be an array of {size} rows");
        }

        var values = new long[size * size];
        int from = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != size)
            {
                throw new FormatException($"\"{name}\" row {from} must have {size} entries");
            }

            int to = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[(from * size) + to] = cell.ValueKind switch
                {
                    JsonValueKind.Null => UnreachableValue,
                    JsonValueKind.Number => Math.Min(UnreachableValue, (long)Math.Round(cell.GetDouble())),
                    _ => throw new FormatException($"\"{name}\"[{from}][{to}] is not a number"),
                };
                to++;
            }

            from++;
        }

        return values;
    }

    private static IReadOnlyList<GeoPoint>? ReadLocations(JsonElement sources, int size)
    {
        if (sources.GetArrayLength() != size)
        {
            return null;
        }

        var points = new List<GeoPoint>(size);
        foreach (var source in sources.EnumerateArray())
        {
            if (!source.TryGetProperty("location", out var location) || location.GetArrayLength() != 2)
            {
                return null;
            }

            // OSRM writes [longitude, latitude].
            points.Add(new GeoPoint(location[1].GetDouble(), location[0].GetDouble()));
        }

        return points;
    }
}

/// <summary>A matrix read from a file and, when the file names them, the points of its rows.</summary>
public sealed record MatrixFileContent(TravelMatrix Matrix, IReadOnlyList<GeoPoint>? Locations);
