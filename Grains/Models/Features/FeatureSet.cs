namespace Meridian.Grains.Models.Features;

/// <summary>
/// An ordered list of named features that can be computed from bars, incrementally (<see cref="IncrementalFeatures"/>)
/// and in batch (<see cref="BatchFeatures"/>). docs/features.md defines every feature.
/// </summary>
public sealed class FeatureSet
{
    private static readonly FeatureSet s_alpha158 = new(FeatureCatalog.Alpha158);
    private static readonly FeatureSet s_indicators = new(FeatureCatalog.Indicators);

    private FeatureSet(FeatureDefinition[] definitions)
    {
        Definitions = definitions;
        Names = Array.AsReadOnly(definitions.Select(d => d.Name).ToArray());
        WarmUp = definitions.Max(d => d.WarmUp);
    }

    /// <summary>Qlib's Alpha158: 158 features.</summary>
    public static FeatureSet Alpha158 => s_alpha158;

    /// <summary>The standard indicators (SMA, EMA, RSI, ATR, MACD, Bollinger bands, ROC) at their usual windows.</summary>
    public static FeatureSet Indicators => s_indicators;

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many features.</summary>
    public int Count => Names.Count;

    /// <summary>
    /// Bars needed before every feature is defined: after bar number <c>WarmUp</c> (counting from 1) no feature is NaN for
    /// want of history (61 for Alpha158: ROC60 reads the close 60 bars back).
    /// </summary>
    public int WarmUp { get; }

    /// <summary>What each column computes, in column order.</summary>
    internal FeatureDefinition[] Definitions { get; }

    /// <summary>The named set ("alpha158", "indicators", in any case), or null.</summary>
    public static FeatureSet? Named(string name) =>
        string.Equals(name, "alpha158", StringComparison.OrdinalIgnoreCase) ? s_alpha158
        : string.Equals(name, "indicators", StringComparison.OrdinalIgnoreCase) ? s_indicators
        : null;

    /// <summary>
    /// The set computing exactly <paramref name="names"/> in that order, or null with <paramref name="problem"/> naming
    /// every feature this library cannot compute (and every name asked for twice).
    /// </summary>
    public static FeatureSet? TryResolve(IReadOnlyList<string> names, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            problem = "no features asked for: name at least one (e.g. KMID, MA20, RSI14)";
            return null;
        }
        var definitions = new FeatureDefinition[names.Count];
        var unknown = new List<string>();
        var repeated = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i] ?? "";
            if (!FeatureCatalog.TryFind(name, out definitions[i]))
                unknown.Add(name);
            else if (!seen.Add(name))
                repeated.Add(name);
        }
        var problems = new List<string>();
        if (unknown.Count > 0)
        {
            problems.Add($"unknown feature{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(n => $"'{n}'"))} "
                + "(names are Qlib's Alpha158 columns such as KMID, ROC5 or VSUMD60, or indicators such as SMA20, RSI14 or MACD_HIST, "
                + "in upper case; docs/features.md lists them all)");
        }
        if (repeated.Count > 0)
            problems.Add($"asked for more than once: {string.Join(", ", repeated.Distinct(StringComparer.Ordinal))}");
        problem = problems.Count > 0 ? string.Join("; ", problems) : null;
        return problem is null ? new FeatureSet(definitions) : null;
    }
}
