namespace Dispatch.Storage.Rows;

/// <summary>An API key issued at run time (a redeemed sign-in link), by the hash of the key.</summary>
public sealed class IssuedKeyRow
{
    public string KeyHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public long IssuedAtUnixSeconds { get; set; }

    /// <summary>The link it was issued for (its token hash).</summary>
    public string LinkTokenHash { get; set; } = "";
}
