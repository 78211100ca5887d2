using Meridian.Brokers.Alpaca.MarketData;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;
using static Meridian.Brokers.Alpaca.Tests.MarketData.MarketDataTestData;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>Alpaca's pages through the importer into the bar store: all or nothing, as for files.</summary>
public sealed class AlpacaBarsImporterTests : IAsyncLifetime
{
    private static readonly Symbol s_aapl = Symbol.Parse("AAPL");
    private static readonly Symbol s_msft = Symbol.Parse("MSFT");
    private readonly HttpClient _http = new();
    private readonly ScratchDirectory _scratch = new();
    private FakeDataServer _fake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Data => _scratch.Sub("data");

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDataServer.StartAsync();
        _fake.PageSize = 2;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _scratch.Dispose();
        await _fake.DisposeAsync();
    }

    private AlpacaBarsImporter Importer() => new(Client(_fake, _http), new BarImporter(new QualityGate(QualityRules.Default)));

    private static AlpacaBarsQuery Days(DateOnly first, DateOnly last, params Symbol[] symbols) => AlpacaBarsQuery.ForDates(symbols, first, last);

    [Fact]
    public async Task Every_symbol_s_bars_are_stored_whole_though_the_pages_cut_them()
    {
        _fake.AddBars("AAPL", Aapl);
        _fake.AddBars("MSFT", Msft);
        var pages = new List<int>();

        var result = await Importer().ImportAsync(
            Days(new(2024, 1, 2), new(2024, 1, 4), s_aapl, s_msft), Data, progress: new Recorder(pages), cancellationToken: Cancel);

        // Pages of two: [AAPL 2, AAPL 3], [AAPL 4, MSFT 2], [MSFT 3, MSFT 4].
        Assert.Equal([2, 2, 2], pages);
        Assert.Equal(3, result.Pages);
        Assert.Empty(result.SymbolsWithoutBars);
        Assert.Equal([("AAPL", "1d", 3, 3), ("MSFT", "1d", 3, 3)], result.Report.Symbols.Select(s => (s.Symbol.Value, s.Period, s.Read, s.Stored)));
        var store = BarStore.Open(Data);
        var aapl = store.Read(s_aapl, BarPeriod.Day, PriceAdjustment.Raw);
        Assert.Equal([185.64m, 184.25m, 181.91m], aapl.Close.ToArray());
        Assert.Equal([187.15m, 184.22m, 182.15m], aapl.Open.ToArray());
        Assert.Equal(new DateTimeOffset(2024, 1, 4, 5, 0, 0, TimeSpan.Zero), aapl.TimeAt(2));
        Assert.Equal([370.87m, 370.60m, 367.94m], store.Read(s_msft, BarPeriod.Day, PriceAdjustment.Raw).Close.ToArray());
        // The pages went through the importer as files, which are gone afterwards.
        Assert.Equal(["alpaca-page-1.json", "alpaca-page-2.json", "alpaca-page-3.json"], result.Report.Files.Select(Path.GetFileName));
        Assert.All(result.Report.Files, file => Assert.False(File.Exists(file)));
    }

    [Fact]
    public async Task A_rejected_import_leaves_the_store_as_it_was()
    {
        _fake.AddBars("AAPL", Aapl);
        await Importer().ImportAsync(Days(new(2024, 1, 2), new(2024, 1, 3), s_aapl), Data, cancellationToken: Cancel);
        var before = ScratchDirectory.Snapshot(Data);
        // MSFT's 2024-01-03 bar has no close; it arrives on the third page: [AAPL 2, AAPL 3], [AAPL 4, MSFT 2], [MSFT 3, MSFT 4].
        _fake.AddBars("MSFT", Msft[0], new FakeBar(new DateTimeOffset(2024, 1, 3, 5, 0, 0, TimeSpan.Zero),
            """{"h":373.26,"l":368.51,"n":2308350,"o":369.01,"t":"2024-01-03T05:00:00Z","v":23083500,"vw":370.79}"""), Msft[2]);

        var error = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            Importer().ImportAsync(Days(new(2024, 1, 2), new(2024, 1, 4), s_aapl, s_msft), Data, cancellationToken: Cancel));

        Assert.Equal(["alpaca-page-3.json line 1 (c): is missing; a bar needs t, o, h, l, c and v"], error.Errors.Kept.Select(e => e.ToString()));
        Assert.Equal(before, ScratchDirectory.Snapshot(Data));
        Assert.Equal(2, BarStore.Open(Data).Read(s_aapl, BarPeriod.Day, PriceAdjustment.Raw).Count);
        Assert.False(BarStore.Open(Data).Contains(s_msft, BarPeriod.Day));
    }

    [Fact]
    public async Task A_refusal_by_alpaca_on_a_later_page_writes_nothing()
    {
        // The first page comes with a token; then the key is refused (revoked in between).
        _fake.Script(200, """{"bars":{"AAPL":[{"c":185.64,"h":188.44,"l":183.89,"n":1,"o":187.15,"t":"2024-01-02T05:00:00Z","v":82488700,"vw":186}]},"next_page_token":"QUFQTHwy","currency":"USD"}""");
        _fake.Script(401, """{"code":40110000,"message":"request is not authorized"}""");

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Importer().ImportAsync(Days(new(2024, 1, 2), new(2024, 1, 4), s_aapl), Data, cancellationToken: Cancel));

        Assert.Equal(AlpacaErrorKind.Unauthorized, error.Kind);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task No_bars_at_all_is_refused_naming_the_query_and_nothing_is_made()
    {
        var error = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            Importer().ImportAsync(Days(new(2024, 1, 2), new(2024, 1, 4), Symbol.Parse("ZZZZ")), Data, cancellationToken: Cancel));

        Assert.StartsWith("Alpaca sent no bars of ZZZZ (1Day, 2024-01-02T05:00:00.0000000+00:00 to 2024-01-05T04:59:59.0000000+00:00, feed iex); nothing was written.",
            error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task A_symbol_alpaca_has_no_bars_of_is_reported_and_the_others_are_stored()
    {
        _fake.AddBars("AAPL", Aapl);

        var result = await Importer().ImportAsync(Days(new(2024, 1, 2), new(2024, 1, 4), s_aapl, Symbol.Parse("ZZZZ")), Data, cancellationToken: Cancel);

        Assert.Equal([Symbol.Parse("ZZZZ")], result.SymbolsWithoutBars);
        Assert.Equal(["AAPL"], result.Report.Symbols.Select(s => s.Symbol.Value));
    }

    private sealed class Recorder(List<int> counts) : IProgress<AlpacaBarsPage>
    {
        public void Report(AlpacaBarsPage value) => counts.Add(value.BarCount);
    }
}
