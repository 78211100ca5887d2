using Meridian.Grains.Domain;

namespace Meridian.Grains.Statistics;

/// <summary>
/// How <see cref="PerformanceStatistics"/> annualizes and what it measures excess return against. The equity curve
/// is always sampled once per UTC calendar day (its last point that day), so <see cref="PeriodsPerYear"/> is the
/// number of days with a point in a year: 252 for exchange trading days, 365 for a market marked every day.
/// <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record StatisticsOptions
{
    /// <summary>Periods in a year, used to annualize (statistics.periods_per_year).</summary>
    public int PeriodsPerYear { get; init; } = 252;

    /// <summary>Risk-free rate per year as a fraction (0.04 = 4%); each period's share is rate / periods per year (statistics.risk_free_rate).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>252 trading days a year and a zero risk-free rate.</summary>
    public static StatisticsOptions Default { get; } = new();

    /// <summary>The risk-free return of one period: the yearly rate split evenly, not compounded.</summary>
    internal double RiskFreeRatePerPeriod => RiskFreeRate / PeriodsPerYear;

    /// <summary>Every setting that is out of range, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (PeriodsPerYear <= 0)
            errors.Add(new("periods_per_year", $"{PeriodsPerYear} must be greater than zero (252 for trading days, 365 for every day)"));
        if (!double.IsFinite(RiskFreeRate) || RiskFreeRate <= -1)
            errors.Add(new("risk_free_rate", $"{RiskFreeRate} must be a finite yearly fraction above -1 (0.04 = 4%)"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the options.</summary>
    public StatisticsOptions EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("statistics options", errors) : this;
}
