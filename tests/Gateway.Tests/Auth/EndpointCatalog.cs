using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>One route endpoint of the running gateway, with a request path that reaches it.</summary>
/// <param name="Method">The HTTP method (GET when the endpoint takes any).</param>
/// <param name="Route">The route template, e.g. <c>/v1/keys/{key_id}</c>.</param>
/// <param name="Path">The route with its parameters filled by dummy values that satisfy their constraints.</param>
/// <param name="Anonymous">Marked AllowAnonymous: open without a key.</param>
/// <param name="Policies">The authorization policies it names (none: the fallback policy, a viewer key).</param>
internal sealed record CatalogEndpoint(string Method, string Route, string Path, bool Anonymous, IReadOnlyList<string> Policies)
{
    /// <summary>Whether the method carries a body (the catalog's tests send <c>{}</c>).</summary>
    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>Every route endpoint of a running app, as the endpoint data source holds them: new endpoints appear by themselves.</summary>
internal static class EndpointCatalog
{
    public static IReadOnlyList<CatalogEndpoint> Of(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var catalog = new List<CatalogEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "default").Distinct().ToArray();
            var route = "/" + endpoint.RoutePattern.RawText?.Trim('/');
            var path = PathOf(endpoint.RoutePattern);
            catalog.AddRange(methods.Select(method => new CatalogEndpoint(method, route, path, anonymous, policies)));
        }
        return catalog;
    }

    private static string PathOf(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => DummyFor(parameter),
                    _ => "x",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>A value the parameter's constraints accept, so the request reaches the endpoint rather than a 404.</summary>
    private static string DummyFor(RoutePatternParameterPart parameter)
    {
        foreach (var policy in parameter.ParameterPolicies)
        {
            switch (policy.Content?.Split('(')[0])
            {
                case "int" or "long" or "decimal" or "double" or "float" or "min" or "range":
                    return "1";
                case "guid":
                    return "00000000-0000-0000-0000-000000000001";
                case "bool":
                    return "true";
                case "datetime":
                    return "2024-01-02";
            }
        }
        return "x";
    }
}
