using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// How the orders of a run ended. Every order counts in exactly one of the outcomes, so they add up to
/// <see cref="Total"/>; <see cref="Open"/> are the orders still working (or held) when the run stopped.
/// </summary>
internal sealed record OrderCounts(int Total, int Filled, int Denied, int Canceled, int Expired, int Rejected, int Replaced, int Open)
{
    /// <summary>Counts the orders by their final status.</summary>
    public static OrderCounts Of(IReadOnlyList<OrderSnapshot> orders) => new(
        orders.Count,
        orders.Count(o => o.Status == OrderStatus.Filled),
        orders.Count(o => o.Status == OrderStatus.Denied),
        orders.Count(o => o.Status == OrderStatus.Canceled),
        orders.Count(o => o.Status == OrderStatus.Expired),
        orders.Count(o => o.Status == OrderStatus.Rejected),
        orders.Count(o => o.Status == OrderStatus.Replaced),
        orders.Count(o => o.Status.IsOpen()));

    /// <summary>The outcomes in the order summary.json and report.html show them, with their wire names.</summary>
    public IEnumerable<(string Name, int Count)> Outcomes()
    {
        yield return ("filled", Filled);
        yield return ("denied", Denied);
        yield return ("canceled", Canceled);
        yield return ("expired", Expired);
        yield return ("rejected", Rejected);
        yield return ("replaced", Replaced);
        yield return ("open", Open);
    }
}
