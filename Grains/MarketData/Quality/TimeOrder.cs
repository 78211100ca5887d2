using static Meridian.Grains.MarketData.Quality.BarVerdicts;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Bars out of time order. Walking the file, the latest in-order bar is the last bar so far with no problem; a bar
/// earlier than it is quarantined. Bars already quarantined for another rule do not move the mark (their time may be
/// as wrong as their prices), but are still checked against it so their reason can say so.
/// </summary>
internal static class TimeOrder
{
    public static void Check(BarVerdicts verdicts)
    {
        SourceBar? latest = null;
        for (var i = 0; i < verdicts.Count; i++)
        {
            var bar = verdicts.Bars[i];
            if (latest is not null && bar.Time < latest.Time)
            {
                verdicts.Add(i, QualityRule.OutOfOrderTime,
                    $"time {Stamp(bar.Time)} is earlier than {Stamp(latest.Time)} on line {latest.Line}, a bar before it in the file");
            }
            if (verdicts.IsClean(i))
                latest = bar;
        }
    }
}
