namespace Dispatch.Storage.Rows;

/// <summary>A one-time sign-in link, by the hash of its token (the token itself is never stored).</summary>
public sealed class SignInLinkRow
{
    public string TokenHash { get; set; } = "";
    public string VolunteerId { get; set; } = "";
    public long CreatedAtUnixSeconds { get; set; }
    public long ExpiresAtUnixSeconds { get; set; }

    /// <summary>Null until the link is redeemed; a link is redeemed at most once.</summary>
    public long? RedeemedAtUnixSeconds { get; set; }
}
