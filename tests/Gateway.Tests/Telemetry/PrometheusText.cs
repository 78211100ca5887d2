using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Gateway.Tests.Telemetry;

/// <summary>A strict reader of the Prometheus text format 0.0.4, for checking what /metrics and the exporter write.</summary>
internal static partial class PrometheusText
{
    /// <summary>Every sample as "name{labels}" to its value; throws on a line the format does not allow.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
                continue;
            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                Assert.True(comment.Success, $"not a HELP or TYPE line: {line}");
                if (comment.Groups[1].Value == "TYPE")
                {
                    Assert.Matches("^(counter|gauge|histogram|summary|untyped)$", comment.Groups[3].Value);
                    Assert.True(typed.Add(comment.Groups[2].Value), $"TYPE given twice for {comment.Groups[2].Value}");
                }

                continue;
            }

            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"not a sample line: {line}");
            var value = sample.Groups[3].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            Assert.True(samples.TryAdd(sample.Groups[1].Value + sample.Groups[2].Value, value), $"sample given twice: {line}");
        }

        return samples;
    }

    [GeneratedRegex(@"^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"",?)*\})? ([-+]?(?:[0-9.eE+-]+|Inf|NaN))$")]
    private static partial Regex Sample();
}
