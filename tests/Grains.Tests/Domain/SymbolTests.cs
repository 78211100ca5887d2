using Meridian.Grains.Domain;

namespace Meridian.Grains.Tests.Domain;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("AAPL")]
    [InlineData("BRK.B")]
    [InlineData("BTC/USD")]
    [InlineData("A")]
    public void Valid_tickers_parse(string text) => Assert.Equal(text, Symbol.Parse(text).Value);

    [Theory]
    [InlineData("", "symbol is empty")]
    [InlineData("aapl", "has 'a' at position 1")]
    [InlineData("AA PL", "has ' ' at position 3")]
    [InlineData(".AAPL", "starts or ends with '.'")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUV", "22 characters long; at most 21")]
    public void Invalid_tickers_say_what_is_wrong(string text, string expected)
    {
        Assert.False(Symbol.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
