using System.Globalization;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Tests.Backtesting.Reports;

/// <summary>
/// A small backtest result built by hand: one long AAPL trade in three fills (buy 100 at 100, sell 50 at 105, sell 50
/// at 115), one order denied by the risk gate, one limit order canceled, and an equity curve over January to March
/// 2026. The figures need not reconcile with each other: the writer reports what it is given, it recomputes nothing
/// but the monthly returns, the drawdowns and the trade returns.
/// </summary>
internal static class SampleRun
{
    public const string DenialMessage = "order 'o-4' denied: notional 110,000 exceeds buying power 100,997 (\"cash\")\nsize it down";
    public const string FirstOrderId = "entry,1";
    public const string FirstExecutionId = "e\"1";

    private static readonly Symbol s_aapl = Symbol.Parse("AAPL");

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static BacktestResult Result(
        IReadOnlyList<KeyValuePair<string, string>>? settings = null,
        IReadOnlyList<BacktestTrade>? trades = null,
        IReadOnlyList<BacktestDenial>? denials = null) => new(
        settings ?? Settings,
        T("2026-01-02T14:30:00Z"),
        T("2026-03-31T21:00:00Z"),
        BarCount: 61,
        StartingCash: 100000.00m,
        Final: Final(100989.90m),
        Statistics: Statistics,
        Orders: Orders,
        Fills: Fills,
        Trades: trades ?? [new BacktestTrade(s_aapl, Trade)],
        Equity: Equity,
        Denials: denials ?? [new BacktestDenial(T("2026-02-10T14:30:00Z"), "o-4", s_aapl, Side.Buy, Quantity.Of(1000m), "INSUFFICIENT_BUYING_POWER", DenialMessage)]);

    /// <summary>A run that did nothing: no settings, orders, fills, trades or denials, and one equity point.</summary>
    public static BacktestResult Empty() => new(
        [],
        T("2026-01-02T14:30:00Z"),
        T("2026-01-02T21:00:00Z"),
        BarCount: 1,
        StartingCash: 100000m,
        Final: Final(100000m),
        Statistics: new PortfolioStatistics(0, null, null, null, null, 0, TimeSpan.Zero, null, 0, null, null, null, null, null, null, null, null, null, 0),
        Orders: [],
        Fills: [],
        Trades: [],
        Equity: [new EquityPoint(T("2026-01-02T21:00:00Z"), Money.Of(100000m))],
        Denials: []);

    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("symbols", "AAPL"),
        new("from", "2026-01-02"),
        new("to", "2026-03-31"),
        new("strategy", "sma_cross"),
        new("strategy.fast", "10"),
        new("strategy.slow", "30"),
        new("commission", "1.00 per order"),
    ];

    // Month ends: Jan 101000, Feb 99990, Mar 100989.90 (see MonthlyReturnsTests for the arithmetic).
    public static readonly EquityPoint[] Equity =
    [
        new(T("2026-01-02T21:00:00Z"), Money.Of(100000m)),
        new(T("2026-01-15T21:00:00Z"), Money.Of(100500m)),
        new(T("2026-01-30T21:00:00Z"), Money.Of(101000m)),
        new(T("2026-02-13T21:00:00Z"), Money.Of(100200m)),
        new(T("2026-02-27T21:00:00Z"), Money.Of(99990m)),
        new(T("2026-03-16T21:00:00Z"), Money.Of(100500m)),
        new(T("2026-03-31T21:00:00Z"), Money.Of(100989.90m)),
    ];

    /// <summary>Long 100 at 100, out 50 at 105 and 50 at 115: realized 250 + 750 = 1000, fees 3, net 997.</summary>
    public static readonly PositionCycle Trade = new(
        Number: 1,
        Direction: Side.Buy,
        OpenedAt: T("2026-01-05T14:30:00Z"),
        ClosedAt: T("2026-01-28T14:30:00Z"),
        MaxQuantity: 100m,
        AverageEntryPrice: Price.Of(100m),
        AverageExitPrice: Price.Of(110m),
        RealizedPnl: Money.Of(1000m),
        Fees: Money.Of(3m),
        FillCount: 3);

    public static readonly BacktestFill[] Fills =
    [
        new(T("2026-01-05T14:30:00Z"), s_aapl, Side.Buy, Quantity.Of(100m), Price.Of(100.00m), Money.Of(1.00m), FirstOrderId, FirstExecutionId),
        new(T("2026-01-20T14:30:00Z"), s_aapl, Side.Sell, Quantity.Of(50m), Price.Of(105.00m), Money.Of(1.00m), "o-2", "e-2"),
        new(T("2026-01-28T14:30:00Z"), s_aapl, Side.Sell, Quantity.Of(50m), Price.Of(115.00m), Money.Of(1.00m), "o-3", "e-3"),
    ];

    public static readonly PortfolioStatistics Statistics = new(
        TotalReturn: 0.009899,
        AnnualizedReturn: 0.0412,
        Volatility: 0.05,
        Sharpe: 1.25,
        Sortino: null,
        MaxDrawdown: 0.01,
        MaxDrawdownDuration: TimeSpan.FromHours(52),
        Calmar: 4.12,
        TradeCount: 1,
        WinRate: 1,
        ProfitFactor: null,
        AverageWin: 997,
        AverageLoss: null,
        Turnover: 0.2,
        ValueAtRisk95: null,
        ValueAtRisk99: null,
        ConditionalValueAtRisk95: null,
        ConditionalValueAtRisk99: null,
        ReturnCount: 6);

    public static readonly OrderSnapshot[] Orders =
    [
        Filled(FirstOrderId, "2026-01-05T14:30:00Z", Side.Buy, 100m, 100.00m),
        Filled("o-2", "2026-01-20T14:30:00Z", Side.Sell, 50m, 105.00m),
        Filled("o-3", "2026-01-28T14:30:00Z", Side.Sell, 50m, 115.00m),
        new(Request("o-4", Side.Buy, 1000m), OrderStatus.Denied, Quantity.Zero, null, Money.Zero,
            T("2026-02-10T14:30:00Z"), T("2026-02-10T14:30:00Z"), DenialCode: "INSUFFICIENT_BUYING_POWER", StatusReason: DenialMessage),
        new(Request("o-5", Side.Sell, 10m) with { Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc, LimitPrice = Price.Of(130.5m) },
            OrderStatus.Canceled, Quantity.Zero, null, Money.Zero, T("2026-03-02T14:30:00Z"), T("2026-03-31T21:00:00Z"), StatusReason: "canceled at the end of the backtest"),
    ];

    private static OrderSnapshot Filled(string id, string time, Side side, decimal quantity, decimal price) =>
        new(Request(id, side, quantity), OrderStatus.Filled, Quantity.Of(quantity), Price.Of(price), Money.Of(1.00m), T(time), T(time));

    private static OrderRequest Request(string id, Side side, decimal quantity) => new(id, "backtest", s_aapl, side, Quantity.Of(quantity));

    private static PortfolioSnapshot Final(decimal equity) => new(
        "backtest", Money.Of(equity), Money.Of(equity), Money.Of(equity), Money.Zero, Money.Zero, Money.Of(1000m), Money.Zero,
        Money.Of(3m), Money.Zero, Money.Of(101000m), 0m, TradingState.Active, null, 0, [], T("2026-03-31T21:00:00Z"));
}
