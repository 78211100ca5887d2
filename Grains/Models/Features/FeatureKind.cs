namespace Meridian.Grains.Models.Features;

/// <summary>
/// What a feature computes, apart from its window. Alpha158's kinds carry Qlib's names; docs/features.md gives each
/// one's formula, warm-up and NaN rule.
/// </summary>
internal enum FeatureKind
{
    // Alpha158: one bar's candle.
    Kmid,
    Klen,
    Kmid2,
    Kup,
    Kup2,
    Klow,
    Klow2,
    Ksft,
    Ksft2,

    // Alpha158: one bar's prices over its close.
    Open0,
    High0,
    Low0,
    Vwap0,

    // Alpha158: rolling operators over a window.
    Roc,
    Ma,
    Std,
    Beta,
    Rsqr,
    Resi,
    Max,
    Min,
    Qtlu,
    Qtld,
    Rank,
    Rsv,
    Imax,
    Imin,
    Imxd,
    Corr,
    Cord,
    Cntp,
    Cntn,
    Cntd,
    Sump,
    Sumn,
    Sumd,
    Vma,
    Vstd,
    Wvma,
    Vsump,
    Vsumn,
    Vsumd,

    // Standard indicators.
    Sma,
    Ema,
    Rsi,
    Atr,
    Macd,
    MacdSignal,
    MacdHistogram,
    BollingerUpper,
    BollingerLower,
    BollingerPercentB,
    BollingerWidth,
    Rocp,
}
