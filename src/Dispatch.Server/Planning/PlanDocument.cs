using System.IO.Compression;
using System.Text.Json;
using Dispatch.Planning.District;

namespace Dispatch.Server.Planning;

/// <summary>A plan as stored: <see cref="PlanJson"/>, gzip-compressed (about 8x smaller).</summary>
public static class PlanDocument
{
    public static byte[] Write(Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, plan, PlanJson.Options);
        }

        return buffer.ToArray();
    }

    public static Plan Read(byte[] document)
    {
        using var gzip = new GZipStream(new MemoryStream(document), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Plan>(gzip, PlanJson.Options) ?? throw new InvalidDataException("empty plan document");
    }
}
