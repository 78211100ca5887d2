using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;

namespace Meridian.Grains.Exchange;

/// <summary>
/// How long orders work. Day and cls orders live for one session: on daily bars, the first bar they are eligible for;
/// on intraday bars, the session their acceptance instant belongs to (<see cref="ExchangeSessions"/>). Ioc, fok and opg
/// orders get exactly one bar, their first eligible one. Gtc orders work until filled or canceled.
/// </summary>
internal static class TimeInForceRules
{
    /// <summary>True when a day or cls order's session is over by the time <paramref name="bar"/> opens: it expires before the bar is worked.</summary>
    public static bool SessionEndedBefore(WorkingOrder order, Bar bar, ExchangeSessions sessions) =>
        order.Request.TimeInForce is TimeInForce.Day or TimeInForce.Cls
        && (ExchangeSessions.IsDaily(bar)
            ? order.FirstEligibleBarTime is { } first && bar.Time > first
            : bar.Time >= sessions.CloseOfSession(order.AcceptedAt));

    /// <summary>True when a cls order trades in <paramref name="bar"/>: a daily bar, or the intraday bar during which its session closes.</summary>
    public static bool IsClosingBar(WorkingOrder order, Bar bar, ExchangeSessions sessions) =>
        ExchangeSessions.IsDaily(bar) || bar.End >= sessions.CloseOfSession(order.AcceptedAt);

    /// <summary>How an order's unfilled remainder ends after it has worked <paramref name="bar"/>, or null when it keeps working.</summary>
    public static (OrderStatus Status, string Reason)? EndAfterBar(WorkingOrder order, Bar bar, ExchangeSessions sessions) =>
        order.Request.TimeInForce switch
        {
            TimeInForce.Ioc => (OrderStatus.Canceled, $"ioc: {order.RemainingQuantity} unfilled in its first bar canceled"),
            TimeInForce.Fok => (OrderStatus.Canceled, $"fok: could not fill all {order.RemainingQuantity} in its first bar"),
            TimeInForce.Opg => (OrderStatus.Expired, $"opg: {order.RemainingQuantity} unfilled at the open of its first bar"),
            TimeInForce.Cls when IsClosingBar(order, bar, sessions) => (OrderStatus.Expired, $"cls: {order.RemainingQuantity} unfilled at the session's close"),
            _ => null,
        };

    /// <summary>Why a day or cls order expired before a bar.</summary>
    public static string SessionEndedReason(WorkingOrder order) =>
        $"{WireName.Of(order.Request.TimeInForce)}: the session it was accepted in has ended";
}
