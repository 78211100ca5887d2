namespace Meridian.Grains.Models.Features;

/// <summary>
/// An ordered list of named features that can be computed from bars, incrementally (<see cref="IncrementalFeatures"/>)
/// and in batch (<see cref="BatchFeatures"/>). CONTRACT SKELETON: implemented by the features work.
/// </summary>
public sealed class FeatureSet
{
    private FeatureSet(IReadOnlyList<string> names) => Names = names;

    /// <summary>Qlib's Alpha158: 158 features.</summary>
    public static FeatureSet Alpha158 => throw new NotImplementedException();

    /// <summary>The standard indicators (SMA, EMA, RSI, ATR, MACD, Bollinger bands, ROC) at their usual windows.</summary>
    public static FeatureSet Indicators => throw new NotImplementedException();

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many features.</summary>
    public int Count => Names.Count;

    /// <summary>Bars needed before every feature is defined.</summary>
    public int WarmUp => throw new NotImplementedException();

    /// <summary>The named set ("alpha158", "indicators"), or null.</summary>
    public static FeatureSet? Named(string name) => throw new NotImplementedException();

    /// <summary>
    /// The set computing exactly <paramref name="names"/> in that order, or null with <paramref name="problem"/> naming
    /// every feature this library cannot compute.
    /// </summary>
    public static FeatureSet? TryResolve(IReadOnlyList<string> names, out string? problem) => throw new NotImplementedException();
}
