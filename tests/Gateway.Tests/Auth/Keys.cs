using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>What the auth tests do with tokens and answers.</summary>
internal static class Keys
{
    /// <summary>The key id inside <c>mrd_&lt;key id&gt;_&lt;secret&gt;</c>.</summary>
    public static string IdOf(string token) => token.Substring(4, 12);

    /// <summary>A well-formed token for <paramref name="keyId"/> with a secret that is not its own.</summary>
    public static string WithWrongSecret(string keyId) => $"mrd_{keyId}_{Base64Url.EncodeToString(new byte[32])}";

    /// <summary>Asserts a 401 problem with code unauthenticated and a bearer challenge; returns its detail.</summary>
    public static async Task<string> AssertUnauthenticatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unauthenticated", problem.GetProperty("code").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    /// <summary>Asserts a problem of <paramref name="status"/> and <paramref name="code"/>; returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    /// <summary>The JSON body of a successful answer.</summary>
    public static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
