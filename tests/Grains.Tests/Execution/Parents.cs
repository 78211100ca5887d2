using Meridian.Grains.Domain;
using Meridian.Grains.Execution;
using Meridian.Grains.Tests.Trading;

namespace Meridian.Grains.Tests.Execution;

/// <summary>Parent orders for portfolio p1 in AAPL, starting when the trading silo's clock starts.</summary>
internal static class Parents
{
    public static readonly DateTimeOffset Start = TradingSilo.Start;

    /// <summary>A TWAP buy; <c>with</c> makes the other kinds.</summary>
    public static ParentOrder Twap(decimal quantity, int slices, TimeSpan horizon, string portfolio = "p1") =>
        new(portfolio, Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(quantity), Start, horizon, slices);
}
