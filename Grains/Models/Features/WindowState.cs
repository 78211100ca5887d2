namespace Meridian.Grains.Models.Features;

/// <summary>
/// The rolling state of every feature of one window length, kept up bar by bar: only the parts the set's features read
/// exist. <see cref="Value"/> is meaningful once the feature's warm-up has passed.
/// </summary>
internal sealed class WindowState
{
    private readonly int _window;
    private readonly CloseHistory _closes;

    /// <summary>(bar number, close): MA, STD, the least-squares line (BETA, RSQR, RESI), SMA, Bollinger bands.</summary>
    private readonly RollingCovariance? _trend;

    private readonly RollingExtremum? _highest;
    private readonly RollingExtremum? _lowest;
    private readonly SortedWindow? _sortedCloses;

    /// <summary>(close, ln(volume + 1)): CORR.</summary>
    private readonly RollingCovariance? _priceVolume;

    /// <summary>(close ratio, ln(volume ratio + 1)): CORD.</summary>
    private readonly RollingCovariance? _returnVolume;

    private readonly RollingCount? _ups;
    private readonly RollingCount? _downs;
    private readonly RollingMoments? _gains;
    private readonly RollingMoments? _losses;
    private readonly RollingMoments? _moves;
    private readonly RollingMoments? _volumes;
    private readonly RollingMoments? _weightedMoves;
    private readonly RollingMoments? _volumeGains;
    private readonly RollingMoments? _volumeLosses;
    private readonly RollingMoments? _volumeMoves;
    private readonly SeededAverage? _ema;
    private readonly SeededAverage? _rsiGains;
    private readonly SeededAverage? _rsiLosses;
    private readonly SeededAverage? _atr;

    public WindowState(int window, IReadOnlyCollection<FeatureKind> kinds, CloseHistory closes)
    {
        _window = window;
        _closes = closes;
        bool Any(params FeatureKind[] wanted) => wanted.Any(kinds.Contains);
        RollingMoments? Moments(params FeatureKind[] wanted) => Any(wanted) ? new RollingMoments(window) : null;

        if (Any(FeatureKind.Ma, FeatureKind.Std, FeatureKind.Beta, FeatureKind.Rsqr, FeatureKind.Resi, FeatureKind.Sma,
            FeatureKind.BollingerUpper, FeatureKind.BollingerLower, FeatureKind.BollingerPercentB, FeatureKind.BollingerWidth))
            _trend = new RollingCovariance(window);
        if (Any(FeatureKind.Max, FeatureKind.Rsv, FeatureKind.Imax, FeatureKind.Imxd))
            _highest = new RollingExtremum(window, largest: true);
        if (Any(FeatureKind.Min, FeatureKind.Rsv, FeatureKind.Imin, FeatureKind.Imxd))
            _lowest = new RollingExtremum(window, largest: false);
        if (Any(FeatureKind.Qtlu, FeatureKind.Qtld, FeatureKind.Rank))
            _sortedCloses = new SortedWindow(window);
        if (Any(FeatureKind.Corr))
            _priceVolume = new RollingCovariance(window);
        if (Any(FeatureKind.Cord))
            _returnVolume = new RollingCovariance(window);
        if (Any(FeatureKind.Cntp, FeatureKind.Cntd))
            _ups = new RollingCount(window);
        if (Any(FeatureKind.Cntn, FeatureKind.Cntd))
            _downs = new RollingCount(window);
        _gains = Moments(FeatureKind.Sump, FeatureKind.Sumd);
        _losses = Moments(FeatureKind.Sumn, FeatureKind.Sumd);
        _moves = Moments(FeatureKind.Sump, FeatureKind.Sumn, FeatureKind.Sumd);
        _volumes = Moments(FeatureKind.Vma, FeatureKind.Vstd);
        _weightedMoves = Moments(FeatureKind.Wvma);
        _volumeGains = Moments(FeatureKind.Vsump, FeatureKind.Vsumd);
        _volumeLosses = Moments(FeatureKind.Vsumn, FeatureKind.Vsumd);
        _volumeMoves = Moments(FeatureKind.Vsump, FeatureKind.Vsumn, FeatureKind.Vsumd);
        if (Any(FeatureKind.Ema))
            _ema = SeededAverage.Exponential(window);
        if (Any(FeatureKind.Rsi))
            (_rsiGains, _rsiLosses) = (SeededAverage.Wilder(window), SeededAverage.Wilder(window));
        if (Any(FeatureKind.Atr))
            _atr = SeededAverage.Wilder(window);
    }

    /// <summary>Takes in the next bar.</summary>
    public void Push(in BarStep bar)
    {
        var close = bar.Close;
        _trend?.Push(bar.Index, close);
        _highest?.Push(bar.High);
        _lowest?.Push(bar.Low);
        _sortedCloses?.Push(close);
        _priceVolume?.Push(close, bar.LogVolume);
        _volumes?.Push(bar.Volume);
        _ema?.Push(close);
        // The rest roll over bar-to-bar changes, which start at the second bar.
        if (!bar.HasPrevious)
            return;
        var change = bar.Change;
        var volumeChange = bar.VolumeChange;
        _returnVolume?.Push(bar.Ratio, bar.LogVolumeRatio);
        _ups?.Push(change > 0);
        _downs?.Push(change < 0);
        _gains?.Push(Math.Max(change, 0));
        _losses?.Push(Math.Max(-change, 0));
        _moves?.Push(Math.Abs(change));
        _weightedMoves?.Push(bar.WeightedMove);
        _volumeGains?.Push(Math.Max(volumeChange, 0));
        _volumeLosses?.Push(Math.Max(-volumeChange, 0));
        _volumeMoves?.Push(Math.Abs(volumeChange));
        _rsiGains?.Push(Math.Max(change, 0));
        _rsiLosses?.Push(Math.Max(-change, 0));
        _atr?.Push(bar.TrueRange);
    }

