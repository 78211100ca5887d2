using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class BarInputTests
{
    [Fact]
    public void Redelivered_bar_is_ignored_so_nothing_fills_twice()
    {
        var book = BookWith(Market(Side.Buy, 100));
        var bar = Bar(0, 100m, 101m, 99m, 100m);
        book.Submit(Market(Side.Buy, 100, "o2"), Open);

        Assert.Equal(2, book.OnBar(bar).Count);
        Assert.Empty(book.OnBar(bar));
    }

    [Fact]
    public void Bar_for_another_symbol_is_refused()
    {
        var bar = Bar(0, 100m, 101m, 99m, 100m) with { Symbol = Symbol.Parse("MSFT") };

        Assert.Throws<ArgumentException>(() => Book().OnBar(bar));
    }

    [Fact]
    public void Inconsistent_bar_is_refused_with_every_problem()
    {
        var bar = new Bar(Aapl, Open, TimeSpan.Zero, P(100m), P(99m), P(101m), P(100m), -1m);

        var error = Assert.Throws<InvalidInputException>(() => Book().OnBar(bar));

        Assert.Equal(["period", "high", "low", "volume"], error.Errors.Select(e => e.Field));
    }
}
