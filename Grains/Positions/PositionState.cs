using Meridian.Grains.Domain;

namespace Meridian.Grains.Positions;

/// <summary>
/// The persisted state of a Position grain: a portfolio's position in one symbol, its totals over every cycle, the cycle
/// open now and the cycles closed before. Only <see cref="PositionLedger"/> changes it; the rules are in docs/accounting.md.
/// A new instance is the state of a position that never traded; the ledger stamps its identity on it.
/// </summary>
public sealed class PositionState
{
    /// <summary>The portfolio that holds the position; empty until a ledger first wraps the state.</summary>
    public string PortfolioId { get; set; } = string.Empty;

    /// <summary>The symbol; null until a ledger first wraps the state (a default <see cref="Domain.Symbol"/> would not serialize).</summary>
    public Symbol? Symbol { get; set; }

    /// <summary>Units held, signed: positive long, negative short, zero flat.</summary>
    public decimal Quantity { get; set; }

    /// <summary>
    /// What the units held cost when they were entered: |<see cref="Quantity"/>| x average entry price, zero when flat.
    /// Kept instead of the average so that closing a cycle realizes exactly its exit notional less its entry notional.
    /// </summary>
    public Money CostBasis { get; set; }

    /// <summary>Realized P&amp;L over every cycle, gross of fees.</summary>
    public Money RealizedPnl { get; set; }

    /// <summary>Commissions over every cycle (a rebate counts negative).</summary>
    public Money Fees { get; set; }

    /// <summary>The number of the cycle open now, or of the last one when flat; 0 before the first fill.</summary>
    public int Cycle { get; set; }

    /// <summary>When the open cycle's first fill happened; null when flat.</summary>
    public DateTimeOffset? CycleOpenedAt { get; set; }

    /// <summary>Buy for a long cycle, Sell for a short one; null when flat.</summary>
    public Side? CycleDirection { get; set; }

    /// <summary>The largest |quantity| the open cycle reached.</summary>
    public decimal CycleMaxQuantity { get; set; }

    /// <summary>Units the open cycle entered (bought for a long, sold for a short); a closed cycle exits as many.</summary>
    public decimal CycleEntryQuantity { get; set; }

    /// <summary>Sum of price x quantity over the open cycle's entries: its average entry price is this over <see cref="CycleEntryQuantity"/>.</summary>
    public Money CycleEntryNotional { get; set; }

    /// <summary>Sum of price x quantity over the open cycle's exits so far.</summary>
    public Money CycleExitNotional { get; set; }

    /// <summary>Realized P&amp;L of the open cycle, gross of fees.</summary>
    public Money CycleRealizedPnl { get; set; }

    /// <summary>Commissions of the open cycle, including its share of the fill that opened it by a flip.</summary>
    public Money CycleFees { get; set; }

    /// <summary>Fills of the open cycle; a flipping fill counts in both cycles it touches.</summary>
    public int CycleFillCount { get; set; }

    /// <summary>The latest fill time seen; null before the first fill.</summary>
    public DateTimeOffset? LastFillAt { get; set; }

    /// <summary>Fills applied over every cycle, each counted once.</summary>
    public int FillCount { get; set; }

    /// <summary>
    /// The execution ids of the newest <see cref="PositionLedger.RememberedExecutions"/> fills, oldest first: a fill
    /// delivered again (a replay after a crash) is applied once. A window, not all history, so a fill's write stays small.
    /// </summary>
    public List<string> RecentExecutionIds { get; set; } = [];

    /// <summary>
    /// The finished cycles, oldest first. Not part of this state's JSON: the Position grain keeps them in a record of
    /// their own, written only when a cycle closes, so a fill's write does not grow with the position's history.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<PositionCycle> ClosedCycles { get; set; } = [];
}
