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
        {
            var bar = verdicts.Bars[i];
            // Most bars are sound: test before building any sentence.
            if (bar.Low > bar.Open || bar.Low > bar.Close || bar.High < bar.Open || bar.High < bar.Close || bar.Low > bar.High)
                verdicts.Add(i, QualityRule.OhlcInconsistent, Inconsistencies(bar));
            if (bar.Open <= 0m || bar.High <= 0m || bar.Low <= 0m || bar.Close <= 0m)
                verdicts.Add(i, QualityRule.NonPositivePrice, NonPositive(bar));
            if (bar.Volume < 0m)
                verdicts.Add(i, QualityRule.NegativeVolume, $"volume {bar.Volume} is negative");
        }
    }

    private static string Inconsistencies(SourceBar bar)
    {
        var found = new List<string>();
        if (bar.Low > bar.Open)
            found.Add($"low {bar.Low} is above open {bar.Open}");
        if (bar.Low > bar.Close)
            found.Add($"low {bar.Low} is above close {bar.Close}");
        if (bar.High < bar.Open)
            found.Add($"high {bar.High} is below open {bar.Open}");
        if (bar.High < bar.Close)
            found.Add($"high {bar.High} is below close {bar.Close}");
        if (bar.Low > bar.High)
            found.Add($"low {bar.Low} is above high {bar.High}");
        return string.Join(", ", found);
    }

    private static string NonPositive(SourceBar bar) =>
        string.Join(", ", new[] { ("open", bar.Open), ("high", bar.High), ("low", bar.Low), ("close", bar.Close) }
            .Where(p => p.Item2 <= 0m)
            .Select(p => $"{p.Item1} {p.Item2} is not positive"));
}
