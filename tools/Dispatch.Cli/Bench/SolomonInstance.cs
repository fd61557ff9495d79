using System.Globalization;

namespace Dispatch.Cli.Bench;

/// <summary>A Solomon VRPTW instance; row 0 of <see cref="Nodes"/> is the depot.</summary>
internal sealed record SolomonInstance(string Name, int VehicleLimit, int Capacity, IReadOnlyList<SolomonNode> Nodes)
{
    /// <summary>Arcs are truncated to 0.1 (DIMACS convention), kept as integer tenths.</summary>
    public const int Scale = 10;

    public int Horizon => Nodes[0].DueDate;

    public long ArcTenths(int from, int to)
    {
        double dx = Nodes[from].X - Nodes[to].X;
        double dy = Nodes[from].Y - Nodes[to].Y;
        // The small epsilon keeps exact decimals (e.g. 5.0 stored as 4.9999...) on the right side of the truncation.
        return (long)Math.Floor((Math.Sqrt((dx * dx) + (dy * dy)) * Scale) + 1e-9);
    }

    public static SolomonInstance Read(string path)
    {
        var lines = File.ReadAllLines(path);
        string name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        int vehicleLine = Array.FindIndex(lines, l => l.Trim().StartsWith("NUMBER", StringComparison.OrdinalIgnoreCase));
        var fleet = Numbers(lines[vehicleLine + 1]);
        int customerLine = Array.FindIndex(lines, l => l.Trim().StartsWith("CUST", StringComparison.OrdinalIgnoreCase));
        var nodes = lines.Skip(customerLine + 1)
            .Where(l => l.Trim().Length > 0 && char.IsDigit(l.Trim()[0]))
            .Select(Numbers)
            .Where(n => n.Length >= 7)
            .Select(n => new SolomonNode(n[0], n[1], n[2], n[3], n[4], n[5], n[6]))
            .ToList();
        if (nodes.Count == 0 || nodes[0].Number != 0)
        {
            throw new FormatException($"{path}: no depot row");
        }

        return new SolomonInstance(name, fleet[0], fleet[1], nodes);
    }

    private static int[] Numbers(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => (int)double.Parse(t, CultureInfo.InvariantCulture))
            .ToArray();
}

/// <summary>A customer (or the depot) of a Solomon instance.</summary>
internal sealed record SolomonNode(int Number, int X, int Y, int Demand, int ReadyTime, int DueDate, int ServiceTime);
