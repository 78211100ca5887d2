using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Statistics;

/// <summary>
/// Computes a portfolio's <see cref="PortfolioStatistics"/> from its equity curve and closed trades. Pure: the same
/// inputs give the same figures. Every definition, the daily sampling rule and when a figure is null are in
/// docs/statistics.md; statistics are doubles, converted once from the decimal equity.
/// </summary>
public static class PerformanceStatistics
{
    private const double TailProbability95 = 0.05;
    private const double TailProbability99 = 0.01;

    /// <summary>
    /// The statistics of <paramref name="equityCurve"/> (oldest first; irregular points allowed), the round trips in
    /// <paramref name="closedTrades"/>, and <paramref name="tradedNotional"/> (the sum of |quantity x price| of every
    /// fill, in account currency). Throws <see cref="ArgumentException"/> for a curve out of time order or starting
    /// at zero or less equity, a negative notional, and <see cref="Domain.InvalidInputException"/> for bad options.
    /// </summary>
    public static PortfolioStatistics Compute(
        IReadOnlyList<EquityPoint> equityCurve,
        IReadOnlyList<PositionCycle> closedTrades,
        decimal tradedNotional,
        StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(equityCurve);
        ArgumentNullException.ThrowIfNull(closedTrades);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        EnsureUsable(equityCurve, tradedNotional);

        var sampled = DailyEquity.Sample(equityCurve).Select(p => (double)p.Equity.Amount).ToArray();
        var totalReturn = sampled.Length == 0 ? 0 : sampled[^1] / sampled[0] - 1;
        // A simple return across zero or negative equity means nothing (the account was wiped out), so every
        // return-based figure is left null rather than computed from it.
        var returns = sampled.All(e => e > 0) ? DailyEquity.Returns(sampled) : [];
        var ppy = options.PeriodsPerYear;
        var riskFree = options.RiskFreeRatePerPeriod;

        var annualized = ReturnStatistics.AnnualizedReturn(totalReturn, returns.Length, ppy);
        var (maxDrawdown, maxDrawdownDuration) = Drawdown.Measure(equityCurve);
        var trades = TradeStatistics.Of(closedTrades);
        var averageEquity = sampled.Length == 0 ? 0 : sampled.Average();
        var sortedReturns = returns.Order().ToArray();
        var (var95, cvar95) = HistoricalValueAtRisk.Of(sortedReturns, TailProbability95);
        var (var99, cvar99) = HistoricalValueAtRisk.Of(sortedReturns, TailProbability99);

        return new PortfolioStatistics(
            TotalReturn: totalReturn,
            AnnualizedReturn: annualized,
            Volatility: ReturnStatistics.Volatility(returns, ppy),
            Sharpe: ReturnStatistics.Sharpe(returns, riskFree, ppy),
            Sortino: ReturnStatistics.Sortino(returns, riskFree, ppy),
            MaxDrawdown: maxDrawdown,
            MaxDrawdownDuration: maxDrawdownDuration,
            Calmar: annualized is { } a && maxDrawdown > 0 ? a / maxDrawdown : null,
            TradeCount: trades.TradeCount,
            WinRate: trades.WinRate,
            ProfitFactor: trades.ProfitFactor,
            AverageWin: trades.AverageWin,
            AverageLoss: trades.AverageLoss,
            Turnover: averageEquity > 0 ? (double)tradedNotional / averageEquity : null,
            ValueAtRisk95: var95,
            ValueAtRisk99: var99,
            ConditionalValueAtRisk95: cvar95,
            ConditionalValueAtRisk99: cvar99,
            ReturnCount: returns.Length);
    }

    private static void EnsureUsable(IReadOnlyList<EquityPoint> equityCurve, decimal tradedNotional)
    {
        if (tradedNotional < 0m)
            throw new ArgumentOutOfRangeException(nameof(tradedNotional), tradedNotional,
                "traded notional is a sum of absolute fill values and cannot be negative");
        if (equityCurve.Count > 0 && equityCurve[0].Equity.Amount <= 0m)
            throw new ArgumentException(
                $"equity curve starts at {equityCurve[0].Equity} at {equityCurve[0].Time:O}; returns are measured against the first equity, which must be greater than zero",
                nameof(equityCurve));
        for (var i = 1; i < equityCurve.Count; i++)
        {
            if (equityCurve[i].Time < equityCurve[i - 1].Time)
                throw new ArgumentException(
                    $"equity curve is out of time order at point {i}: {equityCurve[i].Time:O} comes after {equityCurve[i - 1].Time:O}; pass the points oldest first",
                    nameof(equityCurve));
        }
    }
}
