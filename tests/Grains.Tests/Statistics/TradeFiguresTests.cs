using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Statistics;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

/// <summary>
/// Five round trips, net = realized P&amp;L - fees:
/// 100 - 10 = 90 (win), -50 - 5 = -55 (loss), 20 - 20 = 0 (neither), 200 - 10 = 190 (win), 5 - 10 = -5 (a gross win
/// that fees turn into a loss). Wins 2 summing 280; losses 2 summing -60.
/// </summary>
public sealed class TradeFiguresTests
{
    private static readonly PositionCycle[] s_trades =
        [Trade(100m, 10m), Trade(-50m, 5m), Trade(20m, 20m), Trade(200m, 10m), Trade(5m, 10m)];

    private static PortfolioStatistics Of(params PositionCycle[] trades) =>
        PerformanceStatistics.Compute(Daily(100m), trades, 0m, StatisticsOptions.Default);

    [Fact]
    public void Trade_count_is_every_closed_cycle_including_one_netting_zero() => Assert.Equal(5, Of(s_trades).TradeCount);

    [Fact]
    public void Win_rate_is_net_winners_over_all_trades() =>
        // 2 / 5: the break-even trade counts in the denominator only
        AssertNear(0.4, Of(s_trades).WinRate);

    [Fact]
    public void Profit_factor_is_net_wins_over_net_losses() =>
        // 280 / |-60| = 14/3
        AssertNear(14.0 / 3, Of(s_trades).ProfitFactor);

    [Fact]
    public void Average_win_is_the_mean_net_winner() =>
        // 280 / 2
        AssertNear(140, Of(s_trades).AverageWin);

    [Fact]
    public void Average_loss_is_the_mean_net_loser_as_a_negative_number() =>
        // -60 / 2
        AssertNear(-30, Of(s_trades).AverageLoss);

    [Fact]
    public void Without_a_loss_profit_factor_and_average_loss_are_null()
    {
        var statistics = Of(Trade(10m, 0m), Trade(25m, 5m));

        AssertNear(1, statistics.WinRate);
        Assert.Null(statistics.ProfitFactor);
        Assert.Null(statistics.AverageLoss);
    }

    [Fact]
    public void Without_a_win_profit_factor_is_zero_and_average_win_null()
    {
        var statistics = Of(Trade(-10m, 1m));

        AssertNear(0, statistics.ProfitFactor);
        Assert.Null(statistics.AverageWin);
    }

    [Fact]
    public void Without_trades_every_trade_figure_is_null()
    {
        var statistics = Of();

        Assert.Equal(0, statistics.TradeCount);
        Assert.Null(statistics.WinRate);
        Assert.Null(statistics.ProfitFactor);
        Assert.Null(statistics.AverageWin);
        Assert.Null(statistics.AverageLoss);
    }
}
