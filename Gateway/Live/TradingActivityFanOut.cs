using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Live;

/// <summary>
/// The portfolios' activity sink in a gateway host: tells each of the gateway's listeners (order index, audit log,
/// metrics, dashboard) in turn. A listener that throws is logged and skipped: a live view must never break a portfolio's turn.
/// </summary>
internal sealed partial class TradingActivityFanOut(IEnumerable<ITradingActivitySink> listeners, ILogger<TradingActivityFanOut> logger) : ITradingActivitySink
{
    /// <summary>The key listeners are registered under (see <see cref="TradingActivityFanOutExtensions.AddTradingActivityListener{T}"/>).</summary>
    public const string ListenerKey = "gateway";

    private readonly ITradingActivitySink[] _listeners = [.. listeners];

    public void OrderRecorded(OrderSnapshot order)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OrderRecorded(order);
            }
            catch (Exception error)
            {
                ListenerFailed(logger, error, listener.GetType().Name, order.ClientOrderId);
            }
        }
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OrderUpdateApplied(update);
            }
            catch (Exception error)
            {
                ListenerFailed(logger, error, listener.GetType().Name, update.ClientOrderId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Listener} failed on order {ClientOrderId}")]
    private static partial void ListenerFailed(ILogger logger, Exception error, string listener, string clientOrderId);
}

/// <summary>Registers the fan-out and its listeners.</summary>
public static class TradingActivityFanOutExtensions
{
    /// <summary>Makes the fan-out the silo's <see cref="ITradingActivitySink"/> (before <c>AddTrading</c>'s default).</summary>
    internal static IServiceCollection AddTradingActivityFanOut(this IServiceCollection services)
    {
        services.RemoveAll<ITradingActivitySink>();
        services.AddSingleton<ITradingActivitySink>(sp => new TradingActivityFanOut(
            sp.GetKeyedServices<ITradingActivitySink>(TradingActivityFanOut.ListenerKey),
            sp.GetRequiredService<ILogger<TradingActivityFanOut>>()));
        return services;
    }

    /// <summary>Adds <typeparamref name="T"/> (a singleton, also resolvable as itself) to what the fan-out tells.</summary>
    public static IServiceCollection AddTradingActivityListener<T>(this IServiceCollection services) where T : class, ITradingActivitySink
    {
        services.TryAddSingleton<T>();
        services.AddKeyedSingleton<ITradingActivitySink>(TradingActivityFanOut.ListenerKey, (sp, _) => sp.GetRequiredService<T>());
        return services;
    }
}
