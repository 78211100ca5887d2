using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.Execution;

/// <summary>
/// Trades the whole difference at once: one market order per target for target - (held + working). A target already
/// reached by what is held and working places nothing, so a repeated insight never doubles an order.
/// </summary>
public sealed class ImmediateExecution : IExecutionModel
{
    /// <inheritdoc />
    public IReadOnlyList<OrderIntent> Execute(IReadOnlyList<PortfolioTarget> targets, PortfolioHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(holdings);
        var orders = new List<OrderIntent>();
        foreach (var target in targets)
        {
            var difference = target.Quantity - holdings.ExpectedQuantity(target.Symbol);
            if (difference != 0m)
                orders.Add(new OrderIntent(target.Symbol, difference > 0m ? Side.Buy : Side.Sell, Quantity.Of(Math.Abs(difference))));
        }
        return orders;
    }
}
