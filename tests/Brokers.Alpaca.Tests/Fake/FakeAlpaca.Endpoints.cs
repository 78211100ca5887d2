using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>The HTTP endpoints of the fake: Trading API v2 as in the spec's paths.</summary>
public sealed partial class FakeAlpaca
{
    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/v2/account", context => WriteAsync(context, 200, _book.AccountJson()));
        app.MapGet("/v2/clock", context => WriteAsync(context, 200, FakeAccountJson.Clock(MarketOpen)));
        app.MapPost("/v2/orders", context => PostOrderAsync(context));
        app.MapGet("/v2/orders", context => ListOrdersAsync(context));
        app.MapDelete("/v2/orders", context => WriteResponseAsync(context, _book.CancelAll()));

        // The path has a literal colon (NOTES §1.6): its own segment, so it never reaches {order_id}.
        app.MapGet("/v2/orders:by_client_order_id", context =>
            WriteOrderAsync(context, _book.GetByClientOrderId(context.Request.Query["client_order_id"].ToString()), list: false));
        app.MapGet("/v2/orders/{order_id}", context => GetOrderAsync(context));
        app.MapDelete("/v2/orders/{order_id}", context => WriteResponseAsync(context, _book.CancelById(OrderId(context))));
        app.MapPatch("/v2/orders/{order_id}", context => PatchOrderAsync(context));
        app.MapGet("/v2/positions", context => WriteAsync(context, 200, _book.PositionsJson()));
        app.MapGet("/v2/positions/{symbol_or_asset_id}", context =>
            WriteResponseAsync(context, _book.Position((string)context.GetRouteValue("symbol_or_asset_id")!)));
        app.Map("/stream", context => _stream.HandleAsync(context, _stopping.Token));
        app.MapFallback(context => WriteAsync(context, 404, FakeWire.Error(40410000, "endpoint not found")));
    }

    private async Task PostOrderAsync(HttpContext context)
    {
        if (!FakeOrderRequest.TryParse(Body(context), out var request, out var error))
        {
            await WriteAsync(context, 422, FakeWire.Error(40010001, error));
            return;
        }

        var response = _book.Submit(request, fromPost: true);
        if (response.CreatedClientOrderId is not null)
        {
            if (Faults.TryTakeTimeoutAfterAccept())
            {
                await HoldUntilClientGivesUpAsync(context);
                return;
            }

            if (Faults.TryTakeServerErrorAfterAccept(out var status))
            {
                await WriteAsync(context, status, ServerError(status));
                return;
            }
        }

        await WriteOrderAsync(context, response, list: false);
    }

    private async Task PatchOrderAsync(HttpContext context)
    {
        if (!FakePatchRequest.TryParse(Body(context), out var patch, out var error))
        {
            await WriteAsync(context, 422, FakeWire.Error(40010001, error));
            return;
        }

        await WriteOrderAsync(context, _book.Replace(OrderId(context), patch), list: false);
    }

    private Task GetOrderAsync(HttpContext context)
    {
        if (!TryReadBool(context, "nested", out var nested))
        {
            return WriteAsync(context, 422, FakeWire.Error(40010001, "invalid nested"));
        }

        return WriteOrderAsync(context, _book.GetById(OrderId(context), nested), list: false);
    }

    /// <summary><c>GET /v2/orders</c>: status, limit, after, until, direction, nested, symbols, side, before/after_order_id.</summary>
    private Task ListOrdersAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string? Value(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        Task Invalid(string message) => WriteAsync(context, 422, FakeWire.Error(40010001, message));

        var status = Value("status") ?? "open";
        if (status is not ("open" or "closed" or "all"))
        {
            return Invalid("invalid status");
        }

        var limit = 50;
        if (Value("limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 500))
        {
            return Invalid("limit must be between 1 and 500");
        }

        long? after = null, until = null;
        if (Value("after") is { } afterText)
        {
            if (!FakeTime.TryParse(afterText, out var parsed))
            {
                return Invalid("invalid after");
            }

            after = parsed;
        }

        if (Value("until") is { } untilText)
        {
            if (!FakeTime.TryParse(untilText, out var parsed))
            {
                return Invalid("invalid until");
            }

            until = parsed;
        }

        var direction = Value("direction") ?? "desc";
        if (direction is not ("asc" or "desc"))
        {
            return Invalid("invalid direction");
        }

        if (!TryReadBool(context, "nested", out var nested))
        {
            return Invalid("invalid nested");
        }

        var side = Value("side");
        if (side is not (null or "buy" or "sell"))
        {
            return Invalid("invalid side");
        }

        var symbols = Value("symbols")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var beforeOrderId = Value("before_order_id");
        var afterOrderId = Value("after_order_id");
        if (beforeOrderId is not null && afterOrderId is not null)
        {
            return Invalid("before_order_id and after_order_id are mutually exclusive");
        }

        if ((beforeOrderId ?? afterOrderId) is not null && (after ?? until) is not null)
        {
            return Invalid("before_order_id/after_order_id cannot be combined with after/until");
        }

        var response = _book.List(new FakeListQuery(status, limit, after, until, direction == "asc", nested,
            symbols is { Count: > 0 } ? symbols : null, side, beforeOrderId, afterOrderId));
        return WriteOrderAsync(context, response, list: true);
    }

    /// <summary>Holds a POST that created an order until the client gives up (or the fake stops), then drops the connection.</summary>
    private async Task HoldUntilClientGivesUpAsync(HttpContext context)
    {
        context.Items[HeldItem] = true;
        var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (context.RequestAborted.Register(() => gaveUp.TrySetResult()))
        using (_stopping.Token.Register(() => gaveUp.TrySetResult()))
        {
            await gaveUp.Task;
        }

        context.Abort();
    }

    private Task WriteOrderAsync(HttpContext context, FakeResponse response, bool list)
    {
        var body = response.Body;
        if (response.Status == 200 && body is not null)
        {
            body = Malform(body, list);
        }

        return WriteAsync(context, response.Status, body);
    }

    private static Task WriteResponseAsync(HttpContext context, FakeResponse response) =>
        WriteAsync(context, response.Status, response.Body);

    /// <summary>Applies <see cref="FakeFaults.MalformedNextOrderResponse"/> to an order (or a list's first order).</summary>
    private byte[] Malform(byte[] body, bool list)
    {
        if (!Faults.HasMalformed)
        {
            return body;
        }

        var root = JsonNode.Parse(body);
        var order = list ? (root as JsonArray)?.FirstOrDefault() as JsonObject : root as JsonObject;
        if (order is null || !Faults.TryTakeMalformed(out var field, out var replacementJson))
        {
            return body;
        }

        if (order.TryGetPropertyValue(field, out var value) && value is null)
        {
            order.Remove(field);
        }
        else
        {
            order[field] = replacementJson is null ? JsonValue.Create("abc") : JsonNode.Parse(replacementJson);
        }

        return System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString());
    }

    private static string Body(HttpContext context) => context.Items[BodyItem] as string ?? "";

    private static string OrderId(HttpContext context) => (string)context.GetRouteValue("order_id")!;

    private static bool TryReadBool(HttpContext context, string name, out bool value)
    {
        value = false;
        var text = context.Request.Query[name].ToString();
        return text.Length == 0 || bool.TryParse(text, out value);
    }
}
