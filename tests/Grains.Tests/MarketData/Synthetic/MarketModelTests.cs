using Meridian.Grains.MarketData.Synthetic;
using static Meridian.Grains.Tests.MarketData.Synthetic.SyntheticFixture;

namespace Meridian.Grains.Tests.MarketData.Synthetic;

/// <summary>
/// The statistics the model promises, measured on ten years of daily bars. Every symbol below has beta 1, so by
/// docs/synthetic-market.md the correlation of two symbols' daily log returns is
/// (sigma_M^2 + sigma_S^2) / (sigma_M^2 + sigma_S^2 + sigma_I^2) in one sector and sigma_M^2 / (same) across sectors,
/// whatever the regime (it scales all three alike).
/// </summary>
public sealed class MarketModelTests
{
    // sigma_M = 0.15, sigma_S = 0.20, sigma_I = 0.15: total variance 0.0225 + 0.04 + 0.0225 = 0.085;
    // same sector 0.0625 / 0.085 = 0.735, different sectors 0.0225 / 0.085 = 0.265
    private static readonly SyntheticMarketSettings s_twoSectors = new()
    {
        Seed = 2024,
        SymbolCount = 10,
        SectorCount = 2,
        MinBeta = 1,
        MaxBeta = 1,
        MarketVolatility = 0.15,
        SectorVolatility = 0.20,
        MinIdiosyncraticVolatility = 0.15,
        MaxIdiosyncraticVolatility = 0.15,
        MinStartPrice = 100m,
        MaxStartPrice = 100m,
        MinAnnualDrift = 0,
        MaxAnnualDrift = 0,
    };

    [Fact]
    public void Symbols_of_one_sector_correlate_as_the_model_says_and_clearly_more_than_across_sectors()
    {
        // 2,516 returns per symbol. The standard error of one sample correlation is about (1 - rho^2) / sqrt(n), 0.009 at
        // 0.735 and 0.019 at 0.265 (somewhat more with regimes); averaging 20 same-sector and 25 cross-sector pairs
        // shrinks it further, so the bands below are several standard errors wide.
        var returns = SyntheticMarket.Generate(s_twoSectors).Select(LogReturns).ToList();
        var same = new List<double>();
        var different = new List<double>();
        for (var i = 0; i < returns.Count; i++)
        {
            for (var j = i + 1; j < returns.Count; j++)
                (i % 2 == j % 2 ? same : different).Add(Correlation(returns[i], returns[j]));
        }

        Assert.Equal(20, same.Count);
        Assert.InRange(same.Average(), 0.735 - 0.04, 0.735 + 0.04);
        Assert.InRange(different.Average(), 0.265 - 0.05, 0.265 + 0.05);
        Assert.True(same.Min() > different.Max(), $"lowest same-sector correlation {same.Min():F3} is not above highest cross-sector {different.Max():F3}");
    }

    [Fact]
    public void Stressed_days_are_as_much_more_volatile_than_calm_days_as_their_multipliers_say()
    {
        // Default multipliers: stressed 2.0, calm 0.7, so the ratio of daily volatilities is 2.0 / 0.7 = 2.86
        var regimes = SyntheticMarket.Regimes(s_twoSectors);
        var calm = new List<double>();
        var stressed = new List<double>();
        foreach (var series in SyntheticMarket.Generate(s_twoSectors))
        {
            var returns = LogReturns(series);
            for (var t = 0; t < returns.Length; t++)
            {
                // Return t runs from day t's close to day t + 1's, drawn under day t + 1's regime
                var regime = regimes[t + 1].Regime;
                if (regime == VolatilityRegime.Calm)
                    calm.Add(returns[t]);
                else if (regime == VolatilityRegime.Stressed)
                    stressed.Add(returns[t]);
            }
        }

        Assert.True(calm.Count >= 1000 && stressed.Count >= 1000, $"{calm.Count} calm and {stressed.Count} stressed returns");
        Assert.InRange(StandardDeviation(stressed) / StandardDeviation(calm), 2.5, 3.2);
    }

    [Fact]
    public void Volume_is_higher_in_stressed_regimes_and_on_big_moves()
    {
        // Volume ~ sqrt(m) x (0.6 + 0.5 |r| / sigma): with E|Z| = 0.8, calm (m = 0.7) averages 0.84 x 0.88 = 0.74,
        // stressed (m = 2) 1.41 x 1.40 = 1.98 times the typical volume, a ratio of 2.7. In the normal regime a day
        // beyond 2 sigma (|r| about 2.4 sigma on average) trades about 0.6 + 1.2 = 1.8, a day within 0.25 sigma about
        // 0.66: a ratio of 2.7 again
        var regimes = SyntheticMarket.Regimes(s_twoSectors);
        var series = SyntheticMarket.Generate(s_twoSectors)[0];
        var returns = LogReturns(series);
        var calm = new List<double>();
        var stressed = new List<double>();
        var quiet = new List<double>();
        var busy = new List<double>();
        var normalSigma = StandardDeviation([.. returns.Where((_, t) => regimes[t + 1].Regime == VolatilityRegime.Normal)]);
        for (var t = 0; t < returns.Length; t++)
        {
            var volume = (double)series.Volume[t + 1];
            var regime = regimes[t + 1].Regime;
            if (regime == VolatilityRegime.Calm)
                calm.Add(volume);
            if (regime == VolatilityRegime.Stressed)
                stressed.Add(volume);
            if (regime == VolatilityRegime.Normal && Math.Abs(returns[t]) < 0.25 * normalSigma)
                quiet.Add(volume);
            if (regime == VolatilityRegime.Normal && Math.Abs(returns[t]) > 2 * normalSigma)
                busy.Add(volume);
        }

        Assert.True(stressed.Average() > 2 * calm.Average(), $"stressed {stressed.Average():F0} against calm {calm.Average():F0}");
        Assert.True(busy.Average() > 1.8 * quiet.Average(), $"big-move days {busy.Average():F0} against quiet days {quiet.Average():F0}");
    }

    [Fact]
    public void Regimes_follow_the_chain_from_its_initial_state()
    {
        // A chain that can only ever be calm, from a calm start
        var settings = s_twoSectors with
        {
            Regimes = VolatilityRegimes.Default with { Initial = VolatilityRegime.Calm, FromCalm = new(1, 0, 0) },
        };

        Assert.All(SyntheticMarket.Regimes(settings), day => Assert.Equal(VolatilityRegime.Calm, day.Regime));
    }
}
