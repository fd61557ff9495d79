namespace Dispatch.Server.Auth;

/// <summary>Settings under "Auth": who may call, and how many streams a key may hold open.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>When false every call is served as an unrestricted caller (tests and benchmarks only); default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The known API keys, stored as SHA-256 hashes only. Configuration merges this list by index: to replace it whole, use <see cref="KeysFile"/> or <see cref="KeysJson"/>.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>A file holding the keys as a JSON array (<c>[{"KeyHash": "...", "Role": "...", "SubjectId": "..."}]</c>); replaces <see cref="Keys"/> whole.</summary>
    public string? KeysFile { get; set; }

    /// <summary>The keys as a JSON array in one value (one environment variable, <c>Auth__KeysJson</c>); replaces <see cref="Keys"/> whole.</summary>
    public string? KeysJson { get; set; }

    /// <summary>Streaming calls one key may hold open at once; the next one is RESOURCE_EXHAUSTED; default 8.</summary>
    public int MaxConcurrentStreamsPerKey { get; set; } = 8;

    /// <summary>Hours a volunteer's one-time sign-in link (CreateSignInLink) stays redeemable; default 24.</summary>
    public int SignInLinkHours { get; set; } = 24;
}

/// <summary>One API key: its hash, the role it grants and whose resources it acts for.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>SHA-256 of the key's UTF-8 bytes, hex (either case); the key itself is never stored.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>supermarket, volunteer, truck-driver, planner or admin.</summary>
    public string Role { get; set; } = "";

    /// <summary>The supermarket, volunteer or truck id the key belongs to; empty for planner and admin.</summary>
    public string SubjectId { get; set; } = "";
}
