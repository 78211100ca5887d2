namespace Meridian.Grains.Models.Features;

/// <summary>One named feature: what it computes and over how many bars (0 for one bar's features and for MACD's fixed 12/26/9).</summary>
internal readonly record struct FeatureDefinition(string Name, FeatureKind Kind, int Window)
{
    /// <summary>Qlib's guard against dividing by a zero range or volume: <c>x / (y + 1e-12)</c>.</summary>
    public const double Guard = 1e-12;

    /// <summary>
    /// Qlib blanks a correlation or R² whose input's rolling standard deviation is within this of zero
    /// (<c>np.isclose(std, 0, atol=2e-05)</c>): a flat window has no trend to fit.
    /// </summary>
    public const double FlatDeviation = 2e-5;

    /// <summary>MACD's fast and slow EMA and its signal EMA.</summary>
    public const int MacdFast = 12, MacdSlow = 26, MacdSignalWindow = 9;

    /// <summary>Bollinger bands lie this many (population) standard deviations from the SMA.</summary>
    public const double BollingerDeviations = 2;

    /// <summary>
    /// Bars needed before the feature is defined: a window of closes needs its window of bars; a window of bar-to-bar
    /// changes (and a close d bars back) one bar more; the MACD signal the slow EMA's bars and then the signal's.
    /// </summary>
    public int WarmUp => Kind switch
    {
        <= FeatureKind.Vwap0 => 1,
        FeatureKind.Macd => MacdSlow,
        FeatureKind.MacdSignal or FeatureKind.MacdHistogram => MacdSlow + MacdSignalWindow - 1,
        FeatureKind.Roc or FeatureKind.Rocp or FeatureKind.Rsi or FeatureKind.Atr
            or FeatureKind.Cord or FeatureKind.Cntp or FeatureKind.Cntn or FeatureKind.Cntd
            or FeatureKind.Sump or FeatureKind.Sumn or FeatureKind.Sumd or FeatureKind.Wvma
            or FeatureKind.Vsump or FeatureKind.Vsumn or FeatureKind.Vsumd => Window + 1,
        _ => Window,
    };
}
