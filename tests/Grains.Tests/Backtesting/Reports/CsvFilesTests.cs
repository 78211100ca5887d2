using Meridian.Grains.Backtesting.Reports;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed class CsvFilesTests : IDisposable
{
    private readonly TempDirectory _run = new();

    public CsvFilesTests() => BacktestReportWriter.Write(SampleRun.Result(), _run.Path);

    public void Dispose() => _run.Dispose();

    private string[] Lines(string name) => _run.Read(name).Split('\n');

    [Fact]
    public void Fills_csv_starts_with_the_agreed_columns()
    {
        Assert.Equal("time,symbol,side,quantity,price,commission,client_order_id,execution_id", Lines("fills.csv")[0]);
    }

    [Fact]
    public void Fills_csv_quotes_a_field_holding_a_comma_or_a_quote()
    {
        // client_order_id "entry,1" is quoted for its comma; execution_id e"1 is quoted and its quote doubled.
        Assert.Equal("2026-01-05T14:30:00Z,AAPL,buy,100,100.00,1.00,\"entry,1\",\"e\"\"1\"", Lines("fills.csv")[1]);
    }

    [Fact]
    public void Fills_csv_has_one_row_per_fill()
    {
        // header, three fills, and the empty string after the last line feed
        Assert.Equal(5, Lines("fills.csv").Length);
        Assert.Equal("2026-01-28T14:30:00Z,AAPL,sell,50,115.00,1.00,o-3,e-3", Lines("fills.csv")[3]);
    }

    [Fact]
    public void Orders_csv_keeps_a_reason_with_a_comma_a_quote_and_a_line_break_in_one_quoted_field()
    {
        var text = _run.Read("orders.csv");

        Assert.Contains(
            ",denied,0,,0,INSUFFICIENT_BUYING_POWER,\"order 'o-4' denied: notional 110,000 exceeds buying power 100,997 (\"\"cash\"\")\nsize it down\",",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_csv_writes_enum_values_by_their_wire_names_and_empty_fields_for_absent_prices()
    {
        var header = Lines("orders.csv")[0].Split(',');
        var canceled = Lines("orders.csv").Single(l => l.StartsWith("o-5,", StringComparison.Ordinal)).Split(',');
        string Field(string column) => canceled[Array.IndexOf(header, column)];

        Assert.Equal(
            ["client_order_id", "created_at", "symbol", "side", "type", "quantity", "status", "filled_quantity", "average_fill_price", "commission", "denial_code", "status_reason"],
            header.Take(12));
        Assert.Equal("limit", Field("type"));
        Assert.Equal("gtc", Field("time_in_force"));
        Assert.Equal("canceled", Field("status"));
        Assert.Equal("130.5", Field("limit_price"));
        Assert.Equal("", Field("average_fill_price"));
        Assert.Equal("", Field("stop_price"));
    }

    [Fact]
    public void Trades_csv_gives_the_round_trip_with_net_pnl_and_return()
    {
        var lines = Lines("trades.csv");

        Assert.Equal("symbol,direction,opened_at,closed_at,quantity,entry,exit,realized_pnl,fees,net_pnl,fill_count,return,cycle", lines[0]);
        // net = 1000 - 3 = 997; return = 997 / (100 shares x 100 entry) = 0.0997
        Assert.Equal("AAPL,long,2026-01-05T14:30:00Z,2026-01-28T14:30:00Z,100,100,110,1000,3,997,3,0.0997,1", lines[1]);
    }

    [Fact]
    public void Equity_csv_gives_the_drawdown_from_the_running_peak_at_each_point()
    {
        var lines = Lines("equity.csv");

        Assert.Equal("time,equity,drawdown", lines[0]);
        Assert.Equal("2026-01-30T21:00:00Z,101000,0", lines[3]);
        // peak 101000: (101000 - 100200) / 101000 = 800 / 101000
        Assert.Equal((800.0 / 101000).ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[4].Split(',')[2]);
        // (101000 - 99990) / 101000 = 1010 / 101000 = 0.01
        Assert.Equal("2026-02-27T21:00:00Z,99990,0.01", lines[5]);
    }
}
