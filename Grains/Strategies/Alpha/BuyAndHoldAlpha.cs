using Meridian.Grains.MarketData;

namespace Meridian.Grains.Strategies.Alpha;

/// <summary>Up on each symbol's first bar, and never anything after: buy once, hold to the end.</summary>
public sealed class BuyAndHoldAlpha(Dictionary<string, SymbolSignal> signals) : IAlphaModel
{
    /// <inheritdoc />
    public void Update(Bar bar, List<Insight> insights)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(insights);
        if (!signals.TryGetValue(bar.Symbol.Value, out var signal))
            signals[bar.Symbol.Value] = signal = new SymbolSignal();
        if (signal.Entered)
            return;
        signal.Entered = true;
        insights.Add(new Insight(bar.Symbol, InsightDirection.Up, bar.End, bar.Close));
    }
}
