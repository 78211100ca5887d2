using Meridian.Gateway.Api.Wire;
using Meridian.Gateway.Auth;
using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Api;

/// <summary>
/// /v1/portfolios: open (admin), summary, positions, open orders, equity curve, statistics, risk limits (changed by an
/// admin), the trading state (the kill switch, admin) and liquidation (admin).
/// </summary>
internal static class PortfolioEndpoints
{
    public static void MapPortfolios(this IEndpointRouteBuilder api)
    {
        var portfolios = api.MapGroup("/v1/portfolios").WithTags("portfolios");
        portfolios.MapGet("", ListAsync).RequireAuthorization(GatewayPolicies.Viewer).WithSummary("The portfolios the key may see that have traded or are active");
        portfolios.MapPost("", OpenAsync).RequireAuthorization(GatewayPolicies.Admin).WithSummary("Open a portfolio with its starting cash and risk limits")
            .Produces<PortfolioView>(StatusCodes.Status201Created);
        var one = portfolios.MapGroup("/{portfolio_id}");
        one.MapGet("", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(PortfolioView.Of(await Portfolio(context, grains, portfolio_id).GetAsync())))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Cash, equity, P&L, exposures, drawdown, trading state and positions").Produces<PortfolioView>();
        one.MapGet("/positions", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(PortfolioView.Of(await Portfolio(context, grains, portfolio_id).GetAsync()).Positions))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Open positions with their marks").Produces<IReadOnlyList<PositionWire>>();
        one.MapGet("/orders/open", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok((await (await OpenedAsync(context, grains, portfolio_id)).GetOpenOrdersAsync()).Select(OpenOrderWire.Of)))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Open orders as the risk gate counts them").Produces<IReadOnlyList<OpenOrderWire>>();
        one.MapGet("/equity", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok((await (await OpenedAsync(context, grains, portfolio_id)).GetEquityCurveAsync()).Select(p => new EquityPointWire(p.Time, p.Equity))))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("The equity curve, oldest first").Produces<IReadOnlyList<EquityPointWire>>();
        one.MapGet("/statistics", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(await Portfolio(context, grains, portfolio_id).GetStatisticsAsync()))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Returns, risk and trade statistics (docs/statistics.md)").Produces<PortfolioStatistics>();
        one.MapGet("/events", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(await (await OpenedAsync(context, grains, portfolio_id)).GetEventsAsync()))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Kill switch, breaches and limit changes, oldest first");
        one.MapGet("/risk_limits", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(RiskLimitsWire.Of(await (await OpenedAsync(context, grains, portfolio_id)).GetRiskLimitsAsync())))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("The risk limits in force").Produces<RiskLimitsWire>();
        one.MapPut("/risk_limits", SetRiskLimitsAsync).RequireAuthorization(GatewayPolicies.Admin)
            .WithSummary("Replace the risk limits (a limit left out is removed)").Produces<RiskLimitsWire>();
        one.MapGet("/trading_state", async (string portfolio_id, HttpContext context, IClusterClient grains) =>
            Results.Ok(StateOf(await Portfolio(context, grains, portfolio_id).GetAsync())))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("The trading state: active, halted or reducing").Produces<TradingStateView>();
        one.MapPut("/trading_state", SetTradingStateAsync).RequireAuthorization(GatewayPolicies.Admin)
            .WithSummary("The kill switch: halted denies new orders, reducing allows only exposure-reducing ones").Produces<TradingStateView>();
        one.MapPost("/liquidate", LiquidateAsync).RequireAuthorization(GatewayPolicies.Admin)
            .WithSummary("Cancel every open order and close every position at market");
    }

    private static async Task<IResult> ListAsync(HttpContext context, OrderIndex index, Runtime.Introspection.ISiloIntrospection silo, IClusterClient grains)
    {
        var caller = ApiAccess.CallerOf(context);
        var known = new SortedSet<string>(await index.PortfoliosAsync(context.RequestAborted), StringComparer.Ordinal);
        // Active Portfolio grains include ones merely asked about (a GET of an unknown id activates an empty grain):
        // only those that were opened are portfolios.
        foreach (var grain in silo.GetActiveGrains(PortfolioGrainType))
        {
            var id = grain.GrainId.Key.ToString()[2..];
            if (!known.Contains(id) && caller.CanAccess(id) && await IsOpenAsync(grains.GetGrain<IPortfolioGrain>(id)))
                known.Add(id);
        }
        return Results.Ok(known.Where(caller.CanAccess).Select(id => new { id }));
    }

