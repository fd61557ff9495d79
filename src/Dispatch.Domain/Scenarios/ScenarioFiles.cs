using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Domain.Geography;
using Dispatch.Domain.People;

namespace Dispatch.Domain.Scenarios;

/// <summary>
/// Reads and writes a scenario folder: <c>scenario.json</c> (district, communities, gates, grids,
/// supermarkets, vehicles, volunteers, bundles) and <c>households.csv</c> (one household a row).
/// </summary>
public static class ScenarioFiles
{
    public const string ScenarioFileName = "scenario.json";
    public const string HouseholdsFileName = "households.csv";
    public const string HouseholdsHeader = "id,grid_id,building,unit,floor,has_elevator,latitude,longitude,risk_level,vulnerabilities";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        IgnoreReadOnlyProperties = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Scenario Load(string directory)
    {
        string scenarioPath = Path.Combine(directory, ScenarioFileName);
        string householdsPath = Path.Combine(directory, HouseholdsFileName);
        var document = ReadJson<ScenarioDocument>(scenarioPath);
        if (document.District is null)
        {
            throw new ScenarioFormatException(scenarioPath, 1, "district is missing");
        }

        var households = File.Exists(householdsPath)
            ? ReadHouseholds(householdsPath)
            : throw new ScenarioFormatException(householdsPath, 0, "file not found");
        var scenario = document.ToScenario(households);
        var problems = ScenarioValidator.Validate(scenario);
        if (problems.Count > 0)
        {
            throw new ScenarioFormatException(scenarioPath, 0, string.Join("; ", problems.Take(5)));
        }

        return scenario;
    }

    /// <summary>A JSON file of a scenario or city folder; a missing, empty or malformed file is a <see cref="ScenarioFormatException"/> naming it.</summary>
    internal static T ReadJson<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioFormatException(path, 0, "file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, JsonOptions)
                ?? throw new ScenarioFormatException(path, 1, "empty document");
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException(path, (int)(e.LineNumber ?? 0) + 1, e.Message);
        }
    }

    public static void Save(Scenario scenario, string directory)
    {
        // Checked before anything is written, so a refused scenario leaves no half-written folder.
        foreach (var h in scenario.Households)
        {
            CheckCsvText(h.Id, h.GridId, h.Building, h.Unit);
        }

        Directory.CreateDirectory(directory);
        using (var stream = File.Create(Path.Combine(directory, ScenarioFileName)))
        {
            JsonSerializer.Serialize(stream, ScenarioDocument.From(scenario), JsonOptions);
        }

        using var writer = new StreamWriter(Path.Combine(directory, HouseholdsFileName), false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(HouseholdsHeader);
        foreach (var h in scenario.Households)
        {
            writer.WriteLine(string.Join(',',
                h.Id, h.GridId, h.Building, h.Unit,
                h.Floor.ToString(CultureInfo.InvariantCulture),
                h.HasElevator ? "1" : "0",
                Coordinate(h.Location.Latitude),
                Coordinate(h.Location.Longitude),
                h.RiskLevel.ToString(),
                FormatVulnerabilities(h.Vulnerabilities)));
        }
    }

    // The CSV is unquoted: a comma or line break in a text field would shift every column after it.
    private static void CheckCsvText(params string[] fields)
    {
        foreach (string field in fields)
        {
            if (field.AsSpan().IndexOfAny(",\r\n") >= 0)
            {
                throw new ArgumentException($"household field '{field}' holds a comma or line break, which households.csv cannot store");
            }
        }
    }

    // Shortest text that parses back to the same double: a saved scenario loads equal to the one saved
    // ("F6" lost digits), and coordinates already rounded to 6 decimals stay as short as before.
    private static string Coordinate(double degrees) => degrees.ToString("R", CultureInfo.InvariantCulture);

    public static IReadOnlyList<Household> ReadHouseholds(string path)
    {
        var households = new List<Household>();
        using var reader = new StreamReader(path);
        string? line = reader.ReadLine();
        int lineNumber = 1;
        if (line is null || line.Trim() != HouseholdsHeader)
        {
            throw new ScenarioFormatException(path, 1, $"expected header '{HouseholdsHeader}'");
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            households.Add(ParseHousehold(path, lineNumber, line));
        }

        return households;
    }

    private static Household ParseHousehold(string path, int lineNumber, string line)
    {
        var f = line.Split(',');
        if (f.Length != 10)
        {
            throw new ScenarioFormatException(path, lineNumber, $"expected 10 fields, found {f.Length}");
        }

        int ParseInt(int i, string name) => int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw new ScenarioFormatException(path, lineNumber, $"{name} '{f[i]}' is not a whole number");
        double ParseDouble(int i, string name) => double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new ScenarioFormatException(path, lineNumber, $"{name} '{f[i]}' is not a number");

        if (!Enum.TryParse<RiskLevel>(f[8], ignoreCase: true, out var risk) || !Enum.IsDefined(risk))
        {
            throw new ScenarioFormatException(path, lineNumber, $"risk_level '{f[8]}' is not low, medium or high");
        }

        // A typo here would silently make a tower a walk-up (or back), so only 1 and 0 are accepted.
        bool hasElevator = f[5] switch
        {
            "1" => true,
            "0" => false,
            _ => throw new ScenarioFormatException(path, lineNumber, $"has_elevator '{f[5]}' is not 1 or 0"),
        };

        return new Household(
            f[0], f[1], f[2], f[3], ParseInt(4, "floor"), hasElevator,
            new GeoPoint(ParseDouble(6, "latitude"), ParseDouble(7, "longitude")),
            risk, ParseVulnerabilities(path, lineNumber, f[9]));
    }

    private static string FormatVulnerabilities(Vulnerability v) =>
        v == Vulnerability.None ? string.Empty
            : string.Join('|', Enum.GetValues<Vulnerability>().Where(x => x != Vulnerability.None && v.HasFlag(x)));

    private static Vulnerability ParseVulnerabilities(string path, int lineNumber, string text)
    {
        var result = Vulnerability.None;
        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Vulnerability>(part, ignoreCase: true, out var flag) || !Enum.IsDefined(flag))
            {
                throw new ScenarioFormatException(path, lineNumber, $"unknown vulnerability '{part}'");
            }

            result |= flag;
        }

        return result;
    }

    private sealed record ScenarioDocument(
        District District,
        List<Community> Communities,
        List<Gate> Gates,
        List<Grid> Grids,
        List<Supply.Supermarket> Supermarkets,
        List<Supply.Vehicle> Vehicles,
        List<Volunteer> Volunteers,
        List<Supply.BundleType> Bundles)
    {
        public static ScenarioDocument From(Scenario s) => new(
            s.District, [.. s.Communities], [.. s.Gates], [.. s.Grids], [.. s.Supermarkets], [.. s.Vehicles], [.. s.Volunteers], [.. s.Bundles]);

        public Scenario ToScenario(IReadOnlyList<Household> households) => new(
            District, Communities ?? [], Gates ?? [], Grids ?? [], households, Supermarkets ?? [], Vehicles ?? [], Volunteers ?? [], Bundles ?? []);
    }
}
