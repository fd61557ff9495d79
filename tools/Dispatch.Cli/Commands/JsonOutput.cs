using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>--json</c>: a command prints one JSON document on stdout instead of its tables and progress, for scripts.
/// Server messages keep the API's own JSON mapping (protobuf's: lowerCamelCase fields, enum names, zeros included).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonFormatter s_proto = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Option<bool> Create() => new("--json") { Description = "Print one JSON document on stdout instead of tables (no progress display)" };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    public static void WriteProto(IMessage message) => Console.Out.WriteLine(Indented(s_proto.Format(message)));

    /// <summary>A message as a JSON element, to nest in a document of the command's own.</summary>
    public static JsonElement ProtoElement(IMessage message) => JsonDocument.Parse(s_proto.Format(message)).RootElement.Clone();

    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Options);
    }
}
