using Meridian.Grains.Domain;

namespace Meridian.Grains.Positions;

/// <summary>
/// A portfolio's position in one symbol. <see cref="Quantity"/> is signed: positive long, negative short, zero flat.
/// <see cref="RealizedPnl"/> is gross of fees, summed over every cycle; <see cref="Fees"/> and <see cref="FillCount"/> are
/// summed likewise. <see cref="Cycle"/> is the number of the open cycle, or of the last one when flat (0 before the first
/// fill); <see cref="OpenedAt"/> is when the open cycle began (null when flat). <see cref="AverageEntryPrice"/> is null when
/// flat and rounded to <see cref="Price.MaxDecimals"/> places.
/// </summary>
public sealed record PositionSnapshot(
    string PortfolioId,
    Symbol Symbol,
    decimal Quantity,
    Price? AverageEntryPrice,
    Money RealizedPnl,
    Money Fees,
    int Cycle,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? LastFillAt,
    int FillCount)
{
    /// <summary>True when nothing is held.</summary>
    public bool IsFlat => Quantity == 0m;

    /// <summary>What the position is worth at <paramref name="mark"/>: signed (negative for shorts).</summary>
    public Money MarketValue(Price mark) => Money.Of(Quantity * mark.Value);

    /// <summary>Unrealized P&amp;L at <paramref name="mark"/>: (mark - average entry) x signed quantity.</summary>
    public Money UnrealizedPnl(Price mark) => AverageEntryPrice is { } entry ? Money.Of((mark.Value - entry.Value) * Quantity) : Money.Zero;
}

/// <summary>
/// A finished cycle of a position: from leaving flat to returning to flat (or flipping through it). Going flat and
/// reopening starts a new cycle; the closed one keeps its history here. A fill that flips the position counts in both
/// cycles' <see cref="FillCount"/>, and its commission is split between them pro rata by quantity.
/// </summary>
public sealed record PositionCycle(
    int Number,
    Side Direction,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal MaxQuantity,
    Price AverageEntryPrice,
    Price AverageExitPrice,
    Money RealizedPnl,
    Money Fees,
    int FillCount);

/// <summary>One fill as a position sees it.</summary>
public sealed record PositionFill(string ExecutionId, string ClientOrderId, Side Side, Quantity Quantity, Price Price, Money Commission, DateTimeOffset Time);
