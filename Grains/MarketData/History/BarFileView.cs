using System.Buffers.Binary;
using System.Text;
using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// A checked look at the bytes of a <see cref="BarFile"/>: opening it verifies the length, header and checksum, so a
/// torn or corrupted file fails here with an error naming it. Values are decoded straight from the bytes, column by
/// column, with no allocation but the series' own arrays.
/// </summary>
internal readonly ref struct BarFileView
{
    private readonly ReadOnlySpan<byte> _bytes;

    private BarFileView(ReadOnlySpan<byte> bytes, Symbol symbol, TimeSpan period, int count, int priceScale, int volumeScale)
    {
        _bytes = bytes;
        Symbol = symbol;
        Period = period;
        Count = count;
        PriceScale = priceScale;
        VolumeScale = volumeScale;
    }

    public Symbol Symbol { get; }
    public TimeSpan Period { get; }
    public int Count { get; }
    public int PriceScale { get; }
    public int VolumeScale { get; }

    /// <summary>Checks <paramref name="bytes"/> (the whole file at <paramref name="path"/>); throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static BarFileView Open(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < BarFile.HeaderSize + BarFile.TrailerSize)
            throw Corrupt(path, $"is {bytes.Length} bytes long, shorter than a header; the file is truncated (a torn write?)");
        if (!bytes.StartsWith(BarFile.Magic))
            throw Corrupt(path, "does not start with MBAR; it is not a bar file");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[BarFile.VersionAt..]);
        if (version != BarFile.Version)
            throw Corrupt(path, $"is format version {version}; this build reads version {BarFile.Version}");
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[BarFile.CountAt..]);
        if (count < 0 || BarFile.Length(count) != bytes.Length)
            throw Corrupt(path, $"is {bytes.Length} bytes long, but its header counts {count} bars ({(count < 0 ? "impossible" : $"{BarFile.Length(count)} bytes")}); the file is truncated or overwritten (a torn write?)");
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^BarFile.TrailerSize..]);
        var actual = BarFile.Crc32C(bytes[..^BarFile.TrailerSize]);
        if (stored != actual)
            throw Corrupt(path, $"fails its checksum (stored CRC-32C {stored:x8}, computed {actual:x8}); the file is corrupted: re-import its data");

        // The checksum held, so what follows was written by BarFile.Encode; these checks guard against a foreign writer.
        var priceScale = bytes[BarFile.PriceScaleAt];
        var volumeScale = bytes[BarFile.VolumeScaleAt];
        if (priceScale > BarFile.MaxScale || volumeScale > BarFile.MaxScale)
            throw Corrupt(path, $"has decimal scales {priceScale} and {volumeScale}; at most {BarFile.MaxScale} is possible");
        var symbolLength = bytes[BarFile.SymbolLengthAt];
        var symbolText = Encoding.ASCII.GetString(bytes.Slice(BarFile.SymbolAt, Math.Min((int)symbolLength, BarFile.SymbolSpace)));
        if (!Symbol.TryParse(symbolText, out var symbol, out var error))
            throw Corrupt(path, $"names no valid symbol: {error}");
        var period = TimeSpan.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes[BarFile.PeriodAt..]));
        if (period <= TimeSpan.Zero)
            throw Corrupt(path, $"has a period of {period}");
        return new BarFileView(bytes, symbol, period, count, priceScale, volumeScale);
    }

    /// <summary>The open time of bar <paramref name="index"/>, in UTC ticks.</summary>
    public long TimeAt(int index) => Column(0, index);

    /// <summary>The close of bar <paramref name="index"/> as traded.</summary>
    public decimal CloseAt(int index) => ToDecimal(Column(4, index), PriceScale);

    /// <summary>The first bar opening at or after <paramref name="ticks"/> (<see cref="Count"/> when none does), by binary search on the time column.</summary>
    public int IndexAtOrAfter(long ticks)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (TimeAt(middle) < ticks)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /// <summary>
    /// Bars [<paramref name="start"/>, <paramref name="end"/>) as a series, each bar's prices multiplied by its
    /// segment's factor and rounded (see <see cref="BackAdjustment"/>); bars outside every segment are as traded.
    /// </summary>
    public BarSeries ToSeries(int start, int end, ReadOnlySpan<AdjustmentSegment> segments)
    {
        var length = Math.Max(0, end - start);
        var times = new long[length];
        var open = new decimal[length];
        var high = new decimal[length];
        var low = new decimal[length];
        var close = new decimal[length];
        var volume = new decimal[length];
        for (var i = 0; i < length; i++)
            times[i] = TimeAt(start + i);
        DecodeColumn(1, start, open, PriceScale);
        DecodeColumn(2, start, high, PriceScale);
        DecodeColumn(3, start, low, PriceScale);
        DecodeColumn(4, start, close, PriceScale);
        DecodeColumn(5, start, volume, VolumeScale);
        foreach (var segment in segments)
        {
            var from = Math.Max(segment.Start, start) - start;
            var to = Math.Min(segment.End, end) - start;
            for (var i = from; i < to; i++)
            {
                open[i] = BackAdjustment.Price(open[i], segment.PriceFactor);
                high[i] = BackAdjustment.Price(high[i], segment.PriceFactor);
                low[i] = BackAdjustment.Price(low[i], segment.PriceFactor);
                close[i] = BackAdjustment.Price(close[i], segment.PriceFactor);
                volume[i] = BackAdjustment.Volume(volume[i], segment.VolumeFactor);
            }
        }
        return new BarSeries(Symbol, Period, times, open, high, low, close, volume);
    }

    private void DecodeColumn(int column, int start, decimal[] into, int scale)
    {
        var bytes = _bytes[(BarFile.ColumnAt(column, Count) + start * sizeof(long))..];
        for (var i = 0; i < into.Length; i++)
            into[i] = ToDecimal(BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * sizeof(long))..]), scale);
    }

    private long Column(int column, int index) =>
        BinaryPrimitives.ReadInt64LittleEndian(_bytes[(BarFile.ColumnAt(column, Count) + index * sizeof(long))..]);

    /// <summary>The decimal whose digits are <paramref name="fixedPoint"/> and whose scale is <paramref name="scale"/>: no arithmetic, one constructor.</summary>
    private static decimal ToDecimal(long fixedPoint, int scale)
    {
        var negative = fixedPoint < 0;
        var magnitude = negative ? (ulong)-fixedPoint : (ulong)fixedPoint;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    private static InvalidDataException Corrupt(string path, string problem) => new($"bar file {path} {problem}");
}
