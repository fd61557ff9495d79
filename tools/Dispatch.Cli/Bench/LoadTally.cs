using System.Collections.Concurrent;

namespace Dispatch.Cli.Bench;

/// <summary>What one kind of load client achieved: counts, errors and latencies (thread-safe).</summary>
public sealed class LoadTally(string kind)
{
    private readonly ConcurrentQueue<double> _latenciesMs = new();
    private long _operations;
    private long _items;
    private long _errors;

    public string Kind { get; } = kind;

    public long Operations => Interlocked.Read(ref _operations);

    public long Items => Interlocked.Read(ref _items);

    public long Errors => Interlocked.Read(ref _errors);

    public ConcurrentQueue<string> FirstErrors { get; } = new();

    public void Done(int items, TimeSpan latency)
    {
        Interlocked.Increment(ref _operations);
        Interlocked.Add(ref _items, items);
        _latenciesMs.Enqueue(latency.TotalMilliseconds);
    }

    public void Failed(string why)
    {
        if (Interlocked.Increment(ref _errors) <= 5)
        {
            FirstErrors.Enqueue(why);
        }
    }

    /// <summary>The latency at percentile <paramref name="p"/> (0..100) in milliseconds, nearest rank; 0 when none.</summary>
    public double Percentile(double p)
    {
        var sorted = _latenciesMs.ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
