using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// A portfolio's books over its <see cref="PortfolioState"/>: cash, positions marked to last prices, exposures, open
/// orders, day P&amp;L, high-water mark and drawdown (formulas in docs/accounting.md). Market values and open-order
/// totals are kept incrementally, so the risk gate reads every figure in O(1).
/// </summary>
public sealed class PortfolioAccount : IRiskView
{
    private readonly PortfolioState _state;
    private readonly Dictionary<string, decimal> _marketValues = [];
    private readonly Dictionary<(string Symbol, Side Side), decimal> _openQuantities = [];
    private decimal _grossExposure;
    private decimal _netExposure;
    private decimal _openBuyNotional;

    /// <summary>Rebuilds the running totals from <paramref name="state"/>.</summary>
    public PortfolioAccount(PortfolioState state)
    {
        _state = state;
        foreach (var symbol in state.Positions.Keys)
            Revalue(symbol);
        foreach (var order in state.OpenOrders.Values)
            Reserve(order, +1);
    }

    /// <inheritdoc />
    public TradingState TradingState => _state.TradingState;

    /// <summary>Cash + the market value of every position.</summary>
    public decimal Equity => _state.Cash + _netExposure;

    /// <inheritdoc />
    public decimal GrossExposure => _grossExposure;

    /// <inheritdoc />
    public decimal NetExposure => _netExposure;

    /// <inheritdoc />
    public int OpenOrderCount => _state.OpenOrders.Count;

    /// <inheritdoc />
    public decimal OpenBuyNotional => _openBuyNotional;

    /// <summary>Equity minus equity at the start of the UTC day.</summary>
    public decimal DayPnl => Equity - _state.DayStartEquity;

    /// <summary>The fall from the high-water mark as a fraction of it.</summary>
    public decimal Drawdown => _state.HighWaterMark > 0m ? Math.Max(0m, (_state.HighWaterMark - Equity) / _state.HighWaterMark) : 0m;

    /// <summary>Equity x margin multiplier, less gross exposure and open buy orders; never negative.</summary>
    public decimal BuyingPower => Math.Max(0m, Equity * _state.Limits.MarginMultiplier - _grossExposure - _openBuyNotional);

    /// <inheritdoc />
    public decimal PositionQuantity(Symbol symbol) =>
        _state.Positions.TryGetValue(symbol.Value, out var position) ? position.Quantity : 0m;

    /// <inheritdoc />
    public Price? LastPrice(Symbol symbol) =>
        _state.Prices.TryGetValue(symbol.Value, out var price) ? price.Price : null;

    /// <inheritdoc />
    public decimal OpenQuantity(Symbol symbol, Side side) =>
        _openQuantities.TryGetValue((symbol.Value, side), out var quantity) ? quantity : 0m;

