using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Meridian.Gateway.Dashboard;

/// <summary>
/// The page, scripts and styles of the dashboard, read once from the assembly's resources (<c>dashboard/&lt;path&gt;</c>,
/// see Gateway.csproj) and served with their content type, an ETag and a Content-Security-Policy that allows only
/// this origin's own scripts, styles and connections: no inline script or style, nothing from elsewhere.
/// </summary>
internal sealed class DashboardAssets
{
    /// <summary>The policy every dashboard response carries.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string Prefix = "dashboard/";

    private readonly Dictionary<string, Asset> _assets;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        _assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var path = name[Prefix.Length..].Replace('\\', '/');
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "image/svg+xml")
                type = (type == "application/javascript" ? "text/javascript" : type) + "; charset=utf-8";
            _assets[path] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
        }
    }

    /// <summary>Writes the asset at <paramref name="path"/> (relative to wwwroot), a 304 when the client has it, a 404 when there is none.</summary>
    public Task ServeAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        ApplySecurityHeaders(response);
        if (!_assets.TryGetValue(path, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync($"the dashboard has no file '{path}'", context.RequestAborted);
        }

        // Always revalidate: a new build serves new files at the same paths.
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Bytes, context.RequestAborted).AsTask();
    }

    /// <summary>The headers that keep the page to its own code.</summary>
    public static void ApplySecurityHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
