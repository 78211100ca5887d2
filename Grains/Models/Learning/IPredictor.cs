namespace Meridian.Grains.Models.Learning;

/// <summary>A trained model: one score from one row of features, in the order of the features it was trained on.</summary>
public interface IPredictor
{
    /// <summary>How many features a row must have.</summary>
    int FeatureCount { get; }

    /// <summary>The score of <paramref name="features"/>; thread-safe and allocation-free.</summary>
    double Predict(ReadOnlySpan<double> features);
}
