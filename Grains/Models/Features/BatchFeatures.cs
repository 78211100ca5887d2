using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Models.Features;

/// <summary>
/// Features of a whole series at once, for training: each column computed from its definition over the whole series
/// (Qlib's operators on columns, windows recomputed directly), independently of <see cref="IncrementalFeatures"/>,
/// which must agree with it (docs/features.md).
/// </summary>
public static class BatchFeatures
{
    /// <summary>
    /// Row t is the features after bar t: series.Count rows × set.Count columns, row-major; NaN where not defined.
    /// Throws <see cref="Domain.InvalidInputException"/> naming the symbol (and each bad bar's date) for a series shorter
    /// than the set's warm-up, a price not above zero, a negative volume or a high below the low.
    /// </summary>
    public static double[] Compute(FeatureSet set, BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(series);
        BarChecks.Demand(series, set.WarmUp);
        var bars = new Columns(series);
        var width = set.Count;
        var rows = new double[series.Count * width];
        for (var f = 0; f < width; f++)
        {
            var feature = set.Definitions[f];
            var column = feature.Kind >= FeatureKind.Sma ? IndicatorColumns.Compute(feature, bars) : Alpha158Columns.Compute(feature, bars);
            for (var t = 0; t < column.Length; t++)
            {
                // Whatever is not a number (a division by a zero range Qlib leaves unguarded) is not defined.
                rows[(t * width) + f] = double.IsFinite(column[t]) ? column[t] : double.NaN;
            }
        }
        return rows;
    }
}
