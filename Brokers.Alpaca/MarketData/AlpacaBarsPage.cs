using System.Text.Json;
using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// One page of Alpaca's answer to a bars query, as sent: <see cref="Json"/> is the response body
/// (<c>{"bars":{"AAPL":[...],...},"next_page_token":...}</c>), left for the importer to read and check bar by bar.
/// </summary>
/// <param name="Number">1 for the first page.</param>
/// <param name="Json">The body as Alpaca sent it.</param>
/// <param name="NextPageToken">The token of the next page; null on the last.</param>
/// <param name="BarCounts">How many bars the page holds of each symbol, in the page's order.</param>
public sealed record AlpacaBarsPage(int Number, string Json, string? NextPageToken, IReadOnlyList<KeyValuePair<Symbol, int>> BarCounts)
{
    /// <summary>The bars on the page, all symbols.</summary>
    public int BarCount => BarCounts.Sum(c => c.Value);
}

/// <summary>One bar of Alpaca's historical bars: <see cref="Time"/> is when it opens.</summary>
public sealed record AlpacaBar(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long? TradeCount, decimal? Vwap)
{
    /// <summary>Reads a bar object (<c>{"t","o","h","l","c","v","n","vw"}</c>); null, with the field that is wrong, when it is malformed.</summary>
    internal static AlpacaBar? Read(JsonElement item, out string? error)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"expected a bar object, found {JsonFields.Describe(item)}";
            return null;
        }
        decimal open = 0m, high = 0m, low = 0m, close = 0m, volume = 0m;
        long? trades = null;
        decimal? vwap = null;
        error = JsonFields.Time(item, "t", out var time);
        error ??= JsonFields.Number(item, "o", out open);
        error ??= JsonFields.Number(item, "h", out high);
        error ??= JsonFields.Number(item, "l", out low);
        error ??= JsonFields.Number(item, "c", out close);
        error ??= JsonFields.Number(item, "v", out volume);
        error ??= JsonFields.OptionalInteger(item, "n", out trades);
        error ??= JsonFields.OptionalNumber(item, "vw", out vwap);
        return error is null ? new AlpacaBar(time, open, high, low, close, volume, trades, vwap) : null;
    }
}

/// <summary>Every page of a bars query, and each symbol's bars merged across them in time order.</summary>
/// <param name="Bars">Each symbol's bars, the pieces of every page joined (a page may end in the middle of a symbol).</param>
/// <param name="Pages">The pages as received.</param>
public sealed record AlpacaBarsResult(IReadOnlyDictionary<Symbol, IReadOnlyList<AlpacaBar>> Bars, IReadOnlyList<AlpacaBarsPage> Pages);
