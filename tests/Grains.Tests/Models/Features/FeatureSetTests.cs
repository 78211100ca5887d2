using Meridian.Grains.Models.Features;

namespace Meridian.Grains.Tests.Models.Features;

public sealed class FeatureSetTests
{
    private static readonly string[] s_operators =
    [
        "ROC", "MA", "STD", "BETA", "RSQR", "RESI", "MAX", "MIN", "QTLU", "QTLD", "RANK", "RSV", "IMAX", "IMIN", "IMXD",
        "CORR", "CORD", "CNTP", "CNTN", "CNTD", "SUMP", "SUMN", "SUMD", "VMA", "VSTD", "WVMA", "VSUMP", "VSUMN", "VSUMD",
    ];

    private static readonly int[] s_windows = [5, 10, 20, 30, 60];

    [Fact]
    public void Alpha158_has_Qlib_158_columns_in_Qlib_order()
    {
        // Qlib's Alpha158DL: the 9 candle features, the 4 prices of today, then each rolling operator over 5 10 20 30 60.
        string[] expected =
        [
            "KMID", "KLEN", "KMID2", "KUP", "KUP2", "KLOW", "KLOW2", "KSFT", "KSFT2", "OPEN0", "HIGH0", "LOW0", "VWAP0",
            .. s_operators.SelectMany(op => s_windows.Select(d => $"{op}{d}")),
        ];

        Assert.Equal(158, FeatureSet.Alpha158.Count);
        Assert.Equal(expected, FeatureSet.Alpha158.Names);
    }

    [Fact]
    public void Alpha158_warms_up_once_ROC60_can_read_the_close_60_bars_back() =>
        Assert.Equal(61, FeatureSet.Alpha158.WarmUp);

    [Fact]
    public void Indicators_warm_up_with_their_longest_window() =>
        // SMA50 and EMA50 need 50 closes; MACD's signal 26 + 9 − 1 = 34, RSI14 and ATR14 15
        Assert.Equal(50, FeatureSet.Indicators.WarmUp);

    [Fact]
    public void Indicators_are_named_plainly()
    {
        string[] expected =
        [
            "SMA10", "SMA20", "SMA50", "EMA10", "EMA20", "EMA50", "RSI14", "ATR14", "MACD", "MACD_SIGNAL", "MACD_HIST",
            "BB_UPPER20", "BB_LOWER20", "BB_PCTB20", "BB_WIDTH20", "ROCP10",
        ];

        Assert.Equal(expected, FeatureSet.Indicators.Names);
    }

    [Theory]
    [InlineData("alpha158")]
    [InlineData("Alpha158")]
    public void Alpha158_is_found_by_name_in_any_case(string name) =>
        Assert.Same(FeatureSet.Alpha158, FeatureSet.Named(name));

    [Fact]
    public void Indicators_are_found_by_name() =>
        Assert.Same(FeatureSet.Indicators, FeatureSet.Named("indicators"));

    [Fact]
    public void An_unknown_set_name_finds_nothing() =>
        Assert.Null(FeatureSet.Named("alpha360"));

    [Fact]
    public void Names_from_both_sets_resolve_in_the_order_given()
    {
        var set = FeatureSet.TryResolve(["RSI14", "KMID", "MA60"], out var problem);

        Assert.Null(problem);
        Assert.Equal(["RSI14", "KMID", "MA60"], set!.Names);
    }

    [Fact]
    public void A_resolved_set_warms_up_with_its_slowest_feature()
    {
        Assert.Equal(1, FeatureSet.TryResolve(["KMID", "VWAP0"], out _)!.WarmUp);
        Assert.Equal(5, FeatureSet.TryResolve(["KMID", "MA5"], out _)!.WarmUp);
        Assert.Equal(11, FeatureSet.TryResolve(["MA5", "SUMP10"], out _)!.WarmUp);
        Assert.Equal(34, FeatureSet.TryResolve(["MACD_HIST"], out _)!.WarmUp);
    }

    [Fact]
    public void Unknown_names_are_all_named_in_the_problem()
    {
        var set = FeatureSet.TryResolve(["KMID", "ma5", "ROC7", "FOO"], out var problem);

        Assert.Null(set);
        Assert.Contains("'ma5', 'ROC7', 'FOO'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("'KMID'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_asked_for_twice_is_a_problem()
    {
        var set = FeatureSet.TryResolve(["KMID", "MA5", "KMID"], out var problem);

        Assert.Null(set);
        Assert.Contains("more than once: KMID", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_names_is_a_problem()
    {
        Assert.Null(FeatureSet.TryResolve([], out var problem));
        Assert.NotNull(problem);
    }
}
