using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Strategies;

namespace Meridian.Grains.Tests.Strategies.Construction;

/// <summary>
/// Six names with scores, daily volatilities and prices, and a portfolio of 100,000. The median score is 0 (between
/// CCC's 0.01 and DDD's -0.01).
/// <code>
/// symbol  score  volatility  price
/// AAA      0.05     0.02       50
/// BBB      0.03     0.01       20
/// CCC      0.01     0.04       40
/// DDD     -0.01     0.02       25
/// EEE     -0.02     0.05       10
/// FFF     -0.04     0.01       80
/// </code>
/// </summary>
internal static class CrossSection
{
    public const decimal Equity = 100_000m;

    private static readonly DateTimeOffset s_time = new(2024, 3, 1, 21, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Insight> Six =>
    [
        Scored("AAA", 0.05, 0.02, 50m),
        Scored("BBB", 0.03, 0.01, 20m),
        Scored("CCC", 0.01, 0.04, 40m),
        Scored("DDD", -0.01, 0.02, 25m),
        Scored("EEE", -0.02, 0.05, 10m),
        Scored("FFF", -0.04, 0.01, 80m),
    ];

    public static Insight Scored(string symbol, double? score, double? volatility, decimal price) =>
        new(Symbol.Parse(symbol), InsightDirection.Flat, s_time, Price.Of(price), score, volatility);

    /// <summary>Equity of 100,000 with the given positions held (nothing working).</summary>
    public static PortfolioHoldings Holding(params (string Symbol, decimal Quantity)[] positions) =>
        new(Money.Of(Equity), Money.Of(Equity), positions.ToDictionary(p => Symbol.Parse(p.Symbol), p => p.Quantity), new Dictionary<Symbol, decimal>());

    /// <summary>The targets as symbol -> quantity, for comparing with an expected table.</summary>
    public static Dictionary<string, decimal> Quantities(IReadOnlyList<PortfolioTarget> targets) =>
        targets.ToDictionary(t => t.Symbol.Value, t => t.Quantity);
}
