using Meridian.Grains.Orders;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// Told, in-process, each time a portfolio has recorded an order (approved or denied by the risk gate) and each time it
/// has applied an order update (a fill is then in cash, position and P&amp;L).
/// The place for live views to hook in; it must return at once and never throw (it runs inside the portfolio's turn).
/// </summary>
public interface ITradingActivitySink
{
    /// <summary>The portfolio has applied <paramref name="update"/>.</summary>
    void OrderUpdateApplied(OrderUpdate update);

    /// <summary>The portfolio has recorded <paramref name="order"/>: sent to the broker, or denied (with its code) by the risk gate.</summary>
    void OrderRecorded(OrderSnapshot order);
}

/// <summary>The default sink: nothing listens.</summary>
public sealed class NoTradingActivitySink : ITradingActivitySink
{
    /// <inheritdoc />
    public void OrderUpdateApplied(OrderUpdate update)
    {
    }

    /// <inheritdoc />
    public void OrderRecorded(OrderSnapshot order)
    {
    }
}
