using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Planning.District;

namespace Dispatch.Server.Planning;

/// <summary>A plan as stored: JSON (the same shape `dispatch plan` writes), gzip-compressed (about 8x smaller).</summary>
public static class PlanDocument
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Write(Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, plan, Json);
        }

        return buffer.ToArray();
    }

    public static Plan Read(byte[] document)
    {
        using var gzip = new GZipStream(new MemoryStream(document), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Plan>(gzip, Json) ?? throw new InvalidDataException("empty plan document");
    }
}
