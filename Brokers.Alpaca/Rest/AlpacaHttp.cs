using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Wire;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>
/// Calls to one Alpaca host: the key headers, the client-side throttle, a timeout per request, JSON both ways, and error
/// answers turned into <see cref="AlpacaApiException"/>s. A 429 pauses every caller until <c>X-RateLimit-Reset</c> and the
/// request goes again (Alpaca did not process it). Reads are also retried after a 5xx or no answer, with backoff and
/// jitter; anything else is sent once, because its outcome is then unknown and must be looked up, not repeated.
/// </summary>
public sealed partial class AlpacaHttp(
    HttpClient http, Uri baseUrl, AlpacaCredentials credentials, RequestThrottle throttle, TimeProvider time, ILogger logger)
{
    /// <summary>How many 429s in a row one request waits out before giving up.</summary>
    public const int MaxRateLimitWaits = 5;

    private static readonly TimeSpan s_longestRateLimitPause = TimeSpan.FromSeconds(60);
    private readonly Random _jitter = new();

    /// <summary>How long one request may take before it counts as unanswered.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The backoff of retried reads.</summary>
    public RetryBackoff ReadRetries { get; init; } = RetryBackoff.Reads;

    /// <summary>The host called.</summary>
    public Uri BaseUrl => baseUrl;

    /// <summary>GETs <paramref name="pathAndQuery"/>, retrying 5xx and unanswered requests.</summary>
    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await SendAsync<T>(HttpMethod.Get, pathAndQuery, body: null, cancellationToken).ConfigureAwait(false))!;
            }
            catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.ServerError or AlpacaErrorKind.NoResponse && attempt < ReadRetries.MaxAttempts)
            {
                var delay = ReadRetries.Delay(attempt, _jitter);
                Log.RetryingRead(logger, e.Endpoint, attempt, e.Kind, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>GETs <paramref name="pathAndQuery"/>; null when Alpaca answers 404.</summary>
    public async Task<T?> GetOrNullAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default) where T : class
    {
        try
        {
            return await GetAsync<T>(pathAndQuery, cancellationToken).ConfigureAwait(false);
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends once (429s waited out): the answer's body as <typeparamref name="T"/>, or default for an empty answer (204).</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var endpoint = $"{method.Method} {pathAndQuery.Split('?', 2)[0]}";
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AlpacaJson.Options);
        for (var waits = 0; ; waits++)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            var (status, content, reset) = await ExchangeAsync(method, pathAndQuery, payload, endpoint, cancellationToken).ConfigureAwait(false);
            if ((int)status is >= 200 and < 300)
                return content.Length == 0 || status == HttpStatusCode.NoContent ? default : Read<T>(content, endpoint);
            var error = ReadError(content);
            var kind = AlpacaErrors.Classify(status, error?.Code, error?.Message);
            if (kind == AlpacaErrorKind.RateLimited && waits < MaxRateLimitWaits)
            {
                var until = reset ?? time.GetUtcNow().AddSeconds(1);
                var longest = time.GetUtcNow() + s_longestRateLimitPause;
                throttle.PauseUntil(until < longest ? until : longest);
                Log.RateLimited(logger, endpoint, until);
                continue;
            }
            var message = error?.Message ?? (content.Length > 0 ? Encoding.UTF8.GetString(content).Trim() : "no message");
            throw new AlpacaApiException(kind, endpoint, Shorten(message), status, error?.Code);
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Content, DateTimeOffset? Reset)> ExchangeAsync(
        HttpMethod method, string pathAndQuery, byte[]? payload, string endpoint, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, pathAndQuery));
        request.Headers.Add("APCA-API-KEY-ID", credentials.KeyId);
        request.Headers.Add("APCA-API-SECRET-KEY", credentials.SecretKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (payload is not null)
            request.Content = new ByteArrayContent(payload) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return (response.StatusCode, content, ResetOf(response));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlpacaApiException(AlpacaErrorKind.NoResponse, endpoint, $"no answer within {Timeout.TotalSeconds:0.###} s", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new AlpacaApiException(AlpacaErrorKind.NoResponse, endpoint, $"the connection failed: {e.HttpRequestError}", inner: e);
        }
    }

    private static T Read<T>(byte[] content, string endpoint)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content, AlpacaJson.Options)
                ?? throw new AlpacaApiException(AlpacaErrorKind.ContractMismatch, endpoint, "the body is null");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(body)" : e.Path.TrimStart('$', '.');
            throw new AlpacaApiException(AlpacaErrorKind.ContractMismatch, endpoint, $"field '{field}': {Shorten(e.Message.Split(" Path:", 2)[0])}", inner: e);
        }
    }

    private static AlpacaError? ReadError(byte[] content)
    {
        try
        {
            return content.Length == 0 ? null : JsonSerializer.Deserialize<AlpacaError>(content, AlpacaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ResetOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint}: attempt {Attempt} failed ({Kind}); retrying in {DelayMs:0} ms")]
        public static partial void RetryingRead(ILogger logger, string endpoint, int attempt, AlpacaErrorKind kind, double delayMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint}: rate limited by Alpaca (429); every request waits until {Reset:O}")]
        public static partial void RateLimited(ILogger logger, string endpoint, DateTimeOffset reset);
    }
}
