using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Tests.Risk;

/// <summary>Orders, accounts and assertions shared by the risk tests. AAPL's last price is 100; MSFT has none.</summary>
internal static class RiskFixture
{
    public static readonly Symbol Aapl = Symbol.Parse("AAPL");
    public static readonly Symbol Msft = Symbol.Parse("MSFT");
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);

    /// <summary>An account with <paramref name="cash"/>, no positions, AAPL last at 100.</summary>
    public static FakeRiskView Account(decimal cash = 1_000_000m) => new FakeRiskView { Cash = cash }.Price(Aapl, 100m);

    public static OrderRequest Buy(decimal quantity, decimal? limit = null, Symbol? symbol = null) => Order(Side.Buy, quantity, limit, symbol);

    public static OrderRequest Sell(decimal quantity, decimal? limit = null, Symbol? symbol = null) => Order(Side.Sell, quantity, limit, symbol);

    public static OrderRequest Stop(Side side, decimal quantity, decimal stop, decimal? limit = null) =>
        new("c-1", "p-1", Aapl, side, Quantity.Of(quantity), limit is null ? OrderType.Stop : OrderType.StopLimit,
            LimitPrice: limit is { } l ? Price.Of(l) : null, StopPrice: Price.Of(stop));

    /// <summary>Checks at <see cref="Now"/> with a rate window sized to the limit unless one is given.</summary>
    public static RiskDenial? Check(OrderRequest order, IRiskView view, RiskLimits limits, SubmitRateWindow? rate = null, bool liquidation = false) =>
        PreTradeRiskCheck.Check(order, view, limits, rate ?? new SubmitRateWindow(limits.MaxOrdersPerSecond ?? 0), Now, liquidation);

    public static RiskDenial Denied(RiskDenial? denial, RiskDenialCode code)
    {
        Assert.NotNull(denial);
        Assert.Equal(code, denial.Code);
        return denial;
    }

    private static OrderRequest Order(Side side, decimal quantity, decimal? limit, Symbol? symbol) =>
        new("c-1", "p-1", symbol ?? Aapl, side, Quantity.Of(quantity), limit is null ? OrderType.Market : OrderType.Limit,
            LimitPrice: limit is { } l ? Price.Of(l) : null);
}
