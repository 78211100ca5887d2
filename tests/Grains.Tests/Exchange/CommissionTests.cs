using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class CommissionTests
{
    [Fact]
    public void Per_share_commission_is_rate_times_quantity()
    {
        // 0.005 × 300 = 1.50
        Assert.Equal(Money.Of(1.50m), new CommissionModel(PerShare: 0.005m).For(Q(300), P(50m)));
    }

    [Fact]
    public void Minimum_applies_when_the_rates_come_to_less()
    {
        // 0.005 × 100 = 0.50, below the minimum of 1.00
        Assert.Equal(Money.Of(1.00m), new CommissionModel(PerShare: 0.005m, Minimum: 1m).For(Q(100), P(50m)));
    }

    [Fact]
    public void Basis_points_commission_is_rounded_to_cents_midpoint_away_from_zero()
    {
        // 10 bps of 100 × 50.25 = 5025 → 5.025 → 5.03
        Assert.Equal(Money.Of(5.03m), new CommissionModel(BasisPoints: 10m).For(Q(100), P(50.25m)));
    }

    [Fact]
    public void Per_share_and_basis_points_add_up()
    {
        // 0.01 × 300 = 3.00, plus 5 bps of 300 × 20 = 6000 → 3.00; total 6.00
        Assert.Equal(Money.Of(6.00m), new CommissionModel(PerShare: 0.01m, BasisPoints: 5m, Minimum: 1m).For(Q(300), P(20m)));
    }

    [Fact]
    public void Fills_carry_the_commission_of_the_rules()
    {
        var rules = ExchangeRules.Default with { Commission = new CommissionModel(PerShare: 0.005m, Minimum: 1m) };
        var book = BookWith(Market(Side.Buy, 300), rules);

        var fill = Assert.Single(book.OnBar(Bar(0, 50m, 51m, 49m, 50.5m))).Fill!;

        Assert.Equal(Money.Of(1.50m), fill.Commission);
    }
}
