namespace Dispatch.Server.Auth;

/// <summary>
/// The published demo keys (<c>demo-key-sm1</c> ... <c>demo-key-sm5</c>, <c>demo-key-planner</c>,
/// <c>demo-key-admin</c>) by their SHA-256: anyone who read the README holds them, so the server refuses to start
/// with any of them outside the Development environment. They are configured only in appsettings.Development.json and
/// by the CLI's <c>demo</c> command.
/// </summary>
public static class DemoKeys
{
    private static readonly HashSet<string> s_hashes = new(StringComparer.Ordinal)
    {
        "de0550d9130cc1c4bb2a12baa9f6a312d1fc81b1dc1e8f7682bf85b2b667aae2",
        "83fea1b2d045dfcd13f0182f4031809eb742b89fa3c685f8cf293ecc07ba561c",
        "0ad5f764179615ac7357ebd65cd1a2e01a3fed75f3aba784710a916feae31e5c",
        "8c3069cfc0bd2d0ec195e541d3a446ad324ec319b9ef6058867e85dcefd93568",
        "c83fdf9de864cffe8171ca700436e54b1b9339a51fd57a086035c670d72150b5",
        "0a51c882fe3c9e5058f8bc0f8c9764b16d03188a638486f15467f7aa1f7f5ffc",
        "0de55245c225238646d6fdb99a60b6971bf5eb0b0280237830d66e0a8b54b4ac",
    };

    /// <summary>Whether a configured key hash (lowercase hex) is one of the published demo keys.</summary>
    public static bool IsDemo(string keyHash) => s_hashes.Contains(keyHash);
}
