using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class BarPeriodTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1d", 24 * 60)]
    [InlineData("4h", 4 * 60)]
    [InlineData("23h", 23 * 60)]
    [InlineData("5m", 5)]
    [InlineData("59m", 59)]
    public void Short_names_read_and_write_back(string name, int minutes)
    {
        Assert.True(BarPeriod.TryParse(name, out var period));
        Assert.Equal(TimeSpan.FromMinutes(minutes), period);
        Assert.Equal(name, BarPeriod.Name(period));
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("60m")]
    [InlineData("24h")]
    [InlineData("2d")]
    [InlineData("5s")]
    [InlineData("d")]
    [InlineData("1D")]
    public void Other_lengths_are_not_periods_the_store_keeps(string name) =>
        Assert.False(BarPeriod.TryParse(name, out _));

    [Fact]
    public void Daily_bars_across_the_start_of_daylight_saving_time_are_a_day_apart() =>
        // Midnight New York on 10 March 2024 is 05:00Z (EST), on 11 March 04:00Z (EDT): 23 hours apart.
        Assert.Equal(BarPeriod.Day, BarPeriod.Infer([Utc("2024-03-10T05:00:00Z"), Utc("2024-03-11T04:00:00Z"), Utc("2024-03-12T04:00:00Z")], out _));

    [Fact]
    public void The_period_is_the_smallest_spacing_so_missing_bars_do_not_lengthen_it() =>
        // 14:30 to 14:40 is a missing bar; 14:40 to 14:45 is the period. Order does not matter; a duplicate is passed over.
        Assert.Equal(TimeSpan.FromMinutes(5), BarPeriod.Infer(
            [Utc("2024-03-04T14:40:00Z"), Utc("2024-03-04T14:30:00Z"), Utc("2024-03-04T14:45:00Z"), Utc("2024-03-04T14:45:00Z")], out _));

    [Fact]
    public void One_bar_cannot_tell_its_period()
    {
        Assert.Null(BarPeriod.Infer([Utc("2024-03-04T14:30:00Z")], out var error));
        Assert.StartsWith("cannot tell the bar period", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekly_spacing_is_not_a_period_the_store_keeps()
    {
        Assert.Null(BarPeriod.Infer([Utc("2024-03-04T05:00:00Z"), Utc("2024-03-11T04:00:00Z")], out var error));
        Assert.StartsWith("the closest bars are 6.23:00:00 apart", error, StringComparison.Ordinal);
    }
}
