using Meridian.Brokers.Alpaca.MarketData;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>Timeframes: Alpaca's forms and the store's short names, and the ones the store cannot keep.</summary>
public sealed class AlpacaTimeframeTests
{
    [Theory]
    [InlineData("1Day", "1Day", 24 * 60)]
    [InlineData("1D", "1Day", 24 * 60)]
    [InlineData("1d", "1Day", 24 * 60)]
    [InlineData("5Min", "5Min", 5)]
    [InlineData("15T", "15Min", 15)]
    [InlineData("59m", "59Min", 59)]
    [InlineData("1Hour", "1Hour", 60)]
    [InlineData("4H", "4Hour", 240)]
    [InlineData("23h", "23Hour", 23 * 60)]
    public void Known_forms_give_alpaca_s_text_and_the_bar_length(string text, string sent, int minutes)
    {
        Assert.True(AlpacaTimeframe.TryParse(text, out var timeframe, out var error), error);
        Assert.Equal((sent, TimeSpan.FromMinutes(minutes)), (timeframe.Text, timeframe.Period));
    }

    [Theory]
    [InlineData("1Week", "timeframe '1Week': the bar store keeps no bars longer than a day")]
    [InlineData("3M", "timeframe '3M': the bar store keeps no bars longer than a day")]
    [InlineData("60Min", "timeframe '60Min' is not one")]
    [InlineData("24Hour", "timeframe '24Hour' is not one")]
    [InlineData("2Day", "timeframe '2Day' is not one")]
    [InlineData("0Min", "timeframe '0Min' is not one")]
    [InlineData("Day", "timeframe 'Day' is not one")]
    [InlineData("1day", "timeframe '1day' is not one")]
    public void Other_forms_are_refused_saying_why(string text, string expected)
    {
        Assert.False(AlpacaTimeframe.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_a_day()
    {
        Assert.Equal(AlpacaTimeframe.Day, default);
        Assert.Equal(("1Day", TimeSpan.FromDays(1)), (default(AlpacaTimeframe).Text, default(AlpacaTimeframe).Period));
    }
}
