using Meridian.Gateway.Api.Wire;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Meridian.Grains.MarketData;
using Meridian.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Api;

/// <summary>/v1/prices: the last price of one symbol or of several (symbols=A,B).</summary>
internal static class PriceEndpoints
{
    private const int MaxSymbols = 100;

    public static void MapPrices(this IEndpointRouteBuilder api)
    {
        var prices = api.MapGroup("/v1/prices").WithTags("prices");
        prices.MapGet("/{symbol}", async (string symbol, IClusterClient grains) =>
        {
            var fields = new WireFields();
            var s = fields.Symbol(symbol, "symbol");
            fields.ThrowIfAny("symbol");
            return await grains.GetGrain<ILastPriceGrain>(s.Value).GetAsync() is { } price
                ? Results.Ok(price)
                : Problem.NotFound($"no price has been seen for {s}").ToResult();
        }).RequireAuthorization(GatewayPolicies.Viewer).WithSummary("The last price of a symbol").Produces<LastPrice>();
        prices.MapGet("", async (string? symbols, IClusterClient grains) =>
        {
            var fields = new WireFields();
            var list = (symbols ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (list.Length == 0)
                fields.Add("symbols", "is required: a comma-separated list such as AAPL,MSFT");
            else if (list.Length > MaxSymbols)
                fields.Add("symbols", $"has {list.Length} symbols; at most {MaxSymbols} are allowed");
            var parsed = list.Select(s => fields.Symbol(s, "symbols")).ToList();
            fields.ThrowIfAny("symbols");
            var found = await Task.WhenAll(parsed.Distinct().Select(s => grains.GetGrain<ILastPriceGrain>(s.Value).GetAsync()));
            return Results.Ok(found.OfType<LastPrice>());
        }).RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Last prices of several symbols (symbols without a price are left out)").Produces<IReadOnlyList<LastPrice>>();
    }
}
