namespace Meridian.Brokers.Alpaca.Configuration;

/// <summary>An Alpaca key pair. <see cref="ToString"/> shows only the key id's first characters: the secret never reaches a log.</summary>
public sealed class AlpacaCredentials(string keyId, string secretKey)
{
    /// <summary>The key id, sent as <c>APCA-API-KEY-ID</c>.</summary>
    public string KeyId { get; } = keyId;

    /// <summary>The secret, sent as <c>APCA-API-SECRET-KEY</c>. Never logged.</summary>
    public string SecretKey { get; } = secretKey;

    /// <summary>The key id masked to its first four characters, for messages a person reads.</summary>
    public string MaskedKeyId => KeyId.Length <= 4 ? "****" : string.Concat(KeyId.AsSpan(0, 4), "****");

    /// <inheritdoc />
    public override string ToString() => $"Alpaca key {MaskedKeyId}";
}
