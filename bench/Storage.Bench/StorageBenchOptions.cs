using System.Globalization;

namespace Meridian.Bench;

/// <summary>The load shape of the storage benchmark (bench/README.md).</summary>
internal sealed record StorageBenchOptions(
    int Writers,
    double WarmupSeconds,
    double Seconds,
    int Rounds,
    int StreamEvents,
    int Streams,
    int Publishers,
    double PacedRate,
    double PacedSeconds)
{
    public const string Usage =
        "[--writers N] [--warmup-seconds N] [--seconds N] [--rounds N] [--stream-events N] [--streams N] [--publishers N] [--paced-rate N] [--paced-seconds N]";

    /// <summary>How long each closed loop runs before its measured window.</summary>
    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <summary>Each measured window of a write figure; the figure is the median of <see cref="Rounds"/> windows.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);

    public static StorageBenchOptions Parse(string[] args)
    {
        var options = new StorageBenchOptions(
            Writers: 256, WarmupSeconds: 1, Seconds: 4, Rounds: 3, StreamEvents: 50_000, Streams: 64, Publishers: 256, PacedRate: 5_000, PacedSeconds: 5);
        if (args.Length % 2 != 0)
            throw new ArgumentException($"option '{args[^1]}' has no value; usage: {Usage}");
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--writers" => options with { Writers = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup-seconds" => options with { WarmupSeconds = NotNegative(args[i], double.Parse(value, CultureInfo.InvariantCulture)) },
                "--seconds" => options with { Seconds = Positive(args[i], double.Parse(value, CultureInfo.InvariantCulture)) },
                "--rounds" => options with { Rounds = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture)) },
                "--stream-events" => options with { StreamEvents = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture)) },
                "--streams" => options with { Streams = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture)) },
                "--publishers" => options with { Publishers = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture)) },
                "--paced-rate" => options with { PacedRate = Positive(args[i], double.Parse(value, CultureInfo.InvariantCulture)) },
                "--paced-seconds" => options with { PacedSeconds = Positive(args[i], double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; usage: {Usage}"),
            };
        }

        return options;
    }

    private static double NotNegative(string option, double value) =>
        value >= 0 ? value : throw new ArgumentException($"option '{option}' must not be negative, got {value}");

    private static T Positive<T>(string option, T value)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"option '{option}' must be positive, got {value}");
}
