using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// Alpaca's historical stock bars (<c>GET /v2/stocks/bars</c> on the data host) through <see cref="AlpacaHttp"/>: the
/// key headers, the client-side throttle, 429 pauses and retried reads come from there. A query is asked page by page,
/// following <c>next_page_token</c> until it is null; results are sorted by symbol, then time, so a page may hold only
/// part of one symbol's bars and the next page goes on with them. Refusals are explained: a 401 names the key settings,
/// a 403 about SIP data says to use the IEX feed or an older end, a 400/422 names the parameter Alpaca objected to.
/// </summary>
public sealed class AlpacaBarsClient
{
    /// <summary>The multi-symbol bars endpoint.</summary>
    public const string BarsPath = "/v2/stocks/bars";

    private static readonly string[] s_parameterNames = ["symbols", "timeframe", "start", "end", "limit", "adjustment", "feed", "sort", "page_token", "asof", "currency"];

    private readonly AlpacaHttp _http;
    private readonly AlpacaOptions _options;

    /// <summary>A client over <paramref name="http"/>, which must point at the data host.</summary>
    public AlpacaBarsClient(AlpacaHttp http, AlpacaOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>
    /// A client of <see cref="AlpacaOptions.DataUrl"/> with its own throttle of <see cref="AlpacaOptions.RequestsPerMinute"/>
    /// and <see cref="AlpacaOptions.RequestTimeout"/> per request.
    /// </summary>
    public static AlpacaBarsClient Create(HttpClient http, AlpacaOptions options, AlpacaCredentials credentials, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var throttle = new RequestThrottle(options.RequestsPerMinute, TimeSpan.FromMinutes(1), time);
        return new AlpacaBarsClient(new AlpacaHttp(http, options.DataUrl, credentials, throttle, time, logger) { Timeout = options.RequestTimeout }, options);
    }

    /// <summary>The feed a query is sent with: its own, else <see cref="AlpacaOptions.Feed"/>.</summary>
    public string FeedOf(AlpacaBarsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Feed ?? _options.Feed;
    }

    /// <summary>
    /// The pages of <paramref name="query"/>, each as Alpaca sent it, asked one after the other until the last. Throws
    /// <see cref="ArgumentException"/> for an invalid query (nothing sent) and <see cref="AlpacaApiException"/> when
    /// Alpaca refuses or fails, or a page does not have the shape of Alpaca's bars response.
    /// </summary>
    public async IAsyncEnumerable<AlpacaBarsPage> GetPagesAsync(AlpacaBarsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var feed = FeedOf(query);
        if ((query with { Feed = feed }).Validate() is { Count: > 0 } problems)
            throw new ArgumentException($"the bars query is invalid: {string.Join("; ", problems)}", nameof(query));
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var number = 1; ; number++)
        {
            JsonElement body;
            try
            {
                body = await _http.GetAsync<JsonElement>(query.PathAndQuery(feed, token), cancellationToken).ConfigureAwait(false);
            }
            catch (AlpacaApiException e)
            {
                throw Explain(e, query, feed, token);
            }
            var page = ReadPage(number, body);
            yield return page;
            if (page.NextPageToken is not { } next)
                yield break;
            if (!tokens.Add(next))
                throw new AlpacaApiException(AlpacaErrorKind.ContractMismatch, $"GET {BarsPath}", $"page {number} gave a next_page_token that was already followed; stopping rather than looping");
            token = next;
        }
    }

    /// <summary>
    /// Every bar of <paramref name="query"/>: all pages, each symbol's pieces joined in page order (so in time order).
    /// A malformed bar is an <see cref="AlpacaApiException"/> of kind <see cref="AlpacaErrorKind.ContractMismatch"/>
    /// naming its page, symbol and field.
    /// </summary>
    public async Task<AlpacaBarsResult> GetBarsAsync(AlpacaBarsQuery query, CancellationToken cancellationToken = default)
    {
        var pages = new List<AlpacaBarsPage>();
        var bars = new Dictionary<Symbol, List<AlpacaBar>>();
        await foreach (var page in GetPagesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            pages.Add(page);
            using var document = JsonDocument.Parse(page.Json);
            if (!document.RootElement.TryGetProperty("bars", out var symbols) || symbols.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var entry in symbols.EnumerateObject())
            {
                if (!Symbol.TryParse(entry.Name, out var symbol, out var symbolError))
                    throw Mismatch($"page {page.Number}: bars key '{entry.Name}': {symbolError}");
                if (!bars.TryGetValue(symbol, out var list))
                    bars[symbol] = list = [];
                var index = 0;
                foreach (var item in entry.Value.EnumerateArray())
                {
                    list.Add(AlpacaBar.Read(item, out var error) ?? throw Mismatch($"page {page.Number}: bars.{entry.Name}[{index}]: {error}"));
                    index++;
                }
            }
        }
        return new AlpacaBarsResult(bars.ToDictionary(p => p.Key, p => (IReadOnlyList<AlpacaBar>)p.Value), pages);
    }

