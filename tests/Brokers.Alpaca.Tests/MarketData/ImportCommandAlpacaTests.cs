using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Silo.Commands;
using static Meridian.Brokers.Alpaca.Tests.MarketData.MarketDataTestData;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary><c>import --alpaca</c>: settings, usage errors and exit codes, against the fake data host.</summary>
public sealed class ImportCommandAlpacaTests : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();
    private FakeDataServer _fake = null!;

    private string Data => _scratch.Sub("data");

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDataServer.StartAsync();
        _fake.AddBars("AAPL", Aapl);
        _fake.AddBars("MSFT", Msft);
    }

    public async ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        await _fake.DisposeAsync();
    }

    private static async Task<(int Code, string Output, string Error)> ImportAsync(Func<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, error, settings, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Args(params string[] more) =>
        ["--data", Data, "--alpaca", "--symbols", "AAPL,MSFT", "--start", "2024-01-02", "--end", "2024-01-05", .. more];

    [Fact]
    public async Task Bars_are_downloaded_into_the_store_and_the_import_is_summed_up()
    {
        _fake.PageSize = 3;

        var (code, output, error) = await ImportAsync(Settings(_fake), Args("--adjustment", "split"));

        // Seven bars, three a page: [AAPL 2, 3, 4], [AAPL 5, MSFT 2, 3], [MSFT 4].
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
        [
            $"alpaca: AAPL,MSFT 1Day from 2024-01-02 to 2024-01-05, adjustment split, feed iex, from {_fake.BaseUrl}",
            "alpaca: page 1: 3 bars",
            "alpaca: page 2: 3 bars",
            "alpaca: page 3: 1 bars",
            "AAPL 1d: 4 read, 4 accepted (4 new, 0 replacing stored bars of the same time), 0 quarantined, 0 missing sessions; 4 stored",
            "MSFT 1d: 3 read, 3 accepted (3 new, 0 replacing stored bars of the same time), 0 quarantined, 0 missing sessions; 3 stored",
        ], lines[..^1]);
        Assert.StartsWith("report: ", lines[^1], StringComparison.Ordinal);
        Assert.Equal("split", _fake.BarRequests[0]["adjustment"]);
        Assert.Equal([185.64m, 184.25m, 181.91m, 181.18m], BarStore.Open(Data).Read(Symbol.Parse("AAPL"), BarPeriod.Day, PriceAdjustment.Raw).Close.ToArray());
    }

    [Fact]
    public async Task Alpaca_s_own_key_names_are_accepted()
    {
        var (code, _, error) = await ImportAsync(Settings(_fake, keyName: "APCA_API_KEY_ID", secretName: "APCA_API_SECRET_KEY"), Args());

        Assert.True(code == 0, error);
        Assert.True(BarStore.Open(Data).Contains(Symbol.Parse("MSFT"), BarPeriod.Day));
    }

    [Fact]
    public async Task A_missing_key_is_a_usage_error_naming_both_settings()
    {
        var (code, _, error) = await ImportAsync(_ => null, Args());

        Assert.Equal(2, code);
        Assert.Contains("import: ALPACA_API_KEY_ID is not set (nor APCA_API_KEY_ID)", error, StringComparison.Ordinal);
        Assert.Contains("import: ALPACA_API_SECRET_KEY is not set (nor APCA_API_SECRET_KEY)", error, StringComparison.Ordinal);
        Assert.Equal(0, _fake.BarRequestCount);
    }

    [Fact]
    public async Task A_refused_key_exits_1_naming_the_settings_without_the_secret()
    {
        var (code, _, error) = await ImportAsync(Settings(_fake, secret: "not-the-secret"), Args());

        Assert.Equal(1, code);
        Assert.Contains("Check the settings ALPACA_API_KEY_ID and ALPACA_API_SECRET_KEY", error, StringComparison.Ordinal);
        Assert.Contains("import: nothing was written", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Theory]
    [InlineData(new[] { "--timeframe", "1Week" }, "import: --timeframe '1Week': the bar store keeps no bars longer than a day")]
    [InlineData(new[] { "--feed", "nasdaq" }, "import: --feed 'nasdaq' is not one of iex, sip, boats, otc")]
    [InlineData(new[] { "--adjustment", "total" }, "import: --adjustment 'total' is not one of raw, split, dividend, spin-off, all")]
    [InlineData(new[] { "--format", "yahoo" }, "import: --format applies to file imports only")]
    [InlineData(new[] { "--period", "1d" }, "import: --period applies to file imports only; with --alpaca give --timeframe")]
    [InlineData(new[] { "--actions", "actions.csv" }, "import: --actions goes with --adjustment raw")]
    [InlineData(new[] { "bars.json" }, "import: --alpaca downloads the bars; give no files (bars.json)")]
    public async Task Wrong_options_are_usage_errors_that_say_what_to_do(string[] more, string expected)
    {
        var (code, _, error) = await ImportAsync(Settings(_fake), Args(more));

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(0, _fake.BarRequestCount);
    }

    [Fact]
    public async Task A_data_host_that_is_no_http_url_is_a_usage_error_naming_its_setting()
    {
        var settings = Settings(_fake);

        var (code, _, error) = await ImportAsync(name => name == "MERIDIAN_ALPACA_DATA_URL" ? "ftp://data.example" : settings(name), Args());

        Assert.Equal(2, code);
        Assert.Contains("import: MERIDIAN_ALPACA_DATA_URL 'ftp://data.example' is not an http(s) URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_is_required_and_must_not_follow_end()
    {
        var missing = await ImportAsync(Settings(_fake), "--data", Data, "--alpaca", "--symbols", "AAPL");
        var reversed = await ImportAsync(Settings(_fake), "--data", Data, "--alpaca", "--symbols", "AAPL", "--start", "2024-02-01", "--end", "2024-01-01");

        Assert.Equal((2, 2), (missing.Code, reversed.Code));
        Assert.Contains("import: --start is required with --alpaca (yyyy-MM-dd)", missing.Error, StringComparison.Ordinal);
        Assert.Contains("import: --start 2024-02-01 is after --end 2024-01-01", reversed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alpaca_options_without_alpaca_are_refused_for_a_file_import()
    {
        var (code, _, error) = await ImportAsync(Settings(_fake), "--data", Data, "--format", "alpaca", "--feed", "iex", "bars.json");

        Assert.Equal(2, code);
        Assert.Contains("import: --feed applies to --alpaca only", error, StringComparison.Ordinal);
    }
}
