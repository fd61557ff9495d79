using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>The root README's command table is whole: every command `dispatch --help` lists has a row, and no other line splits the table.</summary>
public sealed class CommandTableTests
{
    [Fact]
    public async Task Every_command_the_help_lists_has_a_row_in_one_unbroken_table()
    {
        var table = CommandTable();
        var commands = await CommandPathsAsync([]);

        Assert.Contains("bench fanout", commands);
        Assert.Contains("volunteer link", commands);
        var missing = commands.Where(c => !table.Any(row => row.StartsWith($"| `{c} ", StringComparison.Ordinal) || row.StartsWith($"| `{c}`", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "commands without a row in README.md's command table: " + string.Join(", ", missing));
    }

    /// <summary>The lines from the table's header to its last row; throws if anything but a row stands between them.</summary>
    private static List<string> CommandTable()
    {
        var lines = File.ReadAllLines(Path.Combine(DispatchCli.RepoRoot, "README.md"));
        int heading = Array.FindIndex(lines, l => l.StartsWith("## Commands", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README.md has no '## Commands' section");
        int next = Array.FindIndex(lines, heading + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var section = lines[(heading + 1)..(next < 0 ? lines.Length : next)];
        int first = Array.FindIndex(section, l => l.StartsWith('|'));
        int last = Array.FindLastIndex(section, l => l.StartsWith('|'));
        Assert.True(first >= 0, "the Commands section has no table");
        var table = section[first..(last + 1)].ToList();
        var strays = table.Where(l => !l.StartsWith('|')).ToList();
        Assert.True(strays.Count == 0, "lines inside the command table that are not rows: " + string.Join(" / ", strays));
        return table;
    }

    /// <summary>Every command path under <paramref name="path"/>, as `dispatch ... --help` lists them.</summary>
    private static async Task<List<string>> CommandPathsAsync(string[] path)
    {
        var result = await DispatchCli.RunAsync([.. path, "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var names = result.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0])
            .ToList();
        var paths = new List<string>();
        foreach (string name in names)
        {
            string[] sub = [.. path, name];
            paths.Add(string.Join(' ', sub));
            paths.AddRange(await CommandPathsAsync(sub));
        }

        return paths;
    }
}
