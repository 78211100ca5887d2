using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Meridian.Gateway.Tests.Api;

/// <summary>Small helpers for calling the API and reading its JSON the way a client does: by snake_case field names.</summary>
internal static class ApiJson
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = Body(json);
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var element = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        if ((int)response.StatusCode >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, element);
    }

    public static Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(this HttpClient client, string path, string json) => client.SendAsync(HttpMethod.Post, path, json);

    public static Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);

    public static string Text(this JsonElement json, string name) => json.GetProperty(name).GetString()!;

    /// <summary>The fields a problem's errors name.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()!)] : [];

    public static JsonContent AsJson<T>(T value) => JsonContent.Create(value);
}
