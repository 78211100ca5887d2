using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// The store's file of one symbol's bars of one period: a 64-byte header, six columns of n little-endian int64
/// (times as UTC ticks, then open, high, low, close as fixed-point with the file's price scale, then volume with its
/// volume scale), and a CRC-32C of everything before it. docs/market-data.md gives the layout byte by byte.
/// </summary>
internal static class BarFile
{
    /// <summary>The file name suffix after the period's short name (1d.bars).</summary>
    public const string Extension = ".bars";

    /// <summary>"MBAR".</summary>
    public static ReadOnlySpan<byte> Magic => "MBAR"u8;

    public const ushort Version = 1;
    public const int HeaderSize = 64;
    public const int ColumnCount = 6;
    public const int TrailerSize = 4;
    public const int MaxScale = 9;

    // Header offsets.
    public const int VersionAt = 4;
    public const int PriceScaleAt = 6;
    public const int VolumeScaleAt = 7;
    public const int PeriodAt = 8;
    public const int CountAt = 16;
    public const int SymbolLengthAt = 20;
    public const int SymbolAt = 24;
    public const int SymbolSpace = 24;
    public const int FirstTimeAt = 48;
    public const int LastTimeAt = 56;

    /// <summary>How long a file of <paramref name="count"/> bars is.</summary>
    public static long Length(int count) => HeaderSize + (long)ColumnCount * sizeof(long) * count + TrailerSize;

    /// <summary>Where column <paramref name="column"/> (0 = times, 1..4 = open..close, 5 = volume) starts.</summary>
    public static int ColumnAt(int column, int count) => HeaderSize + column * sizeof(long) * count;

    /// <summary>10^0 .. 10^9.</summary>
    public static ReadOnlySpan<long> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>The file's bytes for <paramref name="series"/>, prices and volumes as traded.</summary>
    public static byte[] Encode(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var count = series.Count;
        var priceScale = Math.Max(Math.Max(ScaleOf(series.Open), ScaleOf(series.High)), Math.Max(ScaleOf(series.Low), ScaleOf(series.Close)));
        var volumeScale = ScaleOf(series.Volume);
        var bytes = new byte[Length(count)];
        var span = bytes.AsSpan();

        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[VersionAt..], Version);
        span[PriceScaleAt] = (byte)priceScale;
        span[VolumeScaleAt] = (byte)volumeScale;
        BinaryPrimitives.WriteInt64LittleEndian(span[PeriodAt..], series.Period.Ticks);
        BinaryPrimitives.WriteInt32LittleEndian(span[CountAt..], count);
        var symbol = Encoding.ASCII.GetBytes(series.Symbol.Value);
        span[SymbolLengthAt] = (byte)symbol.Length;
        symbol.CopyTo(span[SymbolAt..]);
        if (count > 0)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[FirstTimeAt..], series.Times[0]);
            BinaryPrimitives.WriteInt64LittleEndian(span[LastTimeAt..], series.Times[count - 1]);
        }

        var times = span[ColumnAt(0, count)..];
        for (var i = 0; i < count; i++)
            BinaryPrimitives.WriteInt64LittleEndian(times[(i * sizeof(long))..], series.Times[i]);
        WriteFixed(span[ColumnAt(1, count)..], series.Open, priceScale, series, "open");
        WriteFixed(span[ColumnAt(2, count)..], series.High, priceScale, series, "high");
        WriteFixed(span[ColumnAt(3, count)..], series.Low, priceScale, series, "low");
        WriteFixed(span[ColumnAt(4, count)..], series.Close, priceScale, series, "close");
        WriteFixed(span[ColumnAt(5, count)..], series.Volume, volumeScale, series, "volume");

        var body = span[..^TrailerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(span[^TrailerSize..], Crc32C(body));
        return bytes;
    }

    /// <summary>CRC-32C (Castagnoli) of <paramref name="bytes"/>, as iSCSI and ext4 use it: check value of "123456789" is 0xE3069283.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        var whole = bytes.Length & ~7;
        // Eight bytes a step, in little-endian order (the order the CRC consumes them); the hardware instruction where there is one.
        for (var i = 0; i < whole; i += 8)
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
        for (var i = whole; i < bytes.Length; i++)
            crc = BitOperations.Crc32C(crc, bytes[i]);
        return ~crc;
    }

    /// <summary>The fewest decimal places that hold every value of <paramref name="values"/> exactly.</summary>
    private static int ScaleOf(ReadOnlySpan<decimal> values)
    {
        var scale = 0;
        foreach (var value in values)
        {
            var places = value.Scale;
            // Trailing zeros (1.50) do not count.
            while (places > scale && decimal.Round(value, places - 1) == value)
                places--;
            if (places > MaxScale)
                throw new ArgumentException($"{value} has more than {MaxScale} decimal places; the store keeps at most {MaxScale}");
            scale = Math.Max(scale, places);
        }
        return scale;
    }

    private static void WriteFixed(Span<byte> column, ReadOnlySpan<decimal> values, int scale, BarSeries series, string field)
    {
        var factor = PowersOfTen[scale];
        for (var i = 0; i < values.Length; i++)
        {
            long fixedPoint;
            try
            {
                fixedPoint = (long)(values[i] * factor);
            }
            catch (OverflowException)
            {
                throw new ArgumentException($"{series.Symbol} {field} {values[i]} at {series.TimeAt(i):O} is too large to keep with {scale} decimal places in 64 bits");
            }
            BinaryPrimitives.WriteInt64LittleEndian(column[(i * sizeof(long))..], fixedPoint);
        }
    }
}
