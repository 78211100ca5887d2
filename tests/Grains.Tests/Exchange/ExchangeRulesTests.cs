using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class ExchangeRulesTests
{
    [Fact]
    public void Default_rules_are_valid()
    {
        Assert.Empty(ExchangeRules.Default.Validate());
    }

    [Fact]
    public void Validation_reports_every_bad_setting_at_once()
    {
        var rules = new ExchangeRules
        {
            Commission = new CommissionModel(PerShare: -0.01m, BasisPoints: -1m, Minimum: -1m),
            Slippage = new VolumeShareSlippage(ParticipationCap: 0m, ImpactCoefficient: 1m),
            SessionTimeZone = "Mars/Olympus",
        };

        var fields = rules.Validate().Select(e => e.Field);

        Assert.Equal(
            ["commission.per_share", "commission.basis_points", "commission.minimum", "slippage.participation_cap", "slippage.impact_coefficient", "session_time_zone"],
            fields);
    }

    [Fact]
    public void Fixed_bps_of_ten_thousand_or_more_is_invalid()
    {
        var error = Assert.Single((ExchangeRules.Default with { Slippage = new FixedBpsSlippage(10_000m) }).Validate());

        Assert.Equal("slippage.bps", error.Field);
    }

    [Fact]
    public void Book_refuses_invalid_rules_naming_each_problem()
    {
        var rules = ExchangeRules.Default with { Commission = new CommissionModel(Minimum: -1m), SessionTimeZone = "Nowhere" };

        var error = Assert.Throws<InvalidInputException>(() => Book(rules));

        Assert.Equal(2, error.Errors.Count);
        Assert.StartsWith("exchange rules is invalid: commission.minimum", error.Message, StringComparison.Ordinal);
    }
}
