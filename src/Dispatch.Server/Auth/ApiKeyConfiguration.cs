using System.Text.Json;

namespace Dispatch.Server.Auth;

/// <summary>
/// Which API keys the configuration holds. <c>Auth:KeysFile</c> (a file holding a JSON array of keys) or
/// <c>Auth:KeysJson</c> (that array as one value, e.g. one environment variable) replace the list whole; without them
/// <c>Auth:Keys</c> is used, which configuration merges by index (an environment variable <c>Auth__Keys__0__...</c>
/// replaces entry 0 only and leaves the others).
/// </summary>
public static class ApiKeyConfiguration
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The keys and the setting they came from (for error messages and the start-up log).</summary>
    public static (IReadOnlyList<ApiKeyOptions> Keys, string Source) Read(AuthOptions options)
    {
        bool file = !string.IsNullOrWhiteSpace(options.KeysFile);
        bool json = !string.IsNullOrWhiteSpace(options.KeysJson);
        if (file && json)
        {
            throw new Hosting.ServerConfigurationException("Auth:KeysFile and Auth:KeysJson are both set: set one of them");
        }

        if (file)
        {
            string path = Path.GetFullPath(options.KeysFile!);
            if (!File.Exists(path))
            {
                throw new Hosting.ServerConfigurationException($"Auth:KeysFile '{path}' does not exist");
            }

            return (Parse(File.ReadAllText(path), "Auth:KeysFile"), "Auth:KeysFile");
        }

        return json ? (Parse(options.KeysJson!, "Auth:KeysJson"), "Auth:KeysJson") : (options.Keys, "Auth:Keys");
    }

    private static List<ApiKeyOptions> Parse(string text, string setting)
    {
        try
        {
            return JsonSerializer.Deserialize<List<ApiKeyOptions>>(text, s_json)
                ?? throw new Hosting.ServerConfigurationException($"{setting} holds null, not a JSON array of keys");
        }
        catch (JsonException e)
        {
            // The position only: the text may hold hashes, which are not written to logs.
            throw new Hosting.ServerConfigurationException($"{setting} is not a JSON array of {{KeyHash, Role, SubjectId}} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
    }
}
