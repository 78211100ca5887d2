using Meridian.Silo.Commands;

namespace Meridian.Silo.Tests;

/// <summary>Bars imported with the import command, then backtested from the store, and the errors a user meets on the way.</summary>
public sealed class ImportThenBacktestTests : IDisposable
{
    // Five sessions of a made-up symbol, Yahoo's format (Adj Close equal to Close: no dividends).
    private const string Yahoo =
        """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-03-04,10.00,10.50,9.80,10.20,10.20,1000
        2024-03-05,10.20,10.60,10.00,10.40,10.40,1200
        2024-03-06,10.40,10.90,10.30,10.80,10.80,900
        2024-03-07,10.80,11.00,10.50,10.60,10.60,1100
        2024-03-08,10.60,10.70,10.10,10.20,10.20,1000

        """;

    private readonly TemporaryDirectory _directory = new();

    private string Data => _directory.File("data");

    private static (int Code, string Output, string Error) Import(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ImportCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> BacktestAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BacktestCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Imported_bars_are_backtested_from_the_store_and_buy_and_hold_ends_at_the_last_close()
    {
        var file = _directory.File("abc.csv");
        await File.WriteAllTextAsync(file, Yahoo, TestContext.Current.CancellationToken);
        var import = Import("--data", Data, "--format", "yahoo", "--symbol", "ABC", file);
        Assert.True(import.Code == 0, import.Error);

        var run = await BacktestAsync("--data", Data, "--strategy", "buy-and-hold", "--allocation", "1", "--cash", "1020", "--out", _directory.File("run"));

        // buy-and-hold: at the first close (10.20) floor(1020 x 1 / 1 / 10.20) = 100 shares, filled at the next open
        // 10.20; held to the last close 10.20: equity 1020 - 1020 + 100 x 10.20 = 1020.00, one fill.
        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("5 bars", run.Output, StringComparison.Ordinal);
        var fills = await File.ReadAllLinesAsync(Path.Combine(_directory.File("run"), "fills.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(2, fills.Length);
        Assert.StartsWith("2024-03-05T05:00:00Z,ABC,buy,100,10.2", fills[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_range_with_no_bars_says_so()
    {
        var file = _directory.File("abc.csv");
        await File.WriteAllTextAsync(file, Yahoo, TestContext.Current.CancellationToken);
        Assert.Equal(0, Import("--data", Data, "--format", "yahoo", "--symbol", "ABC", file).Code);

        var (code, _, error) = await BacktestAsync("--data", Data, "--start", "2025-01-01", "--end", "2025-02-01");

        Assert.Equal(1, code);
        Assert.Contains("there are no bars between 2025-01-01 and 2025-02-01 for ABC", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbol_the_store_does_not_have_is_named_with_the_ones_it_has()
    {
        var file = _directory.File("abc.csv");
        await File.WriteAllTextAsync(file, Yahoo, TestContext.Current.CancellationToken);
        Assert.Equal(0, Import("--data", Data, "--format", "yahoo", "--symbol", "ABC", file).Code);

        var (code, _, error) = await BacktestAsync("--data", Data, "--symbols", "XYZ");

        Assert.Equal(1, code);
        Assert.Contains("no 1d bars of XYZ; it has ABC", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_is_named_with_its_line_and_column_and_nothing_is_imported()
    {
        var file = _directory.File("bad.csv");
        await File.WriteAllTextAsync(file, Yahoo.Replace("10.40,10.40,1200", "10.4x,10.40,1200", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, _, error) = Import("--data", Data, "--format", "yahoo", "--symbol", "ABC", file);

        Assert.Equal(1, code);
        Assert.Contains("bad.csv line 3, column 5 (Close)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Data, "symbols")), "a failed import left bars behind");
    }

    public void Dispose() => _directory.Dispose();
}
