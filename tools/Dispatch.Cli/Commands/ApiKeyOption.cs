using System.CommandLine;

namespace Dispatch.Cli.Commands;

/// <summary><c>--api-key</c>, defaulting to the DISPATCH_API_KEY environment variable so keys stay out of shell history.</summary>
internal static class ApiKeyOption
{
    public const string EnvironmentVariable = "DISPATCH_API_KEY";

    public static Option<string?> Create() => new("--api-key")
    {
        Description = $"API key sent as x-api-key (default: ${EnvironmentVariable})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable),
    };
}
