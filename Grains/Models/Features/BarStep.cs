namespace Meridian.Grains.Models.Features;

/// <summary>
/// One bar as the incremental features read it: its prices and the bar-to-bar series Alpha158's operators roll over.
/// The changes are NaN on the first bar, which has no bar before it.
/// </summary>
internal readonly record struct BarStep(long Index, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>True from the second bar on.</summary>
    public bool HasPrevious { get; init; }

    /// <summary>close − previous close.</summary>
    public double Change { get; init; } = double.NaN;

    /// <summary>close / previous close (CORD's price side).</summary>
    public double Ratio { get; init; } = double.NaN;

    /// <summary>volume − previous volume.</summary>
    public double VolumeChange { get; init; } = double.NaN;

    /// <summary>ln(volume + 1) (CORR's volume side).</summary>
    public double LogVolume => Math.Log(Volume + 1);

    /// <summary>ln(volume / previous volume + 1) (CORD's volume side); NaN after a zero-volume bar.</summary>
    public double LogVolumeRatio { get; init; } = double.NaN;

    /// <summary>|close / previous close − 1| · volume (WVMA's series).</summary>
    public double WeightedMove { get; init; } = double.NaN;

    /// <summary>max(high − low, |high − previous close|, |low − previous close|) (ATR's series).</summary>
    public double TrueRange { get; init; } = double.NaN;

    /// <summary>The bar numbered <paramref name="index"/> after one that closed at <paramref name="previousClose"/> on <paramref name="previousVolume"/>.</summary>
    public static BarStep After(long index, double open, double high, double low, double close, double volume, double previousClose, double previousVolume)
    {
        var ratio = close / previousClose;
        var volumeRatio = Math.Log((volume / previousVolume) + 1);
        return new BarStep(index, open, high, low, close, volume)
        {
            HasPrevious = true,
            Change = close - previousClose,
            Ratio = ratio,
            VolumeChange = volume - previousVolume,
            LogVolumeRatio = double.IsFinite(volumeRatio) ? volumeRatio : double.NaN,
            WeightedMove = Math.Abs(ratio - 1) * volume,
            TrueRange = Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose))),
        };
    }
}
