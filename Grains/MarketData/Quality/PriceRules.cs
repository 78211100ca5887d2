namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// The rules a bar breaks on its own, whatever the bars around it: OHLC consistency, non-positive prices, negative
/// volume. Each comparison that fails is named with both values, as the file wrote them.
/// </summary>
internal static class PriceRules
{
    public static void Check(BarVerdicts verdicts)
    {
        for (var i = 0; i < verdicts.Count; i++)
            Check(verdicts, i);
    }

    private static void Check(BarVerdicts verdicts, int index)
    {
        var bar = verdicts.Bars[index];
        var inconsistencies = new List<string>();
        if (bar.Low > bar.Open)
            inconsistencies.Add($"low {bar.Low} is above open {bar.Open}");
        if (bar.Low > bar.Close)
            inconsistencies.Add($"low {bar.Low} is above close {bar.Close}");
        if (bar.High < bar.Open)
            inconsistencies.Add($"high {bar.High} is below open {bar.Open}");
        if (bar.High < bar.Close)
            inconsistencies.Add($"high {bar.High} is below close {bar.Close}");
        if (bar.Low > bar.High)
            inconsistencies.Add($"low {bar.Low} is above high {bar.High}");
        if (inconsistencies.Count > 0)
            verdicts.Add(index, QualityRule.OhlcInconsistent, string.Join(", ", inconsistencies));

        var nonPositive = new List<string>();
        foreach (var (name, value) in new[] { ("open", bar.Open), ("high", bar.High), ("low", bar.Low), ("close", bar.Close) })
        {
            if (value <= 0m)
                nonPositive.Add($"{name} {value} is not positive");
        }
        if (nonPositive.Count > 0)
            verdicts.Add(index, QualityRule.NonPositivePrice, string.Join(", ", nonPositive));

        if (bar.Volume < 0m)
            verdicts.Add(index, QualityRule.NegativeVolume, $"volume {bar.Volume} is negative");
    }
}
