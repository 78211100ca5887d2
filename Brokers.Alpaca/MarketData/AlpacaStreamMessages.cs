using System.Globalization;
using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// Reads the data messages of Alpaca's real-time stock stream into the platform's types. A bar (<c>"T":"b"</c>, or
/// <c>"u"</c> for a corrected one) is <c>{"S","o","h","l","c","v","t",...}</c> and becomes a one-minute <see cref="Bar"/>
/// opening at <c>t</c>; a trade (<c>"T":"t"</c>) is <c>{"S","p","s","t",...}</c>. Each reader gives the value, or a
/// sentence saying which field is missing or wrong, or which value the platform's types cannot hold.
/// </summary>
internal static class AlpacaStreamMessages
{
    /// <summary>The length of the stream's bars: Alpaca streams minute bars.</summary>
    public static readonly TimeSpan BarPeriod = TimeSpan.FromMinutes(1);

    private const int MaxDecimals = 9;

    /// <summary>A bar message as a <see cref="Bar"/>, or null with what is wrong.</summary>
    public static Bar? ReadBar(JsonElement message, out string? problem)
    {
        decimal open = 0m, high = 0m, low = 0m, close = 0m, volume = 0m;
        DateTimeOffset time = default;
        problem = JsonFields.Text(message, "S", out var symbolText);
        problem ??= JsonFields.Number(message, "o", out open);
        problem ??= JsonFields.Number(message, "h", out high);
        problem ??= JsonFields.Number(message, "l", out low);
        problem ??= JsonFields.Number(message, "c", out close);
        problem ??= JsonFields.Number(message, "v", out volume);
        problem ??= JsonFields.Time(message, "t", out time);
        if (problem is not null)
            return null;
        (open, high, low, close) = (Round(open), Round(high), Round(low), Round(close));
        problem = SymbolProblem(symbolText, out var symbol)
            ?? PriceProblem("o", open) ?? PriceProblem("h", high) ?? PriceProblem("l", low) ?? PriceProblem("c", close)
            ?? (high < low ? $"high {Text(high)} is below low {Text(low)}" : null)
            ?? (open > high || open < low ? $"open {Text(open)} is outside low {Text(low)} to high {Text(high)}" : null)
            ?? (close > high || close < low ? $"close {Text(close)} is outside low {Text(low)} to high {Text(high)}" : null)
            ?? (volume < 0m ? $"field 'v': volume {Text(volume)} is negative" : null);
        return problem is null
            ? new Bar(symbol, time, BarPeriod, Price.Of(open), Price.Of(high), Price.Of(low), Price.Of(close), volume)
            : null;
    }

    /// <summary>A trade message as a <see cref="Trade"/>, or null with what is wrong.</summary>
    public static Trade? ReadTrade(JsonElement message, out string? problem)
    {
        decimal price = 0m, size = 0m;
        DateTimeOffset time = default;
        problem = JsonFields.Text(message, "S", out var symbolText);
        problem ??= JsonFields.Number(message, "p", out price);
        problem ??= JsonFields.Number(message, "s", out size);
        problem ??= JsonFields.Time(message, "t", out time);
        if (problem is not null)
            return null;
        price = Round(price);
        size = Round(size);
        problem = SymbolProblem(symbolText, out var symbol)
            ?? PriceProblem("p", price)
            ?? (Quantity.Validate(size) is { } sizeError ? $"field 's': {sizeError}" : null);
        return problem is null ? new Trade(symbol, time, Price.Of(price), Quantity.Of(size)) : null;
    }

    /// <summary>The symbol of a message, for log lines; null when it has none.</summary>
    public static string? SymbolOf(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("S", out var symbol) && symbol.ValueKind == JsonValueKind.String ? symbol.GetString() : null;

    private static string? SymbolProblem(string text, out Symbol symbol) =>
        Symbol.TryParse(text, out symbol, out var error) ? null : $"field 'S': {error}";

    private static string? PriceProblem(string field, decimal value) =>
        Price.Validate(value) is { } error ? $"field '{field}': {error}" : null;

    private static decimal Round(decimal value) => decimal.Round(value, MaxDecimals, MidpointRounding.AwayFromZero);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
