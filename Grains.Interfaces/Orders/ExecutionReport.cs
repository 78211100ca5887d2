using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>
/// What a broker says happened to an order: its new status, and for a fill the execution. Brokers report, the Order grain
/// decides: a report that would be an illegal transition, a duplicated execution or an overfill is refused there.
/// </summary>
/// <param name="ClientOrderId">The order reported on.</param>
/// <param name="Status">The status the broker reports. For fills, <see cref="OrderStatus.PartiallyFilled"/> or <see cref="OrderStatus.Filled"/>.</param>
/// <param name="Time">When it happened, on the broker's clock (the runtime clock for the simulated exchange).</param>
/// <param name="BrokerOrderId">The broker's id for the order, when it has one.</param>
/// <param name="Fill">The execution, for fill reports.</param>
/// <param name="Reason">Why, for rejections, cancels and expiries.</param>
public sealed record ExecutionReport(
    string ClientOrderId,
    OrderStatus Status,
    DateTimeOffset Time,
    string? BrokerOrderId = null,
    Fill? Fill = null,
    string? Reason = null);
