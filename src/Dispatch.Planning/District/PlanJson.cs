using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Planning.District;

/// <summary>
/// The JSON shape of a <see cref="Plan"/>: camelCase names, enums by name, nulls left out. One shape for the plans the
/// server stores and the plans `dispatch plan` writes, so either reads the other's.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
