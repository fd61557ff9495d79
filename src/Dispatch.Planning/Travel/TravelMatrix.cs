namespace Dispatch.Planning.Travel;

/// <summary>
/// Travel between n points, row-major: entry <c>from * Size + to</c>.
/// Durations in seconds, distances in metres.
/// </summary>
public sealed record TravelMatrix
{
    public TravelMatrix(int size, long[] durationSeconds, long[] distanceMetres)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (durationSeconds.Length != size * size || distanceMetres.Length != size * size)
        {
            throw new ArgumentException($"a {size}-point matrix needs {size * size} durations and distances");
        }

        Size = size;
        DurationSeconds = durationSeconds;
        DistanceMetres = distanceMetres;
    }

    public int Size { get; }

    public IReadOnlyList<long> DurationSeconds { get; }

    public IReadOnlyList<long> DistanceMetres { get; }

    public long Duration(int from, int to) => DurationSeconds[(from * Size) + to];

    public long Distance(int from, int to) => DistanceMetres[(from * Size) + to];
}
