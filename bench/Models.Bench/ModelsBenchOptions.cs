using System.Globalization;

namespace Meridian.Bench;

/// <summary>The models benchmark's options (bench/README.md).</summary>
internal sealed record ModelsBenchOptions(int Symbols, int Years, int Trees, int Leaves, int Predictions)
{
    public static ModelsBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ModelsBenchOptions(500, 5, 200, 63, 200_000);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--symbols" => options with { Symbols = value },
                "--years" => options with { Years = value },
                "--trees" => options with { Trees = value },
                "--leaves" => options with { Leaves = value },
                "--predictions" => options with { Predictions = value },
                _ => throw new ArgumentException($"unknown option {args[i]}; the options are --symbols, --years, --trees, --leaves, --predictions"),
            };
        }
        return options;
    }
}
