namespace Dispatch.Domain.Scenarios;

/// <summary>
/// Finds a relative folder such as <c>seeds/jining-high-tech</c> from the current directory or the program's
/// folder and their parents, so commands work from the repo root, a build output or a test run.
/// </summary>
public static class ScenarioLocator
{
    public static string? Find(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
