using Meridian.Grains.MarketData;

namespace Meridian.Grains.Strategies.Alpha;

/// <summary>Never has a view: the strategy that never trades (a baseline for what the platform costs by itself).</summary>
public sealed class NoSignalAlpha : IAlphaModel
{
    /// <inheritdoc />
    public void Update(Bar bar, List<Insight> insights)
    {
    }
}
