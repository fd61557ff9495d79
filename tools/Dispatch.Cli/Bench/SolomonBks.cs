using System.Globalization;

namespace Dispatch.Cli.Bench;

/// <summary>Best-known results of one instance: distance-only (DIMACS) and hierarchical (fewest vehicles first).</summary>
internal sealed record SolomonBks(int? DimacsVehicles, double? DimacsDistance, int? HierarchicalVehicles, double? HierarchicalDistance)
{
    public static IReadOnlyDictionary<string, SolomonBks> Read(string path)
    {
        var result = new Dictionary<string, SolomonBks>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',', 4);
            if (cells.Length < 4)
            {
                continue;
            }

            string instance = cells[0].Trim();
            int vehicles = int.Parse(cells[1], CultureInfo.InvariantCulture);
            double distance = double.Parse(cells[2], CultureInfo.InvariantCulture);
            var known = result.GetValueOrDefault(instance) ?? new SolomonBks(null, null, null, null);
            result[instance] = cells[3].StartsWith("dist-dimacs", StringComparison.Ordinal)
                ? known with { DimacsVehicles = vehicles, DimacsDistance = distance }
                : cells[3].StartsWith("hier-2dp", StringComparison.Ordinal)
                    ? known with { HierarchicalVehicles = vehicles, HierarchicalDistance = distance }
                    : known;
        }

        return result;
    }
}
