namespace Meridian.Grains.Portfolios;

/// <summary>
/// Performance statistics of an equity curve and its closed trades; each is defined, with its formula, in
/// docs/statistics.md. Ratios are plain decimals of a fraction (0.12 = 12%). A figure that needs more data than
/// there is (a Sharpe ratio of one point, a profit factor with no losses) is null, never a made-up number.
/// </summary>
/// <param name="TotalReturn">Last equity over first equity, minus one.</param>
/// <param name="AnnualizedReturn">The total return compounded to one year of periods.</param>
/// <param name="Volatility">Sample standard deviation of the period returns, annualized.</param>
/// <param name="Sharpe">Mean excess period return over its standard deviation, annualized.</param>
/// <param name="Sortino">Mean excess period return over the downside deviation, annualized.</param>
/// <param name="MaxDrawdown">Largest fall from a running peak, as a positive fraction of that peak.</param>
/// <param name="MaxDrawdownDuration">Longest time from a peak to getting back to it (or to the end of the curve).</param>
/// <param name="Calmar">Annualized return over max drawdown.</param>
/// <param name="TradeCount">Closed round-trip trades.</param>
/// <param name="WinRate">Trades with a positive net P&amp;L over all trades.</param>
/// <param name="ProfitFactor">Sum of net wins over the absolute sum of net losses.</param>
/// <param name="AverageWin">Mean net P&amp;L of the winning trades, in account currency.</param>
/// <param name="AverageLoss">Mean net P&amp;L of the losing trades, in account currency: a negative number.</param>
/// <param name="Turnover">Traded notional over average equity.</param>
/// <param name="ValueAtRisk95">Historical one-period loss exceeded in 5% of periods, as a positive fraction.</param>
/// <param name="ValueAtRisk99">Historical one-period loss exceeded in 1% of periods, as a positive fraction.</param>
/// <param name="ConditionalValueAtRisk95">Mean loss of the periods at or beyond the 95% value at risk.</param>
/// <param name="ConditionalValueAtRisk99">Mean loss of the periods at or beyond the 99% value at risk.</param>
/// <param name="ReturnCount">How many period returns the return-based figures rest on: one per daily sample after the starting equity.</param>
public sealed record PortfolioStatistics(
    double TotalReturn,
    double? AnnualizedReturn,
    double? Volatility,
    double? Sharpe,
    double? Sortino,
    double MaxDrawdown,
    TimeSpan MaxDrawdownDuration,
    double? Calmar,
    int TradeCount,
    double? WinRate,
    double? ProfitFactor,
    double? AverageWin,
    double? AverageLoss,
    double? Turnover,
    double? ValueAtRisk95,
    double? ValueAtRisk99,
    double? ConditionalValueAtRisk95,
    double? ConditionalValueAtRisk99,
    int ReturnCount);
