using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Meridian.Gateway.Webhooks;

/// <summary>
/// A broker webhook's signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the shared secret, of the
/// timestamp (unix seconds, as sent in <c>X-Meridian-Timestamp</c>), a dot, and the raw body.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the unix-seconds timestamp.</summary>
    public const string TimestampHeader = "X-Meridian-Timestamp";

    /// <summary>The header carrying <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Meridian-Signature";

    private const string Prefix = "sha256=";

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        return Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));
    }

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="time"/>.</summary>
    public static string Sign(string secret, DateTimeOffset time, ReadOnlySpan<byte> body) =>
        Sign(secret, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body);

    /// <summary>Whether <paramref name="signature"/> (the header's value) is the signature of timestamp and body, compared in constant time.</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(signature);
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 2 * HMACSHA256.HashSizeInBytes)
            return false;
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
            return false;
        return CryptographicOperations.FixedTimeEquals(Mac(secret, timestamp, body), given);
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var at = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[at] = (byte)'.';
        body.CopyTo(signed.AsSpan(at + 1));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
