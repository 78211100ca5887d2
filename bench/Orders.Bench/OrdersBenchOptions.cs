using System.Globalization;

namespace Meridian.Bench;

/// <summary>The shape of the order-path benchmark.</summary>
internal sealed record OrdersBenchOptions(int RiskChecks, int Portfolios, int Callers, int Orders, int Rounds, double PacedSeconds, bool DiscardState = false)
{
    public static OrdersBenchOptions Parse(string[] args)
    {
        var options = new OrdersBenchOptions(RiskChecks: 2_000_000, Portfolios: 64, Callers: 256, Orders: 400_000, Rounds: 3, PacedSeconds: 4);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--risk-checks" => options with { RiskChecks = Int(value) },
                "--portfolios" => options with { Portfolios = Int(value) },
                "--callers" => options with { Callers = Int(value) },
                "--orders" => options with { Orders = Int(value) },
                "--rounds" => options with { Rounds = Int(value) },
                "--storage" => options with { DiscardState = value switch
                {
                    "memory" => false,
                    "discard" => true,
                    _ => throw new ArgumentException($"--storage is memory or discard, not '{value}'"),
                } },
                "--paced-seconds" => options with { PacedSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
