using Meridian.Grains.MarketData;

namespace Meridian.Grains.Models.Features;

/// <summary>One symbol's features, updated bar by bar as the Model grain runs live. CONTRACT SKELETON.</summary>
public sealed class IncrementalFeatures
{
    /// <summary>Features of <paramref name="set"/> over no bars yet.</summary>
    public IncrementalFeatures(FeatureSet set) => Set = set;

    /// <summary>What is computed.</summary>
    public FeatureSet Set { get; }

    /// <summary>Bars taken in.</summary>
    public int BarsSeen => throw new NotImplementedException();

    /// <summary>True once every feature is defined (<see cref="FeatureSet.WarmUp"/> bars seen).</summary>
    public bool IsWarm => throw new NotImplementedException();

    /// <summary>The features after the last bar, in <see cref="FeatureSet.Names"/> order; NaN where not defined yet.</summary>
    public ReadOnlySpan<double> Values => throw new NotImplementedException();

    /// <summary>Takes in the next bar (bars in time order).</summary>
    public void Update(double open, double high, double low, double close, double volume) => throw new NotImplementedException();

    /// <summary>Takes in the next bar.</summary>
    public void Update(Bar bar) => throw new NotImplementedException();
}
