using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Everything a finished backtest produced, in a deterministic order (time, then symbol, then id), for the report
/// writer. Nothing here depends on the wall clock or the machine, so the same inputs give the same result.
/// </summary>
/// <param name="Settings">What was run, as ordered name/value pairs (symbols, dates, strategy and its parameters, cash, costs, data).</param>
/// <param name="Start">When the first replayed bar opened.</param>
/// <param name="End">When the last replayed bar closed.</param>
/// <param name="BarCount">Bars replayed, all symbols together.</param>
/// <param name="StartingCash">The portfolio's cash at the start.</param>
/// <param name="Final">The portfolio at the end (marked to the last closes).</param>
/// <param name="Statistics">The trading core's statistics of the equity curve and the closed trades.</param>
/// <param name="Orders">Every order, approved or denied, in its final state, by creation time then client order id.</param>
/// <param name="Fills">Every fill, by time then symbol then execution id.</param>
/// <param name="Trades">Closed round trips, by closing time then symbol.</param>
/// <param name="Equity">The daily equity curve (one point per UTC day, the day's last equity).</param>
/// <param name="Denials">Orders the risk gate denied, by time then client order id.</param>
public sealed record BacktestResult(
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    DateTimeOffset Start,
    DateTimeOffset End,
    long BarCount,
    decimal StartingCash,
    PortfolioSnapshot Final,
    PortfolioStatistics Statistics,
    IReadOnlyList<OrderSnapshot> Orders,
    IReadOnlyList<BacktestFill> Fills,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<BacktestDenial> Denials);

/// <summary>One fill of one order.</summary>
public sealed record BacktestFill(DateTimeOffset Time, Symbol Symbol, Side Side, Quantity Quantity, Price Price, Money Commission, string ClientOrderId, string ExecutionId);

/// <summary>One closed round trip of a symbol.</summary>
public sealed record BacktestTrade(Symbol Symbol, PositionCycle Cycle);

/// <summary>An order the pre-trade risk gate refused: its code (INSUFFICIENT_BUYING_POWER) and the gate's sentence.</summary>
public sealed record BacktestDenial(DateTimeOffset Time, string ClientOrderId, Symbol Symbol, Side Side, Quantity Quantity, string Code, string Message);
