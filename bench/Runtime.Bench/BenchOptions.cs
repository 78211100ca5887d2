using System.Globalization;

namespace Meridian.Bench;

/// <summary>The load shape of the runtime benchmark.</summary>
internal sealed record BenchOptions(int Grains, int Callers, int Calls, int Rounds, double PacedSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Grains: 10_000, Callers: 1_000, Calls: 4_000_000, Rounds: 3, PacedSeconds: 4);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--grains" => options with { Grains = int.Parse(value, CultureInfo.InvariantCulture) },
                "--callers" => options with { Callers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--calls" => options with { Calls = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--paced-seconds" => options with { PacedSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }
}
