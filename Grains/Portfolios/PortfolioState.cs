using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Portfolios;

/// <summary>The persisted state of a <see cref="PortfolioGrain"/>.</summary>
public sealed class PortfolioState
{
    /// <summary>True once <see cref="IPortfolioGrain.OpenAsync"/> has run.</summary>
    public bool Opened { get; set; }

    public decimal StartingCash { get; set; }

    public decimal Cash { get; set; }

    public RiskLimits Limits { get; set; } = RiskLimits.None;

    public TradingState TradingState { get; set; }

    public string? TradingStateReason { get; set; }

    /// <summary>The latest position snapshot per symbol, as the Position grains returned them.</summary>
    public Dictionary<string, PositionSnapshot> Positions { get; set; } = [];

    /// <summary>The latest price per symbol the portfolio watches.</summary>
    public Dictionary<string, LastPrice> Prices { get; set; } = [];

    /// <summary>Symbols whose Last-price grain pushes prices here.</summary>
    public HashSet<string> WatchedSymbols { get; set; } = [];

    /// <summary>Orders counted as open, by client order id.</summary>
    public Dictionary<string, OpenOrderEntry> OpenOrders { get; set; } = [];

    /// <summary>
    /// Orders that recovery (on activation) found ended, with the fills applied: an update still on its way for one of
    /// them must not apply those again. Cleared at the next activation.
    /// </summary>
    public Dictionary<string, HashSet<string>> RecoveredClosedOrders { get; set; } = [];

    public decimal HighWaterMark { get; set; }

    /// <summary>The UTC day <see cref="DayStartEquity"/> belongs to.</summary>
    public DateOnly Day { get; set; }

    public decimal DayStartEquity { get; set; }

    /// <summary>Sum of traded notional (|quantity x price| of every fill), for turnover.</summary>
    public decimal TradedNotional { get; set; }

    /// <summary>One point per UTC day: the day's latest equity.</summary>
    public List<EquityPoint> EquityCurve { get; set; } = [];

    /// <summary>Portfolio events, oldest first (the newest <see cref="PortfolioGrain.MaxEvents"/>).</summary>
    public List<PortfolioEvent> Events { get; set; } = [];

    /// <summary>How many liquidations have run: part of the closing orders' ids, so each run's ids are new.</summary>
    public int Liquidations { get; set; }
}

/// <summary>An open order as the portfolio counts it.</summary>
public sealed class OpenOrderEntry
{
    public Symbol Symbol { get; set; }

    public Side Side { get; set; }

    public decimal Quantity { get; set; }

    public decimal Filled { get; set; }

    /// <summary>The price the order's reservation of buying power is valued at (limit, stop, else the last price at submission).</summary>
    public decimal ValuationPrice { get; set; }

    /// <summary>Fills already applied to cash and positions: a fill is applied once, whichever path brings it.</summary>
    public HashSet<string> AppliedExecutionIds { get; set; } = [];

    /// <summary>What is left to fill.</summary>
    public decimal Remaining => Math.Max(0m, Quantity - Filled);
}
