using System.CommandLine;
using System.Net.Http;
using System.Net.Sockets;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>
/// Runs the parsed command and turns what can go wrong into one line on stderr and an exit code (<see cref="Exit"/>):
/// usage errors, unreachable servers, refused keys, bad requests, missing or malformed files. The one place that
/// does so; commands let these exceptions through.
/// </summary>
internal static class CommandInvocation
{
    private const string StackTraceVariable = "DISPATCH_STACK_TRACE";

    // Piped output has no width; Spectre would fold tables at 80 columns.
    private const int PipedWidth = 1_000;

    public static async Task<int> RunAsync(ParseResult parse)
    {
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"dispatch: {error.Message}");
            }

            Console.Error.WriteLine($"dispatch: see '{CommandPath(parse)} --help'");
            return Exit.BadInput;
        }

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = PipedWidth;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var (message, exitCode) = Describe(e, ServerOf(parse)?.GetLeftPart(UriPartial.Authority));
            Console.Error.WriteLine($"dispatch: {message}");
            if (Environment.GetEnvironmentVariable(StackTraceVariable) is { Length: > 0 })
            {
                Console.Error.WriteLine(e);
            }

            return exitCode;
        }
    }

    /// <summary>The line to tell and the exit code for a failure; <paramref name="server"/> names the server in network errors.</summary>
    public static (string Message, int ExitCode) Describe(Exception e, string? server) => e switch
    {
        CommandFailedException failed => (failed.Message, failed.ExitCode),
        RpcException rpc => Describe(rpc, server),
        OrderFileFormatException or ScenarioFormatException => (e.Message, Exit.BadInput),
        FileNotFoundException missing => ($"file not found: {missing.FileName ?? missing.Message}", Exit.BadInput),
        DirectoryNotFoundException missing => ($"folder not found: {missing.Message}", Exit.BadInput),
        UnauthorizedAccessException denied => ($"not allowed: {denied.Message}", Exit.BadInput),
        HttpRequestException http => ($"cannot reach the server at {server}: {Innermost(http)}", Exit.Unreachable),
        OperationCanceledException => ("cancelled", Exit.Cancelled),
        IOException io => (io.Message, Exit.Failed),
        _ => ($"unexpected error: {e.GetType().Name}: {e.Message} (set {StackTraceVariable}=1 to see where)", Exit.Failed),
    };

    private static (string Message, int ExitCode) Describe(RpcException e, string? server)
    {
        string detail = string.IsNullOrWhiteSpace(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
        return e.StatusCode switch
        {
            StatusCode.Unavailable when e.Status.DebugException is { } cause =>
                ($"cannot reach the server at {server}: {Innermost(cause)}; is it running, and is --server right?", Exit.Unreachable),
            StatusCode.Unavailable => ($"the server at {server} is unavailable: {detail}; try again when it is back", Exit.Unreachable),
            StatusCode.DeadlineExceeded => ($"the server at {server} did not answer in time: {detail}", Exit.Unreachable),
            StatusCode.Unauthenticated =>
                ($"the server refused the key: {detail}; give a valid key with --api-key or ${ApiKeyOption.EnvironmentVariable}", Exit.Refused),
            StatusCode.PermissionDenied => ($"refused: {detail}; this key's role may not do that", Exit.Refused),
            StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange =>
                (detail, Exit.BadInput),
            StatusCode.Cancelled => ("cancelled", Exit.Cancelled),
            _ => ($"the server answered {e.StatusCode}: {detail}", Exit.Failed),
        };
    }

    // "Connection refused (127.0.0.1:5181)" rather than the wrapper's "An error occurred while sending the request".
    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e is SocketException socket ? $"{socket.SocketErrorCode}: {socket.Message}" : e.Message;
    }

    private static Uri? ServerOf(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<Uri>>().FirstOrDefault(o => o.Name == ServerOption.Name) is { } option
            ? parse.GetValue(option)
            : null;

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        names[0] = "dispatch";
        return string.Join(' ', names);
    }
}
