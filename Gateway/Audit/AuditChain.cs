using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Meridian.Gateway.Audit;

/// <summary>
/// The audit log's hash chain. An entry's hash is the lowercase hex SHA-256 of its canonical encoding: the fields seq
/// (decimal), at, actor, action, target, result, detail and prev_hash, in that order, each as a 4-byte big-endian length
/// of its UTF-8 bytes followed by those bytes, and a null field as the length -1 (FF FF FF FF) with no bytes. The lengths
/// make the encoding unambiguous: no two different entries encode the same.
/// </summary>
public static class AuditChain
{
    /// <summary>The prev_hash of entry 1.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>How <c>at</c> is written: ISO 8601 UTC with seven fractional digits.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The hash of an entry with these fields.</summary>
    public static string Hash(long seq, string at, string actor, string action, string? target, string result, string? detail, string prevHash)
    {
        Span<char> seqText = stackalloc char[20];
        seq.TryFormat(seqText, out var seqLength, provider: CultureInfo.InvariantCulture);
        var size = 8 * 4 + Encoding.UTF8.GetMaxByteCount(seqLength + at.Length + actor.Length + action.Length
            + (target?.Length ?? 0) + result.Length + (detail?.Length ?? 0) + prevHash.Length);
        var rented = size <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        Span<byte> buffer = rented is null ? stackalloc byte[1024] : rented;
        try
        {
            var written = 0;
            Append(buffer, ref written, seqText[..seqLength]);
            Append(buffer, ref written, at);
            Append(buffer, ref written, actor);
            Append(buffer, ref written, action);
            Append(buffer, ref written, target);
            Append(buffer, ref written, result);
            Append(buffer, ref written, detail);
            Append(buffer, ref written, prevHash);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The hash <paramref name="entry"/> should carry.</summary>
    public static string Hash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Hash(entry.Seq, entry.At, entry.Actor, entry.Action, entry.Target, entry.Result, entry.Detail, entry.PrevHash);
    }

    private static void Append(Span<byte> buffer, ref int written, ReadOnlySpan<char> field)
    {
        var length = Encoding.UTF8.GetBytes(field, buffer[(written + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer[written..], length);
        written += 4 + length;
    }

    private static void Append(Span<byte> buffer, ref int written, string? field)
    {
        if (field is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer[written..], -1);
            written += 4;
            return;
        }

        Append(buffer, ref written, field.AsSpan());
    }
}

/// <summary>One row of <c>audit_log</c> as stored.</summary>
public sealed record AuditEntry(long Seq, string At, string Actor, string Action, string? Target, string Result, string? Detail, string PrevHash, string Hash);
