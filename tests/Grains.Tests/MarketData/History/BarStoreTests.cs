using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.MarketData.History.TestSeries;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class BarStoreTests : IDisposable
{
    private static readonly TimeSpan s_fiveMinutes = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _directory = new();

    private static BarSeries OneDay(string symbol) => Daily(Symbol.Parse(symbol), ("2024-03-04", 1m, 1m, 1m, 1m, 1m));

    [Fact]
    public void Symbols_with_bars_are_listed_in_ordinal_order_with_their_periods()
    {
        Store(_directory.Path, OneDay("MSFT"));
        Store(_directory.Path, OneDay("AAPL"));
        Store(_directory.Path, Of(Symbol.Parse("AAPL"), s_fiveMinutes, (DateTimeOffset.UnixEpoch, 1m, 1m, 1m, 1m, 1m)));
        // A folder with only corporate actions holds no bars.
        _directory.Write("symbols/IBM/actions.csv", CorporateActionCsv.Header + "\n");

        var store = BarStore.Open(_directory.Path);

        Assert.Equal(["AAPL", "MSFT"], store.Symbols().Select(s => s.Value));
        Assert.Equal([s_fiveMinutes, BarPeriod.Day], store.Periods(Symbol.Parse("AAPL")));
        Assert.True(store.Contains(Symbol.Parse("MSFT"), BarPeriod.Day));
        Assert.False(store.Contains(Symbol.Parse("MSFT"), s_fiveMinutes));
    }

    [Fact]
    public void A_symbol_with_a_slash_lives_in_a_folder_with_an_underscore()
    {
        var store = Store(_directory.Path, OneDay("BTC/USD"));

        Assert.True(File.Exists(_directory["symbols/BTC_USD/1d.bars"]));
        Assert.Equal([Symbol.Parse("BTC/USD")], store.Symbols());
        Assert.Equal(1m, store.Read(Symbol.Parse("BTC/USD"), BarPeriod.Day, PriceAdjustment.Raw).Close[0]);
    }

    [Fact]
    public void Reading_a_period_that_is_not_stored_names_those_that_are()
    {
        var store = Store(_directory.Path, OneDay("XYZ"));

        var error = Assert.Throws<KeyNotFoundException>(() => store.Read(Xyz, s_fiveMinutes, PriceAdjustment.Raw));

        Assert.Equal($"the store in {store.Directory} has no 5m bars of XYZ, only 1d", error.Message);
    }

    [Fact]
    public void Reading_a_corrupted_file_names_it()
    {
        var store = Store(_directory.Path, OneDay("XYZ"));
        var path = _directory["symbols/XYZ/1d.bars"];
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => store.Read(Xyz, BarPeriod.Day, PriceAdjustment.Raw));

        Assert.StartsWith($"bar file {path} fails its checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_moved_to_another_symbol_s_folder_is_refused()
    {
        Store(_directory.Path, OneDay("XYZ"));
        Directory.Move(_directory["symbols/XYZ"], _directory["symbols/ABC"]);

        var error = Assert.Throws<InvalidDataException>(() => BarStore.Open(_directory.Path).Read(Symbol.Parse("ABC"), BarPeriod.Day, PriceAdjustment.Raw));

        Assert.Contains("holds 1d bars of XYZ, not 1d bars of ABC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_and_to_are_both_inclusive()
    {
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 1m, 1m, 1m, 1m, 1m),
            ("2024-03-05", 2m, 2m, 2m, 2m, 1m),
            ("2024-03-06", 3m, 3m, 3m, 3m, 1m),
            ("2024-03-07", 4m, 4m, 4m, 4m, 1m)));

        var bars = store.Read(Xyz, BarPeriod.Day, PriceAdjustment.Raw, TradingDay.Start(Date("2024-03-05")), TradingDay.Start(Date("2024-03-06")));

        Assert.Equal([2m, 3m], bars.Close.ToArray());
    }

    [Fact]
    public void A_range_with_no_bars_is_an_empty_series()
    {
        var store = Store(_directory.Path, OneDay("XYZ"));

        Assert.Equal(0, store.Read(Xyz, BarPeriod.Day, PriceAdjustment.All, TradingDay.Start(Date("2025-01-01"))).Count);
    }

    [Fact]
    public void Corporate_actions_come_back_in_ex_date_order()
    {
        var store = Store(_directory.Path, OneDay("XYZ"), Dividend("2024-06-01", 0.1m), Split("2024-01-02", 2m));

        Assert.Equal([Split("2024-01-02", 2m), Dividend("2024-06-01", 0.1m)], store.CorporateActions(Xyz));
        Assert.Empty(store.CorporateActions(Symbol.Parse("ABC")));
    }

    [Fact]
    public void Opening_a_directory_that_does_not_exist_says_so()
    {
        var missing = _directory["nothing-here"];

        var error = Assert.Throws<DirectoryNotFoundException>(() => BarStore.Open(missing));

        Assert.Equal($"the data directory {missing} does not exist; import bars into it first", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
