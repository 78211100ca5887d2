using System.Globalization;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Models.Learning;

/// <summary>The checks every trainer makes on its rows, so that each refusal names the feature, the symbol and the date.</summary>
internal static class TrainingRows
{
    /// <summary>Throws <see cref="InvalidInputException"/> when a label is not a finite number (a label not yet known is NaN).</summary>
    public static void RequireLabels(Dataset data, string what)
    {
        var labels = data.Labels;
        for (var r = 0; r < labels.Length; r++)
        {
            if (!double.IsFinite(labels[r]))
            {
                throw new InvalidInputException(what, [new("label", $"is {labels[r]} for {At(data, r)}; train on rows with a known label (Dataset.Labelled())")]);
            }
        }
    }

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first row (in order) whose feature is NaN or infinite, and how many such values there are.</summary>
    public static void RequireFiniteFeatures(Dataset data, string what)
    {
        var values = data.Features;
        var first = -1;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
                continue;
            count++;
            if (first < 0)
                first = i;
        }
        if (first < 0)
            return;
        var row = first / data.FeatureCount;
        var feature = data.FeatureNames[first % data.FeatureCount];
        throw new InvalidInputException(what, [new(feature,
            $"is {values[first]} for {At(data, row)} (the first of {count} undefined values); every feature must be defined: drop or fill those rows first")]);
    }

    /// <summary>"AAPL on 2024-01-03": the symbol and date of row <paramref name="row"/>.</summary>
    public static string At(Dataset data, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{data.Symbols[row]} on {data.Times[row]:yyyy-MM-dd}");
}
