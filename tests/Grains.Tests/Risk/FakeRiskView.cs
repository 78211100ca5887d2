using Meridian.Grains.Domain;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Tests.Risk;

/// <summary>
/// An account for the risk tests: cash, positions marked at last prices, and open orders. Equity and exposures follow
/// from them by definition (equity = cash + sum of position values; gross = sum of |value|; net = sum of value), so a
/// test states the account as a trader would and works out the figures by hand.
/// </summary>
internal sealed class FakeRiskView : IRiskView
{
    private readonly Dictionary<Symbol, decimal> _positions = [];
    private readonly Dictionary<Symbol, Price> _lastPrices = [];
    private readonly Dictionary<(Symbol, Side), decimal> _openQuantities = [];

    public decimal Cash { get; set; }

    public TradingState TradingState { get; set; }

    public int OpenOrderCount { get; set; }

    public decimal OpenBuyNotional { get; set; }

    public decimal Equity => Cash + NetExposure;

    public decimal GrossExposure
    {
        get
        {
            var gross = 0m;
            foreach (var (symbol, quantity) in _positions)
                gross += Math.Abs(quantity * _lastPrices[symbol].Value);
            return gross;
        }
    }

    public decimal NetExposure
    {
        get
        {
            var net = 0m;
            foreach (var (symbol, quantity) in _positions)
                net += quantity * _lastPrices[symbol].Value;
            return net;
        }
    }

    /// <summary>Sets the last price of <paramref name="symbol"/>.</summary>
    public FakeRiskView Price(Symbol symbol, decimal price)
    {
        _lastPrices[symbol] = Meridian.Grains.Domain.Price.Of(price);
        return this;
    }

    /// <summary>Holds <paramref name="quantity"/> (signed) of a symbol that has a last price.</summary>
    public FakeRiskView Hold(Symbol symbol, decimal quantity)
    {
        Assert.True(_lastPrices.ContainsKey(symbol), $"give {symbol} a last price before holding it");
        _positions[symbol] = quantity;
        return this;
    }

    /// <summary>Adds an open order; a buy reserves quantity x price of buying power.</summary>
    public FakeRiskView Open(Symbol symbol, Side side, decimal quantity, decimal price)
    {
        _openQuantities[(symbol, side)] = OpenQuantity(symbol, side) + quantity;
        OpenOrderCount++;
        if (side == Side.Buy)
            OpenBuyNotional += quantity * price;
        return this;
    }

    public decimal PositionQuantity(Symbol symbol) => _positions.GetValueOrDefault(symbol);

    public Price? LastPrice(Symbol symbol) => _lastPrices.TryGetValue(symbol, out var price) ? price : null;

    public decimal OpenQuantity(Symbol symbol, Side side) => _openQuantities.GetValueOrDefault((symbol, side));
}