    /// <summary>Checks the envelope of a page (its bars are the importer's to judge) and counts its bars per symbol.</summary>
    private static AlpacaBarsPage ReadPage(int number, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw Mismatch($"page {number}: expected a JSON object, found {JsonFields.Describe(body)}");
        if (!body.TryGetProperty("next_page_token", out var next) || next.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            throw Mismatch($"page {number}: field 'next_page_token' is {(next.ValueKind == JsonValueKind.Undefined ? "missing" : $"{JsonFields.Describe(next)}, not a string or null")}");
        var counts = new List<KeyValuePair<Symbol, int>>();
        if (!body.TryGetProperty("bars", out var bars))
            throw Mismatch($"page {number}: field 'bars' is missing");
        if (bars.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in bars.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Array)
                    throw Mismatch($"page {number}: bars.{entry.Name}: expected an array of bars, found {JsonFields.Describe(entry.Value)}");
                // A key that is no symbol is left for the importer, which names it with its line.
                if (Symbol.TryParse(entry.Name, out var symbol, out _))
                    counts.Add(new(symbol, entry.Value.GetArrayLength()));
            }
        }
        else if (bars.ValueKind != JsonValueKind.Null)
            throw Mismatch($"page {number}: field 'bars': expected an object of symbols' bars, found {JsonFields.Describe(bars)}");
        var token = next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } text ? text : null;
        return new AlpacaBarsPage(number, body.GetRawText(), token, counts);
    }

    /// <summary>The refusal said so that a person knows what to change; the key values never appear.</summary>
    private static AlpacaApiException Explain(AlpacaApiException e, AlpacaBarsQuery query, string feed, string? token)
    {
        var said = e.AlpacaMessage;
        var message = e.Kind switch
        {
            AlpacaErrorKind.Unauthorized =>
                $"Alpaca refused the API key ({said}). Check the settings {AlpacaDataSettings.KeySettings}: they must hold a key id and its secret "
                + "from the same Alpaca account (paper and live keys differ; either works for market data).",
            AlpacaErrorKind.Forbidden or AlpacaErrorKind.InsufficientFunds or AlpacaErrorKind.PatternDayTrader when Mentions(said, "sip") || Mentions(said, "subscription") =>
                $"your Alpaca data subscription does not cover this request ({said}). Without a paid plan, ask for feed iex (--feed iex), "
                + $"or for SIP data set the end at least 15 minutes in the past (the request asked feed {feed}).",
            AlpacaErrorKind.Forbidden or AlpacaErrorKind.InsufficientFunds or AlpacaErrorKind.PatternDayTrader =>
                $"Alpaca forbids this request ({said}); check that the key's account may read market data of feed {feed}.",
            AlpacaErrorKind.Validation => ExplainParameter(said, query, feed, token),
            AlpacaErrorKind.RateLimited =>
                $"Alpaca kept answering 429 (too many requests) after {AlpacaHttp.MaxRateLimitWaits} waits ({said}); the free data plan allows 200 requests a minute. Try again later.",
            AlpacaErrorKind.NotFound =>
                $"the data host answered 404 ({said}); check the data URL ({AlpacaDataSettings.DataUrlSetting}, default https://data.alpaca.markets).",
            _ => null,
        };
        return message is null ? e : new AlpacaApiException(e.Kind, e.Endpoint, message, e.Status, e.Code, e);
    }

    private static string ExplainParameter(string said, AlpacaBarsQuery query, string feed, string? token)
    {
        var sent = query.Parameters(feed, token).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var named = s_parameterNames.Where(name => Regex.IsMatch(said, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        if (named.Count == 0 && Regex.IsMatch(said, @"\bsymbol\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            named.Add("symbols");
        if (named.Count == 0)
            return $"Alpaca refused the request ({said}); sent {string.Join("&", sent.Select(p => $"{p.Key}={p.Value}"))}.";
        var which = string.Join(", ", named.Select(name => sent.TryGetValue(name, out var value) ? $"'{name}' (sent '{value}')" : $"'{name}' (not sent)"));
        return $"Alpaca refused the parameter {which}: {said}";
    }

    private static bool Mentions(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static AlpacaApiException Mismatch(string message) => new(AlpacaErrorKind.ContractMismatch, $"GET {BarsPath}", message);
}
