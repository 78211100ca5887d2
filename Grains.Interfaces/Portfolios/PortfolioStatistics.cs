namespace Meridian.Grains.Portfolios;

/// <summary>
/// Performance statistics of an equity curve and its closed trades; each is defined, with its formula, in
/// docs/statistics.md. Ratios are plain decimals of a fraction (0.12 = 12%). A figure that needs more data than
/// there is (a Sharpe ratio of one point, a profit factor with no losses) is null, never a made-up number.
/// </summary>
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
    double? ConditionalValueAtRisk99);