    /// <summary>Feature <paramref name="kind"/> of this window after <paramref name="bar"/> (formulas in docs/features.md).</summary>
    public double Value(FeatureKind kind, in BarStep bar)
    {
        var close = bar.Close;
        double window = _window;
        return kind switch
        {
            FeatureKind.Roc => _closes.Ago(_window) / close,
            FeatureKind.Ma => _trend!.MeanY / close,
            FeatureKind.Std => Math.Sqrt(_trend!.DeviationsY / (_window - 1)) / close,
            FeatureKind.Beta => Slope(_trend!) / close,
            FeatureKind.Rsqr => RSquared(_trend!),
            FeatureKind.Resi => (close - _trend!.MeanY - (Slope(_trend) * (bar.Index - _trend.MeanX))) / close,
            FeatureKind.Max => _highest!.Value / close,
            FeatureKind.Min => _lowest!.Value / close,
            FeatureKind.Qtlu => _sortedCloses!.Quantile(0.8) / close,
            FeatureKind.Qtld => _sortedCloses!.Quantile(0.2) / close,
            FeatureKind.Rank => _sortedCloses!.PercentRank(close),
            FeatureKind.Rsv => (close - _lowest!.Value) / (_highest!.Value - _lowest.Value + FeatureDefinition.Guard),
            FeatureKind.Imax => _highest!.Position / window,
            FeatureKind.Imin => _lowest!.Position / window,
            FeatureKind.Imxd => (_highest!.Position - _lowest!.Position) / window,
            FeatureKind.Corr => Correlation(_priceVolume!),
            FeatureKind.Cord => Correlation(_returnVolume!),
            FeatureKind.Cntp => _ups!.Count / window,
            FeatureKind.Cntn => _downs!.Count / window,
            FeatureKind.Cntd => (_ups!.Count / window) - (_downs!.Count / window),
            FeatureKind.Sump => _gains!.Sum / (_moves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Sumn => _losses!.Sum / (_moves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Sumd => (_gains!.Sum - _losses!.Sum) / (_moves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Vma => bar.Volume == 0 ? double.NaN : _volumes!.Mean / (bar.Volume + FeatureDefinition.Guard),
            FeatureKind.Vstd => bar.Volume == 0 ? double.NaN : Math.Sqrt(_volumes!.SampleVariance) / (bar.Volume + FeatureDefinition.Guard),
            FeatureKind.Wvma => Math.Sqrt(_weightedMoves!.SampleVariance) / (_weightedMoves.Mean + FeatureDefinition.Guard),
            FeatureKind.Vsump => _volumeGains!.Sum / (_volumeMoves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Vsumn => _volumeLosses!.Sum / (_volumeMoves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Vsumd => (_volumeGains!.Sum - _volumeLosses!.Sum) / (_volumeMoves!.Sum + FeatureDefinition.Guard),
            FeatureKind.Sma => (_trend!.MeanY / close) - 1,
            FeatureKind.Ema => (_ema!.Value / close) - 1,
            FeatureKind.Rsi => 100 * _rsiGains!.Value / (_rsiGains.Value + _rsiLosses!.Value),
            FeatureKind.Atr => _atr!.Value / close,
            FeatureKind.BollingerUpper => ((_trend!.MeanY + BandOffset(_trend)) / close) - 1,
            FeatureKind.BollingerLower => ((_trend!.MeanY - BandOffset(_trend)) / close) - 1,
            FeatureKind.BollingerPercentB => (close - (_trend!.MeanY - BandOffset(_trend))) / (2 * BandOffset(_trend)),
            FeatureKind.BollingerWidth => 2 * BandOffset(_trend!) / _trend!.MeanY,
            FeatureKind.Rocp => (close / _closes.Ago(_window)) - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a feature of a window"),
        };
    }

    private static double Slope(RollingCovariance trend) => trend.CrossDeviations / trend.DeviationsX;

    /// <summary>The line's R², blanked as Qlib does when the closes are flat.</summary>
    private double RSquared(RollingCovariance trend)
    {
        var cross = trend.CrossDeviations;
        return IsFlat(trend.DeviationsY)
            ? double.NaN
            : cross * cross / (trend.DeviationsX * trend.DeviationsY);
    }

    /// <summary>Pearson's correlation, blanked as Qlib does when either side is flat.</summary>
    private double Correlation(RollingCovariance pair) =>
        !pair.Ready || IsFlat(pair.DeviationsX) || IsFlat(pair.DeviationsY)
            ? double.NaN
            : pair.CrossDeviations / Math.Sqrt(pair.DeviationsX * pair.DeviationsY);

    /// <summary>Qlib's test: the sample standard deviation is within 2e-5 of zero.</summary>
    private bool IsFlat(double deviations) => Math.Sqrt(deviations / (_window - 1)) <= FeatureDefinition.FlatDeviation;

    /// <summary>Two population standard deviations: how far each Bollinger band lies from the SMA.</summary>
    private double BandOffset(RollingCovariance trend) => FeatureDefinition.BollingerDeviations * Math.Sqrt(trend.DeviationsY / _window);
}
