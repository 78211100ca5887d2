using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Meridian.Grains.Domain;
using Meridian.Runtime.Persistence;

namespace Meridian.Gateway.Auth;

/// <summary>
/// The API keys in the host database's <c>api_keys</c> table. A token is <c>mrd_&lt;key id&gt;_&lt;secret&gt;</c>: the key id
/// (12 base32 characters) finds the row, the secret (32 random bytes, base64url) is checked against the stored SHA-256
/// of its text in constant time. Rows are cached for a few seconds so that a request costs a hash and a dictionary
/// lookup, not a database round trip; a revocation through this store drops its row from the cache at once (a revocation
/// by another process, the keys command, takes effect within the cache's lifetime).
/// </summary>
public sealed class ApiKeyStore : IApiKeyStore
{
    /// <summary>What every token starts with.</summary>
    public const string TokenPrefix = "mrd_";

    private const string KeyIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int KeyIdLength = 12;
    private const int SecretBytes = 32;
    private const int NameMaxLength = 64;
    private const int PortfolioIdMaxLength = 64;

    private static readonly System.Buffers.SearchValues<char> s_keyIdCharacters = System.Buffers.SearchValues.Create(KeyIdAlphabet);

    /// <summary>The secret's length as base64url text (32 bytes, no padding).</summary>
    private static readonly int s_secretLength = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>How long a row (or the absence of one) is trusted before it is read again.</summary>
    private static readonly long s_cacheLifetimeMs = (long)TimeSpan.FromSeconds(10).TotalMilliseconds;

    /// <summary>Past this many cached ids (a flood of made-up ones) the cache starts over rather than grow.</summary>
    private const int CacheCapacity = 100_000;

    private const string Columns = "key_id, name, secret_hash, role, portfolios, created_at, expires_at, revoked_at";

    private readonly HostDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, CachedRow> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedRow>.AlternateLookup<ReadOnlySpan<char>> _cacheBySpan;

    /// <summary>Bumped by every revocation: a read that began before one does not put what it read into the cache.</summary>
    private long _generation;

