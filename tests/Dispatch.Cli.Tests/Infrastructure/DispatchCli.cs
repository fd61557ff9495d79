using System.Diagnostics;
using System.Reflection;

namespace Dispatch.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real <c>dispatch</c> command as a child process (built beside these tests), with piped stdin, stdout and
/// stderr as a script would, from the repo root so default paths such as <c>seeds/jining-high-tech</c> resolve.
/// </summary>
public static class DispatchCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedFolder => Path.Combine(RepoRoot, "seeds", "jining-high-tech");

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? apiKey = null, string? stdin = null)
    {
        string dll = typeof(DispatchCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DispatchCli").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the key a test gives: never one from the machine running the tests.
        start.Environment.Remove("DISPATCH_API_KEY");
        if (apiKey is not null)
        {
            start.Environment["DISPATCH_API_KEY"] = apiKey;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? string.Empty);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dispatch {string.Join(' ', args)} did not end within {s_timeout.TotalSeconds} s; stdout so far: {await stdout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dispatch.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What a command run printed and its exit code.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
