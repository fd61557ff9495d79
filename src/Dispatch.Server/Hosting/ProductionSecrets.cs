using Dispatch.Server.Auth;

namespace Dispatch.Server.Hosting;

/// <summary>
/// Outside the Development environment the server starts only with secrets of its own: a confirmation key that is set,
/// not the development one and long enough, and no published demo key among the API keys. In Development an unset
/// confirmation key means the development one.
/// </summary>
public static class ProductionSecrets
{
    /// <summary>Characters a production <c>Live:ConfirmationKey</c> has at least (32 base64 characters are 192 bits).</summary>
    public const int MinConfirmationKeyLength = 32;

    /// <summary>The confirmation key to use, or a <see cref="ServerConfigurationException"/> saying what to set.</summary>
    public static string ConfirmationKey(LiveOptions live, bool development)
    {
        string key = live.ConfirmationKey;
        if (development)
        {
            return string.IsNullOrEmpty(key) ? LiveOptions.DevelopmentConfirmationKey : key;
        }

        const string how = "set Live:ConfirmationKey (environment Live__ConfirmationKey) to a random secret of at least 32 characters, e.g. `openssl rand -base64 32`, and keep it: it keys every household's proof code and page token";
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ServerConfigurationException($"Live:ConfirmationKey is not set outside the Development environment: {how}");
        }

        if (key == LiveOptions.DevelopmentConfirmationKey)
        {
            throw new ServerConfigurationException($"Live:ConfirmationKey is the published development key: anyone could compute households' codes; {how}");
        }

        if (key.Length < MinConfirmationKeyLength)
        {
            throw new ServerConfigurationException($"Live:ConfirmationKey has {key.Length} characters: {how}");
        }

        return key;
    }

    /// <summary>Refuses the published demo keys outside Development, naming their role and subject (never the key or its hash).</summary>
    public static void CheckKeys(ApiKeyDirectory keys, string source, bool development)
    {
        var demo = keys.Keys.Where(k => DemoKeys.IsDemo(k.KeyHash)).Select(k => Describe(k.Caller)).Order(StringComparer.Ordinal).ToList();
        if (!development && demo.Count > 0)
        {
            throw new ServerConfigurationException(
                $"{source} holds published demo keys ({string.Join(", ", demo)}) outside the Development environment: configure your own keys, "
                + "replacing the whole list with Auth:KeysFile (a JSON file) or Auth__KeysJson (Auth__Keys__N__* replaces only entry N)");
        }
    }

    /// <summary>"supermarket SM1", "planner".</summary>
    public static string Describe(Caller caller) =>
        caller.SubjectId.Length == 0 ? CallerRoles.Name(caller.Role) : $"{CallerRoles.Name(caller.Role)} {caller.SubjectId}";
}