    public ApiKeyStore(HostDatabase database, TimeProvider clock)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _cacheBySpan = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <inheritdoc />
    public async Task<CreatedApiKey> CreateAsync(string name, ApiRole role, IReadOnlyList<string>? portfolios, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        Validate(name, role, portfolios, expiresAt, now);
        var keyId = new string(RandomNumberGenerator.GetItems<char>(KeyIdAlphabet, KeyIdLength));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var row = new KeyRow(keyId, name, HashOf(secret), role, portfolios?.Distinct(StringComparer.Ordinal).ToArray(), Utc(now), expiresAt is { } e ? Utc(e) : null, null);
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var insert = _database.Command(connection,
            "INSERT INTO api_keys (key_id, name, secret_hash, role, portfolios, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)", null,
            row.KeyId, row.Name, Convert.ToHexStringLower(row.SecretHash), RoleText(row.Role),
            row.Portfolios is null ? null : string.Join(',', row.Portfolios), Text(row.CreatedAt), row.ExpiresAt is { } x ? Text(x) : null))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        _cache[keyId] = new CachedRow(row, Environment.TickCount64);
        return new CreatedApiKey(row.Info, $"{TokenPrefix}{keyId}_{secret}");
    }

    /// <inheritdoc />
    public async ValueTask<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken = default) =>
        (await VerifyAsync(token, cancellationToken).ConfigureAwait(false)).Caller;

    /// <inheritdoc />
    public ValueTask<ApiKeyVerification> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!TryParse(token, out var keyId, out var secret))
            return ValueTask.FromResult(new ApiKeyVerification(ApiKeyOutcome.Malformed));
        // The hot path: a cached row answers without awaiting anything.
        if (_cacheBySpan.TryGetValue(keyId, out var cached) && Environment.TickCount64 - cached.LoadedAt < s_cacheLifetimeMs)
            return ValueTask.FromResult(Check(cached.Row, secret));
        return VerifyFromDatabaseAsync(keyId.ToString(), token[^s_secretLength..], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        bool found;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var revoke = _database.Command(connection, "UPDATE api_keys SET revoked_at = $1 WHERE key_id = $2 AND revoked_at IS NULL", null,
                Text(Utc(_clock.GetUtcNow())), keyId))
            {
                await revoke.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            found = await ReadRowAsync(connection, keyId, cancellationToken).ConfigureAwait(false) is not null;
        }
        Interlocked.Increment(ref _generation);
        _cache.TryRemove(keyId, out _);
        return found;
    }

    /// <inheritdoc />
    public async Task<ApiKeyInfo?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadRowAsync(connection, keyId, cancellationToken).ConfigureAwait(false))?.Info;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = _database.Command(connection, $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, key_id");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(RowOf(reader).Info);
        return keys;
    }

    /// <summary>Splits <c>mrd_&lt;key id&gt;_&lt;secret&gt;</c> (the secret may itself hold '_': base64url) without allocating.</summary>
    internal static bool TryParse(string token, out ReadOnlySpan<char> keyId, out ReadOnlySpan<char> secret)
    {
        keyId = default;
        secret = default;
        var prefix = TokenPrefix.Length;
        if (token.Length != prefix + KeyIdLength + 1 + s_secretLength || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token[prefix + KeyIdLength] != '_')
            return false;
        keyId = token.AsSpan(prefix, KeyIdLength);
        secret = token.AsSpan(prefix + KeyIdLength + 1);
        return !keyId.ContainsAnyExcept(s_keyIdCharacters) && Base64Url.IsValid(secret, out var decoded) && decoded == SecretBytes;
    }

    private async ValueTask<ApiKeyVerification> VerifyFromDatabaseAsync(string keyId, string secret, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        KeyRow? row;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
            row = await ReadRowAsync(connection, keyId, cancellationToken).ConfigureAwait(false);
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_cache.Count >= CacheCapacity)
                _cache.Clear();
            _cache[keyId] = new CachedRow(row, Environment.TickCount64);
        }
        return Check(row, secret);
    }

    /// <summary>Right secret first: revoked and expired are said only to someone holding the key's secret.</summary>
    private ApiKeyVerification Check(KeyRow? row, ReadOnlySpan<char> secret)
    {
        if (row is null || !FixedTimeEquals(row.SecretHash, secret))
            return new ApiKeyVerification(ApiKeyOutcome.UnknownOrWrong);
        if (row.RevokedAt is not null)
            return new ApiKeyVerification(ApiKeyOutcome.Revoked);
        if (row.ExpiresAt is { } expires && _clock.GetUtcNow() >= expires)
            return new ApiKeyVerification(ApiKeyOutcome.Expired, ExpiredAt: expires);
        return new ApiKeyVerification(ApiKeyOutcome.Valid, row.Caller);
    }

    private static bool FixedTimeEquals(byte[] expectedHash, ReadOnlySpan<char> secret)
    {
        Span<byte> text = stackalloc byte[64];
        var length = Encoding.ASCII.GetBytes(secret, text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..length], hash);
        return CryptographicOperations.FixedTimeEquals(hash, expectedHash);
    }

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private async Task<KeyRow?> ReadRowAsync(DbConnection connection, string keyId, CancellationToken cancellationToken)
    {
        await using var select = _database.Command(connection, $"SELECT {Columns} FROM api_keys WHERE key_id = $1", null, keyId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RowOf(reader) : null;
    }

    private static KeyRow RowOf(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Convert.FromHexString(reader.GetString(2)),
        Enum.Parse<ApiRole>(reader.GetString(3), ignoreCase: true),
        reader.IsDBNull(4) ? null : reader.GetString(4).Split(','),
        Time(reader.GetString(5)),
        reader.IsDBNull(6) ? null : Time(reader.GetString(6)),
        reader.IsDBNull(7) ? null : Time(reader.GetString(7)));

    private static void Validate(string name, ApiRole role, IReadOnlyList<string>? portfolios, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength || name.Any(char.IsControl))
            errors.Add(new FieldError("name", $"must be 1 to {NameMaxLength} printable characters, not only spaces"));
        if (!Enum.IsDefined(role))
            errors.Add(new FieldError("role", "must be viewer, trader or admin"));
        if (portfolios is not null)
        {
            if (portfolios.Count == 0)
                errors.Add(new FieldError("portfolios", "must name at least one portfolio; leave it out for every portfolio"));
            for (var i = 0; i < portfolios.Count; i++)
            {
                var id = portfolios[i];
                if (string.IsNullOrWhiteSpace(id) || id.Length > PortfolioIdMaxLength || id.Contains(',', StringComparison.Ordinal) || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                    errors.Add(new FieldError($"portfolios[{i}]", $"'{id}' is not a portfolio id: 1 to {PortfolioIdMaxLength} characters, no spaces or commas"));
            }
        }
        if (expiresAt is { } expires && expires <= now)
            errors.Add(new FieldError("expires_at", $"{expires:O} is not in the future (now is {now:O})"));
        if (errors.Count > 0)
            throw new InvalidInputException("the API key", errors);
    }

    private static string RoleText(ApiRole role) => role.ToString().ToLowerInvariant();

    private static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record CachedRow(KeyRow? Row, long LoadedAt);

    private sealed record KeyRow(string KeyId, string Name, byte[] SecretHash, ApiRole Role, IReadOnlyList<string>? Portfolios, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
    {
        public Caller Caller { get; } = new(KeyId, Name, Role, Portfolios?.ToHashSet(StringComparer.Ordinal));

        public ApiKeyInfo Info => new(KeyId, Name, Role, Portfolios, CreatedAt, ExpiresAt, RevokedAt);
    }
}
