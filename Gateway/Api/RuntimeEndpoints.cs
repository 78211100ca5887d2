using Meridian.Gateway.Api.Wire;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Meridian.Runtime;
using Meridian.Runtime.Introspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Api;

/// <summary>An activation as /v1/runtime/grains lists it; its state is at /v1/runtime/grains/{grain_id}.</summary>
public sealed record GrainView(string GrainId, string GrainType, string Key, string State, int RunningRequests, int WaitingRequests, double IdleSeconds);

/// <summary>
/// /v1/runtime: the silo as the dashboard shows it: grain types with their activations, per-method call figures, the
/// active grains, and one grain's persistent state. Grain state crosses portfolios, so it needs a key not scoped to any.
/// </summary>
internal static class RuntimeEndpoints
{
    private const int MaxGrains = 1000;

    public static void MapRuntime(this IEndpointRouteBuilder api)
    {
        var runtime = api.MapGroup("/v1/runtime").WithTags("runtime").RequireAuthorization(GatewayPolicies.Viewer);
        runtime.MapGet("/grain_types", (ISiloIntrospection silo) => Results.Ok(silo.GetGrainTypes()))
            .WithSummary("Every grain type and its activations now").Produces<IReadOnlyList<GrainTypeSummary>>();
        runtime.MapGet("/methods", (ISiloIntrospection silo) => Results.Ok(silo.GetMethods()))
            .WithSummary("Per grain method: calls, calls per second, errors, latency percentiles (µs)").Produces<IReadOnlyList<MethodSummary>>();
        runtime.MapGet("/grains", (string? type, string? limit, HttpContext context, ISiloIntrospection silo) =>
        {
            EnsureUnscoped(context);
            var fields = new WireFields();
            var count = fields.Count(limit, "limit", MaxGrains, MaxGrains);
            fields.ThrowIfAny("grain listing");
            return Results.Ok(silo.GetActiveGrains(type, count).Select(g => new GrainView(
                g.GrainId.ToString(), g.GrainId.Type, g.GrainId.Key.ToString(), g.State, g.RunningRequests, g.WaitingRequests, g.IdleFor.TotalSeconds)));
        }).WithSummary("The active grains, optionally of one type").Produces<IReadOnlyList<GrainView>>();
        runtime.MapGet("/grains/{grain_type}/{**key}", async (string grain_type, string key, HttpContext context, ISiloIntrospection silo) =>
        {
            EnsureUnscoped(context);
            GrainId id;
            try
            {
                id = GrainId.Parse(grain_type + "/" + key);
            }
            catch (FormatException e)
            {
                throw new Grains.Domain.InvalidInputException("grain id", [new("key", e.Message)]);
            }
            return await silo.GetGrainStateAsync(id) is { } state
                ? Results.Json(state, statusCode: StatusCodes.Status200OK)
                : Problem.NotFound($"grain '{id}' is not active").ToResult();
        }).WithSummary("An active grain's persistent state (never activates it)");
    }

    private static void EnsureUnscoped(HttpContext context)
    {
        if (ApiAccess.CallerOf(context).Portfolios is not null)
            throw new ProblemException(Problem.Of(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden",
                "grains hold every portfolio's state: a key scoped to some portfolios may not read them"));
    }
}
