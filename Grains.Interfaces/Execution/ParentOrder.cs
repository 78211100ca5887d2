using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>How a parent order's quantity is spread over its slices.</summary>
public enum ScheduleKind
{
    /// <summary>Equal slices: time-weighted.</summary>
    Twap,

    /// <summary>Slices in proportion to an intraday volume profile: volume-weighted.</summary>
    Vwap,

    /// <summary>The risk-averse optimal trajectory of Almgren and Chriss (2000): front-loaded, more so the higher the risk aversion.</summary>
    AlmgrenChriss,
}

/// <summary>
/// A large order to be worked over time as market orders, one per slice: <see cref="Slices"/> slices, equally spaced
/// over <see cref="Horizon"/> from <see cref="StartTime"/>, the first at the start. A VWAP parent gives one volume per
/// slice in <see cref="VolumeProfile"/>; an Almgren-Chriss parent gives its <see cref="AlmgrenChriss"/> parameters.
/// </summary>
/// <param name="PortfolioId">The portfolio the children are submitted through (and its risk gate).</param>
/// <param name="Symbol">What to trade.</param>
/// <param name="Side">Buy (acquire) or sell (liquidate); the trajectory is the same either way.</param>
/// <param name="Quantity">The whole number of shares to trade in all.</param>
/// <param name="StartTime">When the first slice goes out; a start in the past sends the slices already due at once.</param>
/// <param name="Horizon">The time the schedule spans: slice k (from 1) goes out at start + (k − 1) × horizon / slices.</param>
/// <param name="Slices">How many slices, 1 to <see cref="MaxSlices"/>.</param>
/// <param name="Kind">TWAP, VWAP or Almgren-Chriss.</param>
/// <param name="VolumeProfile">VWAP only: the volume expected in each slice's interval, one per slice, 0 or more, not all 0.</param>
/// <param name="AlmgrenChriss">Almgren-Chriss only: the impact model and risk aversion, time in days.</param>
public sealed record ParentOrder(
    string PortfolioId,
    Symbol Symbol,
    Side Side,
    Quantity Quantity,
    DateTimeOffset StartTime,
    TimeSpan Horizon,
    int Slices,
    ScheduleKind Kind = ScheduleKind.Twap,
    IReadOnlyList<decimal>? VolumeProfile = null,
    AlmgrenChrissParameters? AlmgrenChriss = null)
{
    /// <summary>The most slices a parent may have: child ids number them with three digits.</summary>
    public const int MaxSlices = 999;

    /// <summary>Every rule the parent breaks (empty when valid), at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(PortfolioId))
            errors.Add(new("portfolio_id", "is empty; name the portfolio the children trade through"));
        if (Symbol == default)
            errors.Add(new("symbol", "is missing"));
        if (!Enum.IsDefined(Side))
            errors.Add(new("side", $"{Side} is not a side; use buy or sell"));
        if (Quantity.IsZero || Quantity.Value != decimal.Truncate(Quantity.Value))
            errors.Add(new("qty", $"{Quantity} must be a whole number of shares above 0"));
        if (Horizon <= TimeSpan.Zero)
            errors.Add(new("horizon", $"{Horizon} must be longer than zero"));
        if (Slices is < 1 or > MaxSlices)
            errors.Add(new("slices", $"{Slices} must be between 1 and {MaxSlices}"));
        if (!Enum.IsDefined(Kind))
            errors.Add(new("kind", $"{Kind} is not a schedule; use twap, vwap or almgren_chriss"));
        CheckVolumeProfile(errors);
        CheckAlmgrenChriss(errors);
        return errors;
    }

    /// <summary>The same parent as <paramref name="other"/>, the volume profile compared value by value.</summary>
    public bool SameAs(ParentOrder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { VolumeProfile = null } == other with { VolumeProfile = null }
            && (VolumeProfile ?? []).SequenceEqual(other.VolumeProfile ?? []);
    }

    private void CheckVolumeProfile(List<FieldError> errors)
    {
        if (!Takes(ScheduleKind.Vwap, VolumeProfile, "volume_profile", "the volume expected in each slice", errors))
            return;
        if (VolumeProfile!.Count != Slices)
            errors.Add(new("volume_profile", $"has {VolumeProfile.Count} volumes for {Slices} slices; give one per slice"));
        else if (VolumeProfile.Any(v => v < 0m) || VolumeProfile.Sum() <= 0m)
            errors.Add(new("volume_profile", "volumes must be 0 or more and not all 0"));
    }

    private void CheckAlmgrenChriss(List<FieldError> errors)
    {
        if (Takes(ScheduleKind.AlmgrenChriss, AlmgrenChriss, "almgren_chriss", "volatility, impacts and risk aversion", errors)
            && Horizon > TimeSpan.Zero && Slices is >= 1 and <= MaxSlices)
            errors.AddRange(AlmgrenChriss!.Validate(Horizon.TotalDays / Slices));
    }

    /// <summary>
    /// True when <paramref name="parameters"/>, the parameters only <paramref name="kind"/> takes, are given to a parent of
    /// that kind; an error when they are given to another kind or missing for this one.
    /// </summary>
    private bool Takes(ScheduleKind kind, object? parameters, string field, string what, List<FieldError> errors)
    {
        if (Kind != kind)
        {
            if (parameters is not null)
                errors.Add(new(field, $"only a {WireName.Of(kind)} schedule takes {field}"));
            return false;
        }
        if (parameters is null)
            errors.Add(new(field, $"a {WireName.Of(kind)} schedule needs {what}"));
        return parameters is not null;
    }
}