    private static async Task<bool> IsOpenAsync(IPortfolioGrain portfolio)
    {
        try
        {
            await portfolio.GetAsync();
            return true;
        }
        catch (PortfolioNotFoundException)
        {
            return false;
        }
    }

    private static async Task<IResult> OpenAsync(OpenPortfolioBody body, HttpContext context, IClusterClient grains)
    {
        var fields = new WireFields();
        var id = fields.Text(body.Id, "id", 64);
        if (body.StartingCash is not { } cash)
            fields.Add("starting_cash", "is required");
        else if (cash <= 0m || cash > 1_000_000_000_000m)
            fields.Add("starting_cash", $"{cash} must be greater than zero and at most 1000000000000");
        fields.ThrowIfAny("portfolio");
        ApiAccess.EnsurePortfolio(context, id);
        var limits = body.RiskLimits?.ToLimits() ?? RiskLimits.None;
        var opened = await grains.GetGrain<IPortfolioGrain>(id).OpenAsync(new PortfolioSettings(Money.Of(body.StartingCash!.Value), limits));
        return Results.Created($"/v1/portfolios/{id}", PortfolioView.Of(opened));
    }

    private static async Task<IResult> SetRiskLimitsAsync(string portfolio_id, RiskLimitsWire body, HttpContext context, IClusterClient grains)
    {
        var portfolio = Portfolio(context, grains, portfolio_id);
        await portfolio.SetRiskLimitsAsync(body.ToLimits().EnsureValid(), ApiAccess.CallerOf(context).Actor);
        return Results.Ok(RiskLimitsWire.Of(await portfolio.GetRiskLimitsAsync()));
    }

    private static async Task<IResult> SetTradingStateAsync(string portfolio_id, TradingStateBody body, HttpContext context, IClusterClient grains)
    {
        var fields = new WireFields();
        var state = fields.Enum<TradingState>(body.State, "state");
        var reason = fields.Text(body.Reason, "reason", 500);
        fields.ThrowIfAny("trading state");
        var portfolio = Portfolio(context, grains, portfolio_id);
        await portfolio.SetTradingStateAsync(state, $"{reason} (by {ApiAccess.CallerOf(context).Actor})");
        return Results.Ok(StateOf(await portfolio.GetAsync()));
    }

    private static async Task<IResult> LiquidateAsync(string portfolio_id, LiquidateBody body, HttpContext context, IClusterClient grains)
    {
        var fields = new WireFields();
        var reason = fields.Text(body.Reason, "reason", 500);
        fields.ThrowIfAny("liquidation");
        var orders = await Portfolio(context, grains, portfolio_id).LiquidateAsync($"{reason} (by {ApiAccess.CallerOf(context).Actor})");
        return Results.Ok(orders.Select(OrderView.Of));
    }

    /// <summary>The grain type name of portfolios in the runtime's directory.</summary>
    internal const string PortfolioGrainType = "portfolio";

    private static IPortfolioGrain Portfolio(HttpContext context, IClusterClient grains, string id)
    {
        ApiAccess.EnsurePortfolio(context, id);
        return grains.GetGrain<IPortfolioGrain>(id);
    }

    /// <summary>The portfolio's grain after checking it is open (for reads the grain answers even for a portfolio never opened).</summary>
    private static async Task<IPortfolioGrain> OpenedAsync(HttpContext context, IClusterClient grains, string id)
    {
        var portfolio = Portfolio(context, grains, id);
        await portfolio.GetAsync();
        return portfolio;
    }

    private static TradingStateView StateOf(PortfolioSnapshot p) => new(p.PortfolioId, p.TradingState, p.TradingStateReason);
}
