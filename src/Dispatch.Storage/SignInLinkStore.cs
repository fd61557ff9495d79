using Dispatch.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// One-time sign-in links and the keys they were redeemed for, both by hash. Redeeming marks the link used and stores
/// the new key in one transaction, under one condition (unused, unexpired), so two redemptions of a link cannot both win.
/// </summary>
public sealed class SignInLinkStore(DispatchDatabase database)
{
    public async Task CreateAsync(string tokenHash, string volunteerId, long createdAtUnixSeconds, long expiresAtUnixSeconds, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        db.SignInLinks.Add(new SignInLinkRow
        {
            TokenHash = tokenHash,
            VolunteerId = volunteerId,
            CreatedAtUnixSeconds = createdAtUnixSeconds,
            ExpiresAtUnixSeconds = expiresAtUnixSeconds,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks the link used and stores the key issued for it (role and subject as given), or says why not.</summary>
    public async Task<LinkRedemption> RedeemAsync(string tokenHash, string keyHash, string role, long nowUnixSeconds, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int claimed = await db.SignInLinks
            .Where(l => l.TokenHash == tokenHash && l.RedeemedAtUnixSeconds == null && l.ExpiresAtUnixSeconds > nowUnixSeconds)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.RedeemedAtUnixSeconds, nowUnixSeconds), cancellationToken);
        var link = await db.SignInLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == tokenHash, cancellationToken);
        if (claimed == 0 || link is null)
        {
            return link is null ? LinkRedemption.Unknown
                : link.RedeemedAtUnixSeconds is not null ? LinkRedemption.AlreadyUsed(link.VolunteerId)
                : LinkRedemption.Expired(link.VolunteerId);
        }

        db.IssuedKeys.Add(new IssuedKeyRow { KeyHash = keyHash, Role = role, SubjectId = link.VolunteerId, IssuedAtUnixSeconds = nowUnixSeconds, LinkTokenHash = tokenHash });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LinkRedemption.Redeemed(link.VolunteerId);
    }

    /// <summary>The issued key with this hash, or null.</summary>
    public async Task<IssuedKey?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.IssuedKeys.AsNoTracking()
            .Where(k => k.KeyHash == keyHash)
            .Select(k => new IssuedKey(k.Role, k.SubjectId, k.IssuedAtUnixSeconds))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A key issued at run time: whose it is.</summary>
public sealed record IssuedKey(string Role, string SubjectId, long IssuedAtUnixSeconds);

/// <summary>What redeeming a link did.</summary>
public sealed record LinkRedemption(LinkRedemptionOutcome Outcome, string VolunteerId)
{
    public static LinkRedemption Unknown { get; } = new(LinkRedemptionOutcome.Unknown, "");

    public static LinkRedemption Redeemed(string volunteerId) => new(LinkRedemptionOutcome.Redeemed, volunteerId);

    public static LinkRedemption AlreadyUsed(string volunteerId) => new(LinkRedemptionOutcome.AlreadyUsed, volunteerId);

    public static LinkRedemption Expired(string volunteerId) => new(LinkRedemptionOutcome.Expired, volunteerId);
}

public enum LinkRedemptionOutcome
{
    Redeemed,
    Unknown,
    AlreadyUsed,
    Expired,
}
