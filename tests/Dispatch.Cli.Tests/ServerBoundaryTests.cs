using System.Text.RegularExpressions;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>
/// The CLI drives and observes a server through gRPC only, as any client would: the one place that may name the
/// server's (or its storage's) code is the in-process host in Hosting/, which starts the server for serve, demo and the
/// benchmarks.
/// </summary>
public sealed partial class ServerBoundaryTests
{
    private static readonly string s_cliFolder = Path.Combine(DispatchCli.RepoRoot, "tools", "Dispatch.Cli");

    [Fact]
    public void Only_the_in_process_host_names_the_servers_code()
    {
        string hosting = Path.Combine(s_cliFolder, "Hosting") + Path.DirectorySeparatorChar;
        var sources = SourceFiles().ToList();

        var offenders = sources
            .Where(f => !f.StartsWith(hosting, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(l => ServerReference().IsMatch(l.Line))
            .Select(l => $"{Path.GetRelativePath(s_cliFolder, l.File)}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "names the server's code outside Hosting/ (reach it through gRPC instead):\n" + string.Join('\n', offenders));

        // The scan must see the host itself naming the server, or it proves nothing.
        Assert.Contains(sources, f => f.StartsWith(hosting, StringComparison.Ordinal) && File.ReadLines(f).Any(ServerReference().IsMatch));
    }

    [Theory]
    [InlineData("using Dispatch.Server.Live;", true)]
    [InlineData("using Hub = Dispatch.Server.Live.IRouteHub<Dispatch.Contracts.V1.Assignment>;", true)]
    [InlineData("var hash = Server.Auth.ApiKeyDirectory.Hash(key);", true)]
    [InlineData("var store = provider.GetRequiredService<Dispatch.Storage.OrderStore>();", true)]
    [InlineData("await using var server = await InProcessServer.StartAsync(url, path, folder, quiet: true, ct);", false)]
    [InlineData("Console.WriteLine(server.Address);", false)]
    [InlineData("using var channel = new KeyedChannel(server.Address, key);", false)]
    public void The_check_tells_a_reference_to_the_servers_code_from_a_gRPC_client(string line, bool namesTheServer)
    {
        Assert.Equal(namesTheServer, ServerReference().IsMatch(line));
    }

    private static IEnumerable<string> SourceFiles()
    {
        string bin = Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar;
        string obj = Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(s_cliFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(bin, StringComparison.Ordinal) && !f.Contains(obj, StringComparison.Ordinal));
    }

    // Dispatch.Server / Dispatch.Storage in full, or as the CLI's own namespace lets them be written (Server.Auth...).
    [GeneratedRegex(@"\bDispatch\.(Server|Storage)\b|(?<![\w.])(Server|Storage)\.[A-Z]")]
    private static partial Regex ServerReference();
}
