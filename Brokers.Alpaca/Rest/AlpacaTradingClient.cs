using System.Globalization;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Wire;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>
/// Alpaca's Trading API v2: account, clock, orders and positions. Every order in an answer is checked against the
/// contract (<see cref="AlpacaContract"/>) before it is returned. In dry-run mode the calls that would change anything
/// at Alpaca (submit, replace, cancel) log what they would send and return null without sending.
/// </summary>
public sealed partial class AlpacaTradingClient(AlpacaHttp http, bool dryRun, ILogger<AlpacaTradingClient> logger)
{
    /// <summary>Alpaca's largest page of orders.</summary>
    public const int MaxPage = 500;

    private const string OrdersPath = "/v2/orders";

    /// <summary>True when nothing that changes orders is sent.</summary>
    public bool DryRun => dryRun;

    /// <summary>The Trading API host.</summary>
    public Uri BaseUrl => http.BaseUrl;

    /// <summary><c>GET /v2/account</c>.</summary>
    public Task<AlpacaAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        http.GetAsync<AlpacaAccount>("/v2/account", cancellationToken);

    /// <summary><c>GET /v2/clock</c>.</summary>
    public async Task<AlpacaClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        var clock = await http.GetAsync<AlpacaClock>("/v2/clock", cancellationToken).ConfigureAwait(false);
        if (clock.Timestamp is null)
            throw AlpacaContract.Mismatch("GET /v2/clock", "timestamp", "is missing");
        if (clock.IsOpen is null)
            throw AlpacaContract.Mismatch("GET /v2/clock", "is_open", "is missing");
        return clock;
    }

    /// <summary><c>POST /v2/orders</c>, sent once; null in dry-run mode.</summary>
    public async Task<AlpacaOrder?> SubmitOrderAsync(AlpacaOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (WouldSend("POST", OrdersPath, order))
            return null;
        var placed = await http.SendAsync<AlpacaOrder>(HttpMethod.Post, OrdersPath, order, cancellationToken).ConfigureAwait(false);
        return AlpacaContract.Order(placed, "POST /v2/orders");
    }

    /// <summary><c>PATCH /v2/orders/{order_id}</c>: the new order replacing <paramref name="orderId"/>; null in dry-run mode.</summary>
    public async Task<AlpacaOrder?> ReplaceOrderAsync(string orderId, AlpacaReplaceRequest replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var path = $"{OrdersPath}/{Uri.EscapeDataString(orderId)}";
        if (WouldSend("PATCH", path, replacement))
            return null;
        var placed = await http.SendAsync<AlpacaOrder>(HttpMethod.Patch, path, replacement, cancellationToken).ConfigureAwait(false);
        return AlpacaContract.Order(placed, "PATCH /v2/orders/{order_id}");
    }

    /// <summary><c>DELETE /v2/orders/{order_id}</c>: false in dry-run mode, true when Alpaca accepted the cancel (it completes asynchronously).</summary>
    public async Task<bool> CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var path = $"{OrdersPath}/{Uri.EscapeDataString(orderId)}";
        if (WouldSend("DELETE", path, body: null))
            return false;
        await http.SendAsync<JsonElement?>(HttpMethod.Delete, path, body: null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary><c>GET /v2/orders/{order_id}?nested=true</c>; null when Alpaca does not know it.</summary>
    public async Task<AlpacaOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await http.GetOrNullAsync<AlpacaOrder>($"{OrdersPath}/{Uri.EscapeDataString(orderId)}?nested=true", cancellationToken).ConfigureAwait(false);
        return order is null ? null : AlpacaContract.Order(order, "GET /v2/orders/{order_id}");
    }

    /// <summary><c>GET /v2/orders:by_client_order_id</c>; null when no order has this client order id.</summary>
    public async Task<AlpacaOrder?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        var order = await http.GetOrNullAsync<AlpacaOrder>(
            $"{OrdersPath}:by_client_order_id?client_order_id={Uri.EscapeDataString(clientOrderId)}", cancellationToken).ConfigureAwait(false);
        return order is null ? null : AlpacaContract.Order(order, "GET /v2/orders:by_client_order_id");
    }

    /// <summary>
    /// Every order of <paramref name="status"/> (open, closed or all) submitted after <paramref name="after"/>, oldest first,
    /// legs nested under their parents. Pages of <see cref="MaxPage"/> are followed by moving <c>after</c> to the last
    /// submission time seen (a hair earlier, so orders sharing that time are not skipped; repeats are dropped by id).
    /// </summary>
    public async Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(string status, DateTimeOffset? after, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var orders = new List<AlpacaOrder>();
        var cursor = after;
        while (true)
        {
            var query = $"{OrdersPath}?status={status}&direction=asc&nested=true&limit={MaxPage}"
                + (cursor is { } c ? "&after=" + Uri.EscapeDataString(c.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)) : "");
            var page = AlpacaContract.Orders(await http.GetAsync<List<AlpacaOrder?>>(query, cancellationToken).ConfigureAwait(false), "GET /v2/orders");
            var added = 0;
            foreach (var order in page)
            {
                if (seen.Add(order.Id!))
                {
                    orders.Add(order);
                    added++;
                }
            }
            if (page.Count < MaxPage || added == 0)
                return orders;
            cursor = page.Max(o => o.SubmittedAt ?? o.CreatedAt) is { } last ? last.AddTicks(-1) : null;
            if (cursor is null)
                return orders;
        }
    }

    /// <summary><c>GET /v2/positions</c>.</summary>
    public async Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken cancellationToken = default) =>
        AlpacaContract.Positions(await http.GetAsync<List<AlpacaPosition?>>("/v2/positions", cancellationToken).ConfigureAwait(false), "GET /v2/positions");

    private bool WouldSend(string method, string path, object? body)
    {
        if (!dryRun)
            return false;
        Log.DryRun(logger, method, path, body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), AlpacaJson.Options));
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "DRY RUN: would send {Method} {Path} {Body}; nothing was sent")]
        public static partial void DryRun(ILogger logger, string method, string path, string body);
    }
}
