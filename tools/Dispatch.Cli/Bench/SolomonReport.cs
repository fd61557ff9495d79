using System.Globalization;
using System.Text;

namespace Dispatch.Cli.Bench;

/// <summary>Writes results as CSV and as CVRPLIB-style .sol files.</summary>
internal static class SolomonReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void WriteCsv(string path, IEnumerable<SolomonResult> results)
    {
        var csv = new StringBuilder("instance,class,vehicles,distance,bks_vehicles,bks_distance,gap_pct,hier_vehicles,hier_distance,feasible,seconds\n");
        foreach (var r in results)
        {
            csv.Append(s_invariant, $"{r.Instance},{r.Class},{r.Vehicles},{r.Distance:F1},{r.Bks?.DimacsVehicles},{r.Bks?.DimacsDistance},");
            csv.Append(s_invariant, $"{r.GapPercent:F2},{r.Bks?.HierarchicalVehicles},{r.Bks?.HierarchicalDistance},{r.Feasible},{r.Elapsed.TotalSeconds:F1}\n");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, csv.ToString());
    }

    public static void WriteSolution(string directory, SolomonResult result)
    {
        Directory.CreateDirectory(directory);
        var text = new StringBuilder();
        int number = 1;
        foreach (var route in result.Routes)
        {
            text.Append(s_invariant, $"Route #{number++}: {string.Join(' ', route)}\n");
        }

        text.Append(s_invariant, $"Cost {result.Distance:0.0}\n");
        File.WriteAllText(Path.Combine(directory, result.Instance + ".sol"), text.ToString());
    }
}
