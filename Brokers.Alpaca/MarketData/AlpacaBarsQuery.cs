using System.Globalization;
using System.Text;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// What to ask Alpaca's historical bars endpoint (<c>GET /v2/stocks/bars</c>) for. Alpaca's <c>start</c> and
/// <c>end</c> are both inclusive; <see cref="ForDates"/> turns calendar dates into the New York day's first and last
/// second, so a daily bar (stamped at midnight New York) and every intraday bar of those days fall inside.
/// </summary>
public sealed record AlpacaBarsQuery
{
    /// <summary>The page size asked for: Alpaca's largest, counted over all symbols, not per symbol.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The <c>adjustment</c> values Alpaca knows; a comma list of them is allowed too.</summary>
    public static IReadOnlyList<string> Adjustments { get; } = ["raw", "split", "dividend", "spin-off", "all"];

    /// <summary>The <c>feed</c> values of the historical endpoint.</summary>
    public static IReadOnlyList<string> Feeds { get; } = ["iex", "sip", "boats", "otc"];

    /// <summary>The symbols, at least one.</summary>
    public required IReadOnlyList<Symbol> Symbols { get; init; }

    /// <summary>The bar timeframe (default: a day).</summary>
    public AlpacaTimeframe Timeframe { get; init; } = AlpacaTimeframe.Day;

    /// <summary>The first bar's earliest open time, inclusive; null for Alpaca's default (the start of today).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The last bar's latest open time, inclusive; null for Alpaca's default (now, or 15 minutes ago without a real-time plan).</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>raw, split, dividend, spin-off or all, or a comma list (default: all).</summary>
    public string Adjustment { get; init; } = "all";

    /// <summary>iex, sip, boats or otc; null to take <see cref="Configuration.AlpacaOptions.Feed"/>.</summary>
    public string? Feed { get; init; }

    /// <summary>Data points per page, 1 to 10000 (default 10000).</summary>
    public int Limit { get; init; } = MaxLimit;

    /// <summary>The bars of <paramref name="symbols"/> on the New York calendar days <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static AlpacaBarsQuery ForDates(IReadOnlyList<Symbol> symbols, DateOnly start, DateOnly? end) => new()
    {
        Symbols = symbols,
        Start = TradingDay.Start(start),
        End = end is { } last ? TradingDay.Start(last.AddDays(1)).AddSeconds(-1) : null,
    };

    /// <summary>What is wrong with the query, each naming its parameter; empty when it can be sent.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Symbols is not { Count: > 0 })
            problems.Add("symbols: give at least one symbol");
        if (Start > End)
            problems.Add($"start {Start:O} is after end {End:O}");
        if (Adjustment.Split(',').FirstOrDefault(part => !Adjustments.Contains(part.Trim())) is { } adjustment)
            problems.Add($"adjustment '{adjustment}' is not one of {string.Join(", ", Adjustments)} (or a comma list of them)");
        if (Feed is not null && !Feeds.Contains(Feed))
            problems.Add($"feed '{Feed}' is not one of {string.Join(", ", Feeds)}");
        if (Limit is < 1 or > MaxLimit)
            problems.Add($"limit {Limit} is not between 1 and {MaxLimit}");
        return problems;
    }

    /// <summary>The query's parameters in the order sent (page_token last, when there is one).</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Parameters(string feed, string? pageToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("symbols", string.Join(',', Symbols.Select(s => s.Value))),
            new("timeframe", Timeframe.Text),
        };
        if (Start is { } start)
            parameters.Add(new("start", Rfc3339(start)));
        if (End is { } end)
            parameters.Add(new("end", Rfc3339(end)));
        parameters.Add(new("limit", Limit.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("adjustment", Adjustment));
        parameters.Add(new("feed", feed));
        parameters.Add(new("sort", "asc"));
        if (pageToken is not null)
            parameters.Add(new("page_token", pageToken));
        return parameters;
    }

    /// <summary>The path and query of one page's request.</summary>
    internal string PathAndQuery(string feed, string? pageToken)
    {
        var text = new StringBuilder(AlpacaBarsClient.BarsPath);
        var separator = '?';
        foreach (var (name, value) in Parameters(feed, pageToken))
        {
            // Commas stay readable in the symbol list; everything else (a page token's '+', '/', '=') is escaped.
            text.Append(separator).Append(name).Append('=')
                .Append(string.Join(',', value.Split(',').Select(Uri.EscapeDataString)));
            separator = '&';
        }
        return text.ToString();
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
