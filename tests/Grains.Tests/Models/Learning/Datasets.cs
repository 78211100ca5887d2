using Meridian.Grains.Domain;
using Meridian.Grains.Models;

namespace Meridian.Grains.Tests.Models.Learning;

/// <summary>Small datasets for the learning tests: hand-made rows, or random features with a label made from them.</summary>
internal static class Datasets
{
    public static readonly DateTimeOffset FirstDay = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One row a day from <see cref="FirstDay"/>, all of symbol AAA.</summary>
    public static Dataset Of(string[] features, double[][] rows, double[] labels)
    {
        var symbols = Enumerable.Repeat(Symbol.Parse("AAA"), rows.Length).ToArray();
        var times = Enumerable.Range(0, rows.Length).Select(i => FirstDay.AddDays(i)).ToArray();
        return new Dataset(features, [.. rows.SelectMany(r => r)], labels, times, symbols);
    }

    /// <summary>Features f0, f1, ... drawn uniform in [-1, 1) from <paramref name="seed"/>; the label of a row is <paramref name="label"/> of its features.</summary>
    public static Dataset Uniform(int rows, int features, int seed, Func<double[], Random, double> label)
    {
        var random = new Random(seed);
        var values = new double[rows][];
        var labels = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            values[r] = [.. Enumerable.Range(0, features).Select(_ => (2 * random.NextDouble()) - 1)];
            labels[r] = label(values[r], random);
        }
        return Of([.. Enumerable.Range(0, features).Select(f => $"f{f}")], values, labels);
    }

    /// <summary>A standard normal (Box-Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Pearson's correlation of the model's scores on <paramref name="data"/> with its labels.</summary>
    public static double HeldOutIc(Meridian.Grains.Models.Learning.IPredictor model, Dataset data)
    {
        var scores = Enumerable.Range(0, data.RowCount).Select(r => model.Predict(data.Row(r))).ToArray();
        var labels = data.Labels.ToArray();
        var (ms, ml) = (scores.Average(), labels.Average());
        var cov = scores.Zip(labels, (s, l) => (s - ms) * (l - ml)).Sum();
        return cov / Math.Sqrt(scores.Sum(s => (s - ms) * (s - ms)) * labels.Sum(l => (l - ml) * (l - ml)));
    }
}
