using System.Globalization;

namespace Meridian.Bench;

/// <summary>The backtest benchmark's options (bench/README.md).</summary>
internal sealed record BacktestBenchOptions(int Symbols, int Years, int Rounds)
{
    public static BacktestBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BacktestBenchOptions(500, 10, 3);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--symbols" => options with { Symbols = value },
                "--years" => options with { Years = value },
                "--rounds" => options with { Rounds = value },
                _ => throw new ArgumentException($"unknown option {args[i]}; the options are --symbols, --years, --rounds"),
            };
        }
        return options;
    }
}
