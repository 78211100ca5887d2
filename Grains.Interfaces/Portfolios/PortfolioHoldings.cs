using Meridian.Grains.Domain;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// What a strategy needs of its portfolio to turn targets into orders: cash, equity, the signed quantity held per
/// symbol, and the signed quantity still working in open orders per symbol (buys positive, sells negative).
/// </summary>
public sealed record PortfolioHoldings(
    Money Cash,
    Money Equity,
    IReadOnlyDictionary<Symbol, decimal> Positions,
    IReadOnlyDictionary<Symbol, decimal> OpenQuantities)
{
    /// <summary>Held plus working: what the position will be once the open orders fill.</summary>
    public decimal ExpectedQuantity(Symbol symbol) =>
        (Positions.TryGetValue(symbol, out var held) ? held : 0m) + (OpenQuantities.TryGetValue(symbol, out var open) ? open : 0m);
}
