namespace Dispatch.Cli.Bench;

/// <summary>Finds <c>shared/bench/...</c> next to the repository, from the working directory or the tool's folder.</summary>
internal static class BenchDirectory
{
    public static string? Find(string relative)
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "bench", relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
