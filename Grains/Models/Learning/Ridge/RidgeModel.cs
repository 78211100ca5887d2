namespace Meridian.Grains.Models.Learning;

/// <summary>
/// Ridge regression's fitted coefficients: score = <see cref="Intercept"/> + sum over features of
/// <see cref="Weights"/>[j] · (x[j] - <see cref="Means"/>[j]) / <see cref="Scales"/>[j]. Rows take raw features; a row
/// with a NaN feature scores NaN.
/// </summary>
public sealed class RidgeModel : IPredictor
{
    private readonly RidgeCoefficients _coefficients;

    internal RidgeModel(RidgeCoefficients coefficients) => _coefficients = coefficients;

    /// <inheritdoc />
    public int FeatureCount => _coefficients.Weights.Length;

    /// <summary>The score of a row at the training means: the mean training label.</summary>
    public double Intercept => _coefficients.Intercept;

    /// <summary>Each feature's training mean.</summary>
    public IReadOnlyList<double> Means => _coefficients.Means;

    /// <summary>Each feature's divisor: its training standard deviation when standardized, else 1 (1 for a constant feature).</summary>
    public IReadOnlyList<double> Scales => _coefficients.Scales;

    /// <summary>Each feature's weight on the centred (and scaled) feature; 0 for a constant feature.</summary>
    public IReadOnlyList<double> Weights => _coefficients.Weights;

    /// <summary>The features that had one value over the training rows: they carry no information and get weight 0.</summary>
    public IReadOnlyList<int> ConstantFeatures => _coefficients.ConstantFeatures;

    internal RidgeCoefficients Coefficients => _coefficients;

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the ridge model reads {FeatureCount} features; the row has {features.Length}", nameof(features));
        var means = _coefficients.Means;
        var scales = _coefficients.Scales;
        var weights = _coefficients.Weights;
        var score = _coefficients.Intercept;
        for (var j = 0; j < weights.Length; j++)
            score += weights[j] * ((features[j] - means[j]) / scales[j]);
        return score;
    }
}
