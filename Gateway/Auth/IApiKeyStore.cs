namespace Meridian.Gateway.Auth;

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyInfo(
    string KeyId,
    string Name,
    ApiRole Role,
    IReadOnlyList<string>? Portfolios,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);

/// <summary>Why a token was refused, or <see cref="Valid"/>.</summary>
public enum ApiKeyOutcome
{
    /// <summary>The token authenticates its key.</summary>
    Valid,

    /// <summary>Not of the form <c>mrd_&lt;key id&gt;_&lt;secret&gt;</c>.</summary>
    Malformed,

    /// <summary>No key has that id, or the secret is wrong: one outcome, so a token never tells whether a key id exists.</summary>
    UnknownOrWrong,

    /// <summary>The secret is right but the key was revoked.</summary>
    Revoked,

    /// <summary>The secret is right but the key has expired.</summary>
    Expired,
}

/// <summary>What checking a token found: the outcome, the caller when valid, the expiry when expired.</summary>
public readonly record struct ApiKeyVerification(ApiKeyOutcome Outcome, Caller? Caller = null, DateTimeOffset? ExpiredAt = null);

/// <summary>A new key: its token is shown this once and stored only hashed.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Token);

/// <summary>
/// The API keys, in the silo's database. A token is <c>mrd_&lt;key id&gt;_&lt;secret&gt;</c>; only the secret's SHA-256 is
/// stored, and checking a token compares hashes in constant time.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key; <paramref name="portfolios"/> null scopes it to every portfolio. Throws <see cref="Grains.Domain.InvalidInputException"/> on a bad name, scope or expiry.</summary>
    Task<CreatedApiKey> CreateAsync(string name, ApiRole role, IReadOnlyList<string>? portfolios, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The caller a token authenticates, or null when it is malformed, unknown, wrong, revoked or expired.</summary>
    ValueTask<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Checks a token and says why it is refused (what the authentication handler answers with).</summary>
    ValueTask<ApiKeyVerification> VerifyAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>The key <paramref name="keyId"/> (never its secret), or null when there is none.</summary>
    Task<ApiKeyInfo?> FindAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key at once (also for requests already authenticated with it from a cache); false when there is no such key.</summary>
    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default);
}
