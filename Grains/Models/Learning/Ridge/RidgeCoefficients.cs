using System.Globalization;

namespace Meridian.Grains.Models.Learning;

/// <summary>What a ridge model is made of, as its model file's body holds it (docs/models.md, "Model files").</summary>
internal sealed record RidgeCoefficients(double Intercept, double[] Means, double[] Scales, double[] Weights, int[] ConstantFeatures)
{
    /// <summary>What is wrong with the coefficients for a model over <paramref name="featureCount"/> features, or null.</summary>
    public string? Problem(int featureCount)
    {
        if (!double.IsFinite(Intercept))
            return $"intercept is {Intercept}; it must be a finite number";
        foreach (var (name, values) in new[] { ("means", Means), ("scales", Scales), ("weights", Weights) })
        {
            if (values.Length != featureCount)
                return $"{name} has {values.Length} values for {featureCount} features";
            var bad = Array.FindIndex(values, v => !double.IsFinite(v));
            if (bad >= 0)
                return string.Create(CultureInfo.InvariantCulture, $"{name}[{bad}] is {values[bad]}; it must be a finite number");
        }
        var notPositive = Array.FindIndex(Scales, s => s <= 0);
        if (notPositive >= 0)
            return string.Create(CultureInfo.InvariantCulture, $"scales[{notPositive}] is {Scales[notPositive]}; a scale must be above 0");
        foreach (var feature in ConstantFeatures)
        {
            if (feature < 0 || feature >= featureCount)
                return $"constant_features lists feature {feature}, outside the {featureCount} features";
            if (Weights[feature] != 0)
                return string.Create(CultureInfo.InvariantCulture, $"constant feature {feature} has weight {Weights[feature]}; it must be 0");
        }
        return null;
    }
}
