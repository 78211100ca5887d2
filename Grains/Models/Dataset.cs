using Meridian.Grains.Domain;

namespace Meridian.Grains.Models;

/// <summary>
/// Rows of features with a label, one row per symbol and time, ordered by time then symbol. Features are row-major
/// doubles (<see cref="Row"/>); a feature that is not defined for a row is NaN. A label that is not yet known is NaN.
/// </summary>
public sealed class Dataset
{
    private readonly double[] _features;
    private readonly double[] _labels;
    private readonly DateTimeOffset[] _times;
    private readonly Symbol[] _symbols;

    /// <summary>A dataset over <paramref name="featureNames"/>; <paramref name="features"/> holds rows × features values, row-major.</summary>
    public Dataset(IReadOnlyList<string> featureNames, double[] features, double[] labels, DateTimeOffset[] times, Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(symbols);
        if (featureNames.Count == 0)
            throw new ArgumentException("a dataset needs at least one feature", nameof(featureNames));
        if (labels.Length != times.Length || labels.Length != symbols.Length || features.Length != labels.Length * featureNames.Count)
            throw new ArgumentException(
                $"{labels.Length} labels, {times.Length} times, {symbols.Length} symbols and {features.Length} values do not make rows of {featureNames.Count} features");
        FeatureNames = featureNames;
        _features = features;
        _labels = labels;
        _times = times;
        _symbols = symbols;
    }

    /// <summary>The features, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Columns per row.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>Every value, row-major.</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>The label of every row.</summary>
    public ReadOnlySpan<double> Labels => _labels;

    /// <summary>The time of every row.</summary>
    public ReadOnlySpan<DateTimeOffset> Times => _times;

    /// <summary>The symbol of every row.</summary>
    public ReadOnlySpan<Symbol> Symbols => _symbols;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => _features.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>Feature <paramref name="feature"/> of row <paramref name="row"/>.</summary>
    public double this[int row, int feature] => _features[(row * FeatureCount) + feature];

    /// <summary>The same rows with <paramref name="labels"/> instead (the features are shared, not copied).</summary>
    public Dataset WithLabels(double[] labels) => new(FeatureNames, _features, labels, _times, _symbols);

    /// <summary>The rows whose time is in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Dataset Between(DateTimeOffset from, DateTimeOffset to) => Where((time, _) => time >= from && time < to);

    /// <summary>The rows whose label is known.</summary>
    public Dataset Labelled() => Where((_, label) => !double.IsNaN(label));

    /// <summary>The rows for which <paramref name="keep"/> (given the row's time and label) is true, in order.</summary>
    public Dataset Where(Func<DateTimeOffset, double, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var rows = new List<int>();
        for (var r = 0; r < RowCount; r++)
        {
            if (keep(_times[r], _labels[r]))
                rows.Add(r);
        }
        var features = new double[rows.Count * FeatureCount];
        var labels = new double[rows.Count];
        var times = new DateTimeOffset[rows.Count];
        var symbols = new Symbol[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
            labels[i] = _labels[rows[i]];
            times[i] = _times[rows[i]];
            symbols[i] = _symbols[rows[i]];
        }
        return new Dataset(FeatureNames, features, labels, times, symbols);
    }
}
