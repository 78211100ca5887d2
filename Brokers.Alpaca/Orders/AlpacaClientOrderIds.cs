using System.Security.Cryptography;
using System.Text;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// The client_order_id an order is sent to Alpaca under, derived from the platform's client order id alone, so it is the
/// same on every attempt and after a restart: the platform's id itself when it fits in <see cref="MaxLength"/> characters
/// (Alpaca's older limit, safe under the current 128), otherwise its first 31 characters, a dash and 16 hex digits of its
/// SHA-256.
/// </summary>
public static class AlpacaClientOrderIds
{
    /// <summary>The longest id sent.</summary>
    public const int MaxLength = 48;

    private const int KeptPrefix = MaxLength - 17;

    /// <summary>The Alpaca client_order_id of the platform order <paramref name="clientOrderId"/>.</summary>
    public static string For(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        if (clientOrderId.Length <= MaxLength)
            return clientOrderId;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientOrderId));
        return string.Concat(clientOrderId.AsSpan(0, KeptPrefix), "-", Convert.ToHexStringLower(hash, 0, 8));
    }
}
