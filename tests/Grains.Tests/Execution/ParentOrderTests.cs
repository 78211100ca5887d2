using Meridian.Grains.Domain;
using Meridian.Grains.Execution;

namespace Meridian.Grains.Tests.Execution;

public sealed class ParentOrderTests
{
    private static readonly DateTimeOffset s_start = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_bad_parent_is_refused_naming_every_field_at_fault()
    {
        var order = new ParentOrder(" ", Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(10.5m), s_start, TimeSpan.Zero, 0,
            ScheduleKind.Twap, VolumeProfile: [1m], AlmgrenChriss: PaperExample.WithRiskAversion(1e-6));

        Assert.Equal(["portfolio_id", "qty", "horizon", "slices", "volume_profile", "almgren_chriss"], order.Validate().Select(e => e.Field));
    }

    [Fact]
    public void A_VWAP_parent_needs_one_volume_per_slice()
    {
        var order = new ParentOrder("p1", Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(100m), s_start, TimeSpan.FromHours(1), 3,
            ScheduleKind.Vwap, VolumeProfile: [1m, 2m]);

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
            new("p1", Symbol.Parse("AAPL"), Side.Sell, Quantity.Of(100m), s_start, TimeSpan.FromDays(days), 1, ScheduleKind.AlmgrenChriss, AlmgrenChriss: parameters);

        Assert.Empty(Over(10).Validate());
        Assert.Equal(["almgren_chriss.temporary_impact"], Over(40).Validate().Select(e => e.Field));
    }
}
