using System.Security.Cryptography;
using Dispatch.Server.Errors;
using Dispatch.Storage;

namespace Dispatch.Server.Auth;

/// <summary>
/// One-time sign-in links for volunteers: a random token, stored only as its hash, that redeems once, before it
/// expires, for a new key of the volunteer role (stored hashed in <see cref="IssuedKeyStore"/>'s table).
/// </summary>
public sealed partial class SignInLinks(SignInLinkStore store, AuthOptions options, TimeProvider clock, ILogger<SignInLinks> logger)
{
    /// <summary>Random bytes in a token or an issued key: 256 bits, nothing to guess.</summary>
    private const int SecretBytes = 32;

    /// <summary>A token as sent: base64url of <see cref="SecretBytes"/> bytes.</summary>
    public const int TokenLength = 43;

    public async Task<IssuedLink> CreateAsync(string volunteerId, CancellationToken cancellationToken)
    {
        string token = Secret();
        var now = clock.GetUtcNow();
        var expiresAt = now.AddHours(options.SignInLinkHours);
        await store.CreateAsync(ApiKeyDirectory.Hash(token), volunteerId, now.ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds(), cancellationToken);
        LogCreated(logger, volunteerId, expiresAt);
        return new IssuedLink(volunteerId, token, expiresAt);
    }

    /// <summary>The volunteer and their new key; NOT_FOUND for a token never issued, FAILED_PRECONDITION for a used or expired one.</summary>
    public async Task<(string VolunteerId, string ApiKey)> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        string key = Secret();
        var redemption = await store.RedeemAsync(
            ApiKeyDirectory.Hash(token), ApiKeyDirectory.Hash(key), CallerRoles.Name(CallerRole.Volunteer), clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
        switch (redemption.Outcome)
        {
            case LinkRedemptionOutcome.Redeemed:
                LogRedeemed(logger, redemption.VolunteerId);
                return (redemption.VolunteerId, key);
            case LinkRedemptionOutcome.AlreadyUsed:
                LogRefused(logger, redemption.VolunteerId, "already used");
                throw new PreconditionFailedException("this sign-in link was already used: ask the gate leader for a new one");
            case LinkRedemptionOutcome.Expired:
                LogRefused(logger, redemption.VolunteerId, "expired");
                throw new PreconditionFailedException("this sign-in link has expired: ask the gate leader for a new one");
            default:
                throw new ResourceNotFoundException("sign-in link", "(token)");
        }
    }

    /// <summary>Whether the text can be a token at all (checked before any lookup).</summary>
    public static bool LooksLikeToken(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Sign-in link made for volunteer {VolunteerId}, valid until {ExpiresAt:u}")]
    private static partial void LogCreated(ILogger logger, string volunteerId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Sign-in link of volunteer {VolunteerId} redeemed for a key")]
    private static partial void LogRedeemed(ILogger logger, string volunteerId);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Sign-in link of volunteer {VolunteerId} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string volunteerId, string why);
}

/// <summary>A link just made: its token is shown this once.</summary>
public sealed record IssuedLink(string VolunteerId, string Token, DateTimeOffset ExpiresAt);
