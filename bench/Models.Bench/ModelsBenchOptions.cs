using System.Globalization;

namespace Meridian.Bench;

/// <summary>The models benchmark's options (bench/README.md): 630,000 rows = 500 symbols × 5 years of 252 days.</summary>
internal sealed record ModelsBenchOptions(int Rows, int Features, int Trees, int Leaves, double FeatureFraction, double BaggingFraction, int Predictions)
{
    public static ModelsBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ModelsBenchOptions(630_000, 158, 200, 63, 1.0, 1.0, 100_000);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--rows" => options with { Rows = Whole(value) },
                "--features" => options with { Features = Whole(value) },
                "--trees" => options with { Trees = Whole(value) },
                "--leaves" => options with { Leaves = Whole(value) },
                "--feature-fraction" => options with { FeatureFraction = double.Parse(value, CultureInfo.InvariantCulture) },
                "--bagging-fraction" => options with { BaggingFraction = double.Parse(value, CultureInfo.InvariantCulture) },
                "--predictions" => options with { Predictions = Whole(value) },
                _ => throw new ArgumentException(
                    $"unknown option {args[i]}; the options are --rows, --features, --trees, --leaves, --feature-fraction, --bagging-fraction, --predictions"),
            };
        }
        return options;
    }

    private static int Whole(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
