using System.CommandLine;
using System.CommandLine.Parsing;
using Dispatch.Cli.Hosting;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>--server</c>: the server's address, with or without a scheme (<c>127.0.0.1:5080</c> means
/// <c>http://127.0.0.1:5080</c>). Anything else is a usage error naming the option, not a crash.
/// </summary>
internal static class ServerOption
{
    public const string Name = "--server";

    public static Option<Uri> Create() => new(Name)
    {
        Description = "Server address: HOST:PORT (plain http), http://HOST:PORT or https://HOST:PORT",
        DefaultValueFactory = _ => new Uri(InProcessServer.DefaultUrl),
        CustomParser = Parse,
    };

    /// <summary>The option without a default, for a command that works in-process unless a server is named.</summary>
    public static Option<Uri?> CreateOptional(string description) => new(Name)
    {
        Description = description,
        CustomParser = Parse,
    };

    private static Uri Parse(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (TryNormalise(text) is { } address)
        {
            return address;
        }

        result.AddError($"{Name} '{text}' is not a server address; e.g. 127.0.0.1:5080, http://127.0.0.1:5080 or https://dispatch.example:5443");
        return null!;
    }

    /// <summary>The address as an absolute http(s) URI, or null when it is not one.</summary>
    public static Uri? TryNormalise(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        string withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Length > 0
            && uri.AbsolutePath == "/"
            && uri.Query.Length == 0
            ? uri
            : null;
    }
}
