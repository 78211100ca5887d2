using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;
using Meridian.Grains.Tests.MarketData.History;

namespace Meridian.Grains.Tests.MarketData.Import;

public sealed class BarImporterTests : IDisposable
{
    private const string YahooHeader = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    private static readonly Symbol s_orcl = Symbol.Parse("ORCL");
    private static readonly DateTimeOffset s_now = new(2024, 3, 9, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeQualityGate _gate = new();

    private string Data => _temp["data"];

    private ImportReport Import(params string[] files) => Import(new ImportRequest { DataDirectory = Data, Files = files, Parser = YahooCsv.Parser });

    private ImportReport Import(ImportRequest request) => new BarImporter(_gate, new StoppedClock(s_now)).Import(request);

    private string Yahoo(string name, params string[] rows) => _temp.Write(name, YahooHeader + string.Concat(rows.Select(r => r + "\n")));

    private BarSeries Read(Symbol symbol, PriceAdjustment adjustment = PriceAdjustment.Raw) => BarStore.Open(Data).Read(symbol, BarPeriod.Day, adjustment);

    [Fact]
    public void A_yahoo_import_stores_the_bars_and_writes_its_report_with_them()
    {
        var file = Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100", "2024-03-05,10.5,12,10,11.5,11.5,200");

        var report = Import(file);

        Assert.Equal([10.5m, 11.5m], Read(s_orcl).Close.ToArray());
        var symbol = Assert.Single(report.Symbols);
        Assert.Equal((s_orcl, "1d", 2, 2, 2, 0, 2), (symbol.Symbol, symbol.Period, symbol.Read, symbol.Accepted, symbol.Added, symbol.Replaced, symbol.Stored));
        Assert.Equal(["reports/20240309T120000.000Z-import.json", "reports/20240309T120000.000Z-import.md"], report.ReportFiles);
        Assert.Equal([Path.Combine(Data, report.ReportFiles[0])], BarStore.Open(Data).ImportReports());
        var stored = ImportReport.FromJson(File.ReadAllText(Path.Combine(Data, report.ReportFiles[0])));
        Assert.Equal((s_now, s_orcl, 2), (stored.ImportedAt, stored.Symbols[0].Symbol, stored.Symbols[0].Stored));
        Assert.Contains("ORCL 1d: 2 read, 2 accepted (2 new, 0 replacing stored bars of the same time), 0 quarantined, 0 missing sessions; 2 stored",
            File.ReadAllText(Path.Combine(Data, report.ReportFiles[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quarantined_bar_is_reported_with_file_line_rule_and_reason_and_is_not_stored()
    {
        var file = Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100", "2024-03-05,10.5,12,10,0,0,200", "2024-03-06,10.5,12,10,11,11,200");

        var report = Import(file);

        var quarantined = Assert.Single(report.Symbols[0].Quarantined);
        Assert.Equal(("orcl.csv", 3, QualityRule.NonPositivePrice, "close 0 is not positive"), (quarantined.Bar.File, quarantined.Bar.Line, quarantined.Rule, quarantined.Reason));
        Assert.Equal([10.5m, 11m], Read(s_orcl).Close.ToArray());
        Assert.Contains("| orcl.csv | 3 | 2024-03-05 05:00Z | non_positive_price | close 0 is not positive |",
            File.ReadAllText(Path.Combine(Data, report.ReportFiles[1])), StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"non_positive_price\"", File.ReadAllText(Path.Combine(Data, report.ReportFiles[0])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbol_whose_every_bar_is_quarantined_gets_no_bar_file()
    {
        var report = Import(Yahoo("orcl.csv", "2024-03-04,10,11,9,0,0,100"));

        Assert.Equal((1, 0, 0), (report.Symbols[0].Read, report.Symbols[0].Accepted, report.Symbols[0].Stored));
        Assert.Empty(BarStore.Open(Data).Symbols());
    }

    [Fact]
    public void Missing_sessions_from_the_gate_are_in_the_report()
    {
        var gate = new FakeQualityGate { Missing = [new MissingSession(new DateTimeOffset(2024, 3, 5, 5, 0, 0, TimeSpan.Zero), "no bar on Tuesday 2024-03-05")] };
        var file = Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100", "2024-03-06,10.5,12,10,11,11,200");

        var report = new BarImporter(gate, new StoppedClock(s_now)).Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = YahooCsv.Parser });

        Assert.Single(report.Symbols[0].MissingSessions);
        Assert.Contains("- 2024-03-05 05:00Z: no bar on Tuesday 2024-03-05", File.ReadAllText(Path.Combine(Data, report.ReportFiles[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_in_the_second_of_two_files_leaves_the_directory_byte_identical()
    {
        Import(Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100"));
        var before = TempDirectory.Fingerprint(Data);
        var good = Yahoo("msft.csv", "2024-03-04,10,11,9,10.5,10.5,100");
        var bad = Yahoo("ibm.csv", "2024-03-04,10,11,9,10.5,10.5,100", "2024-03-05,10,11,9,ten,10.5,100");

        var error = Assert.Throws<ImportRejectedException>(() => Import(good, bad));

        Assert.Equal(["ibm.csv line 3, column 5 (Close): 'ten' is not a number; expected a decimal like 12.50"], error.Errors.Kept.Select(e => e.ToString()));
        Assert.Equal(before, TempDirectory.Fingerprint(Data));
    }

    [Fact]
    public void An_import_refused_after_making_its_directory_leaves_no_directory()
    {
        var actions = _temp.Write("actions.csv", "date,symbol,type,value\n2024-03-05,ORCL,dividend,10\n");
        var file = Yahoo("orcl.csv", "2024-03-04,10,11,9,10,10,100", "2024-03-05,10.5,12,10,11,11,200");

        var error = Assert.Throws<ImportRejectedException>(() => Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = YahooCsv.Parser, ActionsFile = actions }));

        Assert.Equal("orcl.csv: ORCL dividend 10 going ex on 2024-03-05 is not less than the close 10 of the bar before it (2024-03-04); check the corporate actions", Assert.Single(error.Errors.Kept).ToString());
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public void Re_importing_overlapping_bars_replaces_those_at_the_same_time_and_says_so()
    {
        Import(Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100", "2024-03-05,10.5,12,10,11.5,11.5,200"));

        var report = Import(Yahoo("orcl.csv", "2024-03-05,10.5,12,10,11.75,11.75,250", "2024-03-06,11,12,10,11,11,300"));

        var symbol = report.Symbols[0];
        Assert.Equal((2, 1, 1, 3), (symbol.Accepted, symbol.Added, symbol.Replaced, symbol.Stored));
        Assert.Equal([10.5m, 11.75m, 11m], Read(s_orcl).Close.ToArray());
        Assert.Contains("1 bars were already stored at the same open time and were replaced by the imported ones.",
            File.ReadAllText(Path.Combine(Data, report.ReportFiles[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void Derived_dividends_are_stored_and_adjust_earlier_prices()
    {
        // k = 39.60 / 40.00 = 0.99, then 1 on the 6th: D = 40.00 x 0.01 = 0.40, factor 1 - 0.40 / 40.00 = 0.99.
        var file = Yahoo("orcl.csv", "2024-03-04,40.00,40.00,40.00,40.00,39.60,100", "2024-03-05,40.00,40.00,40.00,40.00,39.60,100", "2024-03-06,39.80,39.80,39.80,39.80,39.80,100");

        var report = Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = YahooCsv.Parser, DeriveDividends = true });

        var dividend = new CorporateAction(s_orcl, new DateOnly(2024, 3, 6), CorporateActionKind.CashDividend, 0.40m);
        Assert.Equal([dividend], report.Actions);
        Assert.Equal([dividend], BarStore.Open(Data).CorporateActions(s_orcl));
        Assert.Equal([39.6m, 39.6m, 39.8m], Read(s_orcl, PriceAdjustment.All).Close.ToArray()); // 40 x 0.99, 40 x 0.99, as traded
    }

    [Fact]
    public void Deriving_dividends_from_a_file_without_an_adjusted_close_is_refused()
    {
        var file = _temp.Write("aapl.json", """{"symbol":"AAPL","bars":[{"t":"2024-03-04T05:00:00Z","o":1,"h":1,"l":1,"c":1,"v":1},{"t":"2024-03-05T05:00:00Z","o":1,"h":1,"l":1,"c":1,"v":1}]}""");

        var error = Assert.Throws<ImportRejectedException>(() => Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = new AlpacaBarsParser(), DeriveDividends = true }));

        Assert.Equal(["aapl.json: has no adjusted close to derive dividends from; give them in an actions file instead"], error.Errors.Kept.Select(e => e.ToString()));
    }

    [Fact]
    public void An_actions_file_is_stored_with_the_bars_and_given_to_the_gate()
    {
        var actions = _temp.Write("actions.csv", "date,symbol,type,value\n2024-03-05,ORCL,split,2\n2020-01-02,IBM,dividend,1.5\n");
        var file = Yahoo("orcl.csv", "2024-03-04,20,22,18,21,21,100", "2024-03-05,10.5,12,10,11,11,200");

        Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = YahooCsv.Parser, ActionsFile = actions });

        var split = new CorporateAction(s_orcl, new DateOnly(2024, 3, 5), CorporateActionKind.Split, 2m);
        Assert.Equal([split], Assert.Single(_gate.Calls).Actions);
        var store = BarStore.Open(Data);
        Assert.Equal([split], store.CorporateActions(s_orcl));
        // IBM has no bars in this import; its actions are kept all the same.
        Assert.Equal(1.5m, Assert.Single(store.CorporateActions(Symbol.Parse("IBM"))).Value);
        Assert.Equal(10.5m, store.Read(s_orcl, BarPeriod.Day, PriceAdjustment.Split).Close[0]); // 21 / 2
    }

    [Fact]
    public void The_symbol_is_the_file_name_upper_cased_unless_given()
    {
        Import(Yahoo("brk.b.csv", "2024-03-04,10,11,9,10.5,10.5,100"));
        Import(new ImportRequest { DataDirectory = Data, Files = [Yahoo("prices.csv", "2024-03-04,10,11,9,10.5,10.5,100")], Parser = YahooCsv.Parser, Symbol = s_orcl });

        Assert.Equal(["BRK.B", "ORCL"], BarStore.Open(Data).Symbols().Select(s => s.Value));
    }

    [Fact]
    public void A_file_name_that_is_no_symbol_asks_for_the_symbol()
    {
        var error = Assert.Throws<ImportRejectedException>(() => Import(Yahoo("my prices.csv", "2024-03-04,10,11,9,10.5,10.5,100")));

        Assert.Equal(["my prices.csv: does not say whose bars it holds and its name is no symbol (symbol 'MY PRICES' has ' ' at position 3; use upper-case letters, digits, '.', '/' or '-'); give the symbol"],
            error.Errors.Kept.Select(e => e.ToString()));
    }

    [Fact]
    public void An_alpaca_file_s_period_is_inferred_from_the_spacing_of_its_bars()
    {
        var file = _temp.Write("bars.json", """
            {"bars":{"AAPL":[{"t":"2024-03-04T14:30:00Z","o":1,"h":1,"l":1,"c":1,"v":1},{"t":"2024-03-04T14:40:00Z","o":1,"h":1,"l":1,"c":1,"v":1},{"t":"2024-03-04T14:45:00Z","o":1,"h":1,"l":1,"c":1,"v":1}]}}
            """);

        var report = Import(new ImportRequest { DataDirectory = Data, Files = [file], Parser = new AlpacaBarsParser() });

        Assert.Equal("5m", report.Symbols[0].Period);
        Assert.Equal([TimeSpan.FromMinutes(5)], BarStore.Open(Data).Periods(Symbol.Parse("AAPL")));
    }

    [Fact]
    public void A_period_that_contradicts_the_format_is_refused()
    {
        var request = new ImportRequest { DataDirectory = Data, Files = [Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100")], Parser = YahooCsv.Parser, Period = TimeSpan.FromHours(1) };

        var error = Assert.Throws<ImportRejectedException>(() => Import(request));

        Assert.Equal(["orcl.csv: the format's bars are 1d; a period of 01:00:00 does not apply to it"], error.Errors.Kept.Select(e => e.ToString()));
    }

    [Fact]
    public void A_file_that_is_not_there_is_an_error()
    {
        var error = Assert.Throws<ImportRejectedException>(() => Import(_temp["nowhere.csv"]));

        Assert.Equal($"nowhere.csv: not found ({_temp["nowhere.csv"]})", Assert.Single(error.Errors.Kept).ToString());
    }

    [Fact]
    public void An_import_while_another_runs_is_refused()
    {
        Directory.CreateDirectory(Data);
        using var running = StoreLock.TryAcquire(Data);

        var error = Assert.Throws<ImportRejectedException>(() => Import(Yahoo("orcl.csv", "2024-03-04,10,11,9,10.5,10.5,100")));

        Assert.Equal($"another import into {Data} is running; try again when it has finished", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
