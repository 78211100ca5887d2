using Meridian.Grains.Execution;
using static Meridian.Grains.Tests.Execution.Parents;

namespace Meridian.Grains.Tests.Execution;

public sealed class ParentOrderTests
{
    [Fact]
    public void A_bad_parent_is_refused_naming_every_field_at_fault()
    {
        var order = Twap(10.5m, 0, TimeSpan.Zero, portfolio: " ") with
        {
            VolumeProfile = [1m],
            AlmgrenChriss = PaperExample.WithRiskAversion(1e-6),
        };

        Assert.Equal(["portfolio_id", "qty", "horizon", "slices", "volume_profile", "almgren_chriss"], order.Validate().Select(e => e.Field));
    }

    [Fact]
    public void A_VWAP_parent_needs_one_volume_per_slice()
    {
        var order = Twap(100m, 3, TimeSpan.FromHours(1)) with { Kind = ScheduleKind.Vwap, VolumeProfile = [1m, 2m] };

        var error = Assert.Single(order.Validate());
        Assert.Equal("volume_profile", error.Field);
        Assert.Contains("2 volumes for 3 slices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Almgren_Chriss_parent_checks_its_parameters_against_its_slice_length()
    {
        // One slice of 10 days: η̃ = 2.5e-6 − 2.5e-7 x 10 / 2 = 1.25e-6 is fine; of 40 days, 2.5e-6 − 5e-6 is not.
        var parameters = PaperExample.WithRiskAversion(1e-6);
        ParentOrder Over(double days) =>
            Twap(100m, 1, TimeSpan.FromDays(days)) with { Kind = ScheduleKind.AlmgrenChriss, AlmgrenChriss = parameters };

        Assert.Empty(Over(10).Validate());
        Assert.Equal(["almgren_chriss.temporary_impact"], Over(40).Validate().Select(e => e.Field));
    }
}
