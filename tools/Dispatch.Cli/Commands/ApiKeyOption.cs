using System.CommandLine;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>--api-key</c>, falling back to the DISPATCH_API_KEY environment variable so keys stay out of shell history.
/// The fallback is read when the command runs, not as the option's default: a default is printed by <c>--help</c> and
/// by every usage error, and a key must never be.
/// </summary>
internal static class ApiKeyOption
{
    public const string EnvironmentVariable = "DISPATCH_API_KEY";

    public static Option<string?> Create() => new("--api-key")
    {
        Description = $"API key sent as x-api-key (default: the {EnvironmentVariable} environment variable; never printed)",
    };

    /// <summary>The key given with the option, else the environment variable's, else null (no key sent).</summary>
    public static string? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
}
