using Meridian.Gateway.Api.Wire;
using Meridian.Gateway.Auth;
using Meridian.Grains.Models;
using Meridian.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Api;

/// <summary>
/// /v1/models: the registry (every version and its stage), one model with its live figures, and the admin's promote
/// and roll back. A promotion takes effect at the Model grain's next round in the running silo.
/// </summary>
internal static class ModelEndpoints
{
    public static void MapModels(this IEndpointRouteBuilder api)
    {
        var models = api.MapGroup("/v1/models").WithTags("models");
        models.MapGet("", async (IClusterClient grains) => Results.Ok(await ListAsync(grains)))
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("Every model with its versions, champion and challengers").Produces<IReadOnlyList<ModelView>>();
        models.MapGet("/{model}", async (string model, IClusterClient grains) =>
            (await ListAsync(grains)).FirstOrDefault(m => m.Model == model) is { } found
                ? Results.Ok(found with { Live = await grains.GetGrain<IModelGrain>(model).GetStatusAsync() })
                : Problems.Problem.NotFound($"model '{model}' is not registered").ToResult())
            .RequireAuthorization(GatewayPolicies.Viewer).WithSummary("One model with its live IC per version").Produces<ModelView>();
        models.MapPost("/{model}/promote", async (string model, PromoteBody body, IClusterClient grains) =>
        {
            var fields = new WireFields();
            if (body.Version is not { } version || version < 1)
                fields.Add("version", "is required: a registered version number (1, 2, ...)");
            fields.ThrowIfAny("promotion");
            return Results.Ok(await Registry(grains).PromoteAsync(model, body.Version!.Value));
        }).RequireAuthorization(GatewayPolicies.Admin).WithSummary("Make a version the champion").Produces<ModelVersionInfo>();
        models.MapPost("/{model}/rollback", async (string model, IClusterClient grains) => Results.Ok(await Registry(grains).RollBackAsync(model)))
            .RequireAuthorization(GatewayPolicies.Admin).WithSummary("Make the previous champion the champion again").Produces<ModelVersionInfo>();
    }

    private static async Task<IReadOnlyList<ModelView>> ListAsync(IClusterClient grains)
    {
        var versions = await Registry(grains).ListAsync();
        return [.. versions.GroupBy(v => v.Model, StringComparer.Ordinal).Select(g => new ModelView(
            g.Key,
            g.FirstOrDefault(v => v.Stage == ModelStage.Champion)?.Version,
            [.. g.Where(v => v.Stage == ModelStage.Challenger).Select(v => v.Version)],
            [.. g.OrderBy(v => v.Version)]))];
    }

    private static IModelRegistryGrain Registry(IClusterClient grains) => grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
}
