using System.Globalization;
using Meridian.Gateway.Api.Wire;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Api;

/// <summary>
/// /v1/orders: submit (through the portfolio's risk gate), list with filters and paging, get, cancel, replace, history.
/// An order's id is its client order id.
/// </summary>
internal static class OrderEndpoints
{
    private const int MaxPageSize = 500;

    public static void MapOrders(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/v1/orders").WithTags("orders");
        orders.MapPost("", SubmitAsync).RequireAuthorization(GatewayPolicies.Trader)
            .WithSummary("Submit an order; the same client_order_id with the same order returns the existing order")
            .Produces<OrderView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapGet("", ListAsync).RequireAuthorization(GatewayPolicies.Viewer)
            .WithSummary("List orders: status open|closed|all, symbols, side, after, until, direction, limit (at most 500), page_token")
            .Produces<OrderPage>();
        orders.MapGet("/{client_order_id}", GetAsync).RequireAuthorization(GatewayPolicies.Viewer).WithSummary("An order by its client order id").Produces<OrderView>();
        orders.MapGet("/{client_order_id}/events", HistoryAsync).RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Everything that happened to an order, oldest first");
        orders.MapDelete("/{client_order_id}", CancelAsync).RequireAuthorization(GatewayPolicies.Trader).WithSummary("Cancel an open order").Produces<OrderView>();
        orders.MapPatch("/{client_order_id}", ReplaceAsync).RequireAuthorization(GatewayPolicies.Trader)
            .WithSummary("Replace an open order: a new order with the changes replaces it").Produces<OrderView>();
    }

    private static async Task<IResult> SubmitAsync(SubmitOrderBody body, HttpContext context, IClusterClient grains)
    {
        var request = body.ToRequest();
        ApiAccess.EnsurePortfolio(context, request.PortfolioId);
        var order = await Portfolio(grains, request.PortfolioId).SubmitOrderAsync(request);
        if (order.Status == OrderStatus.Denied)
        {
            return Problem.Of(StatusCodes.Status403Forbidden, ProblemCodes.RiskDenied, "The risk gate denied the order",
                order.StatusReason ?? "denied", extensions: new()
                {
                    ["denial_code"] = order.DenialCode ?? "",
                    ["client_order_id"] = order.ClientOrderId,
                }).ToResult();
        }
        return Results.Ok(OrderView.Of(order));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient grains, OrderIndex index,
        string? portfolio_id, string? status, string? symbols, string? side, string? after, string? until, string? direction, string? limit, string? page_token)
    {
        var caller = ApiAccess.CallerOf(context);
        var fields = new WireFields();
        IReadOnlyCollection<string>? portfolios = caller.Portfolios;
        if (portfolio_id is not null)
            portfolios = caller.CanAccess(portfolio_id) ? [portfolio_id] : [];
        status ??= "open";
        if (status is not ("open" or "closed" or "all"))
            fields.Add("status", $"'{status}' is not one of open, closed, all");
        var symbolList = symbols?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => fields.Symbol(s, "symbols").ToString()).ToList();
        var sideName = side is null ? null : WireName.Of(fields.Enum<Side>(side, "side"));
        var afterTime = Time(after, "after", fields);
        var untilTime = Time(until, "until", fields);
        var descending = (direction ?? "desc") switch
        {
            "desc" => true,
            "asc" => false,
            _ => Invalid(fields, "direction", $"'{direction}' is not one of asc, desc"),
        };
        var size = fields.Count(limit, "limit", MaxPageSize, 50);
        OrderIndex.PageKey? from = null;
        if (page_token is not null && (from = OrderIndex.PageKey.Parse(page_token)) is null)
            fields.Add("page_token", "is not a page token this API gave out");
        fields.ThrowIfAny("order listing");

        var (ids, next) = await index.ListAsync(
            new OrderQuery(portfolios, status, symbolList, sideName, afterTime, untilTime, descending, size, from), context.RequestAborted);
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrderGrain>(id).GetAsync()));
        return Results.Ok(new OrderPage([.. snapshots.OfType<OrderSnapshot>().Select(OrderView.Of)], next?.ToToken()));
    }

    private static async Task<IResult> GetAsync(string client_order_id, HttpContext context, IClusterClient grains) =>
        Results.Ok(OrderView.Of(await FindAsync(client_order_id, context, grains)));

    private static async Task<IResult> HistoryAsync(string client_order_id, HttpContext context, IClusterClient grains)
    {
        await FindAsync(client_order_id, context, grains);
        return Results.Ok(await grains.GetGrain<IOrderGrain>(client_order_id).GetHistoryAsync());
    }

    private static async Task<IResult> CancelAsync(string client_order_id, HttpContext context, IClusterClient grains)
    {
        var order = await FindAsync(client_order_id, context, grains);
        var canceled = await Portfolio(grains, order.Request.PortfolioId).CancelOrderAsync(client_order_id, "canceled through the API");
        return Results.Ok(OrderView.Of(canceled));
    }

    private static async Task<IResult> ReplaceAsync(string client_order_id, ReplaceOrderBody body, HttpContext context, IClusterClient grains)
    {
        var replacement = body.ToReplacement();
        var order = await FindAsync(client_order_id, context, grains);
        var replacing = await Portfolio(grains, order.Request.PortfolioId).ReplaceOrderAsync(client_order_id, replacement);
        return Results.Ok(OrderView.Of(replacing));
    }

    /// <summary>The order, or a 404 problem when it does not exist or belongs to a portfolio outside the key's scope.</summary>
    private static async Task<OrderSnapshot> FindAsync(string clientOrderId, HttpContext context, IClusterClient grains)
    {
        if (clientOrderId.Length > OrderRequest.MaxClientOrderIdLength)
            throw new ProblemException(Problem.NotFound($"order '{clientOrderId[..32]}...' does not exist"));
        var order = await grains.GetGrain<IOrderGrain>(clientOrderId).GetAsync();
        if (order is null || !ApiAccess.CallerOf(context).CanAccess(order.Request.PortfolioId))
            throw new ProblemException(Problem.NotFound($"order '{clientOrderId}' does not exist"));
        return order;
    }

    private static IPortfolioGrain Portfolio(IClusterClient grains, string id) => grains.GetGrain<IPortfolioGrain>(id);

    private static DateTimeOffset? Time(string? text, string field, WireFields fields)
    {
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        fields.Add(field, $"'{text}' is not an RFC 3339 time such as 2026-11-21T14:30:00Z");
        return null;
    }

    private static bool Invalid(WireFields fields, string field, string message)
    {
        fields.Add(field, message);
        return true;
    }
}