    /// <summary>Starts the UTC day of <paramref name="now"/> if it is a new one: its P&amp;L counts from the equity now.</summary>
    public void RollDay(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day == _state.Day)
            return;
        _state.Day = day;
        _state.DayStartEquity = Equity;
    }

    /// <summary>Applies a fill's cash and the position it produced, and marks the symbol at the fill price when that is the newest price.</summary>
    public void ApplyFill(Side side, Fill fill, PositionSnapshot position)
    {
        var notional = fill.Quantity.Value * fill.Price.Value;
        _state.Cash -= side.Sign() * notional + fill.Commission.Amount;
        _state.TradedNotional += notional;
        _state.Positions[position.Symbol.Value] = position;
        if (!_state.Prices.TryGetValue(position.Symbol.Value, out var last) || fill.Time >= last.Time)
            _state.Prices[position.Symbol.Value] = new LastPrice(position.Symbol, fill.Price, fill.Time);
        Revalue(position.Symbol.Value);
    }

    /// <summary>Takes a new last price; an older one than held is ignored. Returns whether the mark changed.</summary>
    public bool Mark(LastPrice price)
    {
        if (_state.Prices.TryGetValue(price.Symbol.Value, out var last) && price.Time < last.Time)
            return false;
        _state.Prices[price.Symbol.Value] = price;
        Revalue(price.Symbol.Value);
        return true;
    }

    /// <summary>True when the equity curve already has a point for the UTC day of <paramref name="now"/>.</summary>
    public bool HasEquityPointOn(DateTimeOffset now) =>
        _state.EquityCurve.Count > 0 && DateOnly.FromDateTime(_state.EquityCurve[^1].Time.UtcDateTime) == DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Records the equity now: raises the high-water mark, and keeps one equity-curve point per UTC day.</summary>
    public void RecordEquity(DateTimeOffset now)
    {
        var equity = Equity;
        _state.HighWaterMark = Math.Max(_state.HighWaterMark, equity);
        var curve = _state.EquityCurve;
        var point = new EquityPoint(now, Money.Of(equity));
        if (HasEquityPointOn(now))
            curve[^1] = point;
        else
            curve.Add(point);
    }

    /// <summary>Counts an order as open, reserving its quantity (and buying power for buys).</summary>
    public void AddOpenOrder(string clientOrderId, OpenOrderEntry order)
    {
        _state.OpenOrders[clientOrderId] = order;
        Reserve(order, +1);
    }

    /// <summary>Sets how much of an open order has filled.</summary>
    public void SetFilled(OpenOrderEntry order, decimal filled)
    {
        Reserve(order, -1);
        order.Filled = filled;
        Reserve(order, +1);
    }

    /// <summary>Stops counting an order as open.</summary>
    public void RemoveOpenOrder(string clientOrderId)
    {
        if (_state.OpenOrders.Remove(clientOrderId, out var order))
            Reserve(order, -1);
    }

    /// <summary>The account as a snapshot.</summary>
    public PortfolioSnapshot ToSnapshot(string portfolioId, DateTimeOffset now)
    {
        var positions = new List<PositionView>(_state.Positions.Count);
        decimal realized = 0m, fees = 0m, unrealized = 0m;
        foreach (var position in _state.Positions.Values)
        {
            realized += position.RealizedPnl.Amount;
            fees += position.Fees.Amount;
            if (_state.Prices.TryGetValue(position.Symbol.Value, out var last))
            {
                var pnl = position.UnrealizedPnl(last.Price);
                unrealized += pnl.Amount;
                positions.Add(new PositionView(position, last.Price, position.MarketValue(last.Price), pnl));
            }
            else
            {
                positions.Add(new PositionView(position, null, null, null));
            }
        }
        return new PortfolioSnapshot(
            portfolioId, Money.Of(_state.Cash), Money.Of(Equity), Money.Of(BuyingPower), Money.Of(_grossExposure), Money.Of(_netExposure),
            Money.Of(realized), Money.Of(unrealized), Money.Of(fees), Money.Of(DayPnl), Money.Of(_state.HighWaterMark), Drawdown,
            _state.TradingState, _state.TradingStateReason, _state.OpenOrders.Count, positions, now);
    }

    /// <summary>
    /// A position without a price yet is valued at its average entry (what was paid), so equity does not jump by the
    /// position's whole value between the fill and the first mark.
    /// </summary>
    private void Revalue(string symbol)
    {
        _state.Positions.TryGetValue(symbol, out var position);
        var quantity = position?.Quantity ?? 0m;
        var price = _state.Prices.TryGetValue(symbol, out var last) ? last.Price.Value : position?.AverageEntryPrice?.Value ?? 0m;
        var value = quantity * price;
        _marketValues.TryGetValue(symbol, out var old);
        _marketValues[symbol] = value;
        _grossExposure += Math.Abs(value) - Math.Abs(old);
        _netExposure += value - old;
    }

    private void Reserve(OpenOrderEntry order, int sign)
    {
        var key = (order.Symbol.Value, order.Side);
        _openQuantities.TryGetValue(key, out var quantity);
        _openQuantities[key] = quantity + sign * order.Remaining;
        if (order.Side == Side.Buy)
            _openBuyNotional += sign * order.Remaining * order.ValuationPrice;
    }
}
