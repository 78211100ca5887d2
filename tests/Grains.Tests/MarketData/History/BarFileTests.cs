using System.Buffers.Binary;
using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.MarketData.History.TestSeries;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class BarFileTests
{
    private static readonly BarSeries s_twoBars = Daily(Xyz,
        ("2024-03-04", 10.50m, 10.75m, 9.5m, 10.25m, 1500m),
        ("2024-03-05", 10.25m, 11m, 10m, 11m, 2000.0m));

    [Fact]
    public void Crc32C_of_123456789_is_the_catalogued_check_value() =>
        // CRC-32C's published check value (Castagnoli; RFC 3720 and the CRC catalogue).
        Assert.Equal(0xE3069283u, BarFile.Crc32C("123456789"u8));

    [Fact]
    public void A_file_is_a_64_byte_header_six_columns_of_8_bytes_a_bar_and_a_4_byte_checksum() =>
        // 64 + 6 x 8 x 2 + 4 = 164
        Assert.Equal(164, BarFile.Encode(s_twoBars).Length);

    [Fact]
    public void The_header_names_magic_version_scales_period_count_symbol_and_time_span()
    {
        var bytes = BarFile.Encode(s_twoBars);

        Assert.Equal("MBAR"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        // Prices need two places (10.75, 10.25); volumes none (2000.0 is 2000).
        Assert.Equal(2, bytes[6]);
        Assert.Equal(0, bytes[7]);
        // A day is 24 x 3600 x 10^7 ticks of 100 ns.
        Assert.Equal(864_000_000_000L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(3, bytes[20]);
        Assert.Equal("XYZ\0"u8.ToArray(), bytes[24..28]);
        // 4 March 2024 00:00 New York is 05:00 UTC (EST, UTC-5); 5 March likewise.
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 0, 0, TimeSpan.Zero).UtcTicks, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(48)));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 5, 0, 0, TimeSpan.Zero).UtcTicks, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(56)));
    }

    [Fact]
    public void Prices_are_fixed_point_integers_at_the_file_s_scale_column_after_column()
    {
        var bytes = BarFile.Encode(s_twoBars);
        long At(int offset) => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset));

        // Columns of 2 bars are 16 bytes each from offset 64: times 64, open 80, high 96, low 112, close 128, volume 144.
        Assert.Equal(1050, At(80)); // 10.50 x 100
        Assert.Equal(1025, At(88)); // 10.25 x 100
        Assert.Equal(1075, At(96)); // 10.75 x 100
        Assert.Equal(950, At(112)); // 9.5 x 100
        Assert.Equal(1100, At(136)); // 11 x 100
        Assert.Equal(2000, At(152)); // 2000 x 10^0
        Assert.Equal(BarFile.Crc32C(bytes.AsSpan(0, 160)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(160)));
    }

    [Fact]
    public void Decoding_gives_back_every_value_exactly()
    {
        var series = BarFileView.Open(BarFile.Encode(s_twoBars), "x.bars").ToSeries(0, 2, []);

        Assert.Equal(s_twoBars.Symbol, series.Symbol);
        Assert.Equal(s_twoBars.Period, series.Period);
        Assert.Equal(s_twoBars.Times.ToArray(), series.Times.ToArray());
        Assert.Equal([10.50m, 10.25m], series.Open.ToArray());
        Assert.Equal([10.75m, 11m], series.High.ToArray());
        Assert.Equal([9.5m, 10m], series.Low.ToArray());
        Assert.Equal([10.25m, 11m], series.Close.ToArray());
        Assert.Equal([1500m, 2000m], series.Volume.ToArray());
    }

    [Fact]
    public void A_truncated_file_is_refused_as_torn()
    {
        var bytes = BarFile.Encode(s_twoBars)[..150];

        var error = Assert.Throws<InvalidDataException>(() => BarFileView.Open(bytes, "XYZ/1d.bars"));

        Assert.Equal("bar file XYZ/1d.bars is 150 bytes long, but its header counts 2 bars (164 bytes); the file is truncated or overwritten (a torn write?)", error.Message);
    }

    [Fact]
    public void A_changed_byte_fails_the_checksum()
    {
        var bytes = BarFile.Encode(s_twoBars);
        bytes[130] ^= 0x01;

        var error = Assert.Throws<InvalidDataException>(() => BarFileView.Open(bytes, "XYZ/1d.bars"));

        Assert.StartsWith("bar file XYZ/1d.bars fails its checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_with_more_than_nine_decimal_places_cannot_be_stored() =>
        Assert.Throws<ArgumentException>(() => BarFile.Encode(Daily(Xyz, ("2024-03-04", 1.0000000001m, 2m, 1m, 1m, 1m))));

    [Fact]
    public void An_empty_series_is_a_header_and_a_checksum()
    {
        var bytes = BarFile.Encode(Daily(Xyz));

        Assert.Equal(68, bytes.Length);
        Assert.Equal(0, BarFileView.Open(bytes, "x").Count);
    }
}
