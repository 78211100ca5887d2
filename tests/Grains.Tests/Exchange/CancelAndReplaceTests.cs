using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class CancelAndReplaceTests
{
    private static readonly ExchangeRules TenPercentOfVolume = ExchangeRules.Default with { Slippage = new VolumeShareSlippage(0.1m, 0m) };

    [Fact]
    public void Cancel_reports_the_order_canceled_and_it_no_longer_fills()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        var report = Assert.Single(book.Cancel("o1", Open.AddMinutes(1)));

        Assert.Equal((OrderStatus.Canceled, "sim-1", Open.AddMinutes(1)), (report.Status, report.BrokerOrderId, report.Time));
        Assert.Empty(book.OnBar(Bar(0, 98m, 99m, 97m, 98m)));
    }

    [Fact]
    public void Cancel_of_an_unknown_or_final_order_reports_nothing()
    {
        var book = BookWith(Market(Side.Buy, 100));
        book.OnBar(Bar(0, 100m, 101m, 99m, 100m));

        Assert.Empty(book.Cancel("o1", Open.AddHours(1)));
        Assert.Empty(book.Cancel("nobody", Open.AddHours(1)));
    }

    [Fact]
    public void Replace_reports_the_old_order_replaced_naming_the_new_one_then_the_new_order_new()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        var reports = book.Replace("o1", Limit(Side.Buy, 100, 99.5m, "o2"), Open);

        Assert.Equal(["o1:Replaced", "o2:New"], Statuses(reports));
        Assert.Equal(("o2", "sim-1", "sim-2"), (reports[0].Reason, reports[0].BrokerOrderId, reports[1].BrokerOrderId));
        // The new limit 99.5 is reached; the old 99 would not have been.
        Assert.Equal(["o2:Filled"], Statuses(book.OnBar(Bar(0, 100m, 101m, 99.2m, 100m))));
    }

    [Fact]
    public void Replacement_is_a_fresh_order_for_its_own_quantity_after_a_partial_fill()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m), TenPercentOfVolume);
        Assert.Equal(Q(50), Assert.Single(book.OnBar(Bar(0, 98m, 99m, 97m, 98m, volume: 500m))).Fill!.Quantity);

        book.Replace("o1", Limit(Side.Buy, 50, 99m, "o2"), Open + FiveMinutes);
        var report = Assert.Single(book.OnBar(Bar(1, 98m, 99m, 97m, 98m, volume: 10_000m)));

        // The old order keeps its 50; the replacement is for 50 of its own, filled in full.
        Assert.Equal(("o2", OrderStatus.Filled, 50m), (report.ClientOrderId, report.Status, report.Fill!.Quantity.Value));
    }

    [Fact]
    public void Replacement_changing_side_and_type_is_rejected_with_both_reasons()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        var report = Assert.Single(book.Replace("o1", Stop(Side.Sell, 100, 95m, "o2"), Open));

        Assert.Equal(OrderStatus.Rejected, report.Status);
        Assert.Contains("side: cannot change", report.Reason, StringComparison.Ordinal);
        Assert.Contains("type: cannot change", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_an_unknown_order_rejects_the_replacement()
    {
        var report = Assert.Single(Book().Replace("nobody", Limit(Side.Buy, 100, 99m, "o2"), Open));

        Assert.Equal(("o2", OrderStatus.Rejected), (report.ClientOrderId, report.Status));
    }

    [Fact]
    public void Replacing_a_bracket_order_is_rejected()
    {
        var bracket = Limit(Side.Buy, 100, 99m) with { Class = OrderClass.Bracket, TakeProfit = new(P(110m)), StopLoss = new(P(95m)) };
        var book = BookWith(bracket);

        var report = Assert.Single(book.Replace("o1", Limit(Side.Buy, 100, 98m, "o2"), Open));

        Assert.Contains("order group of 'o1'", report.Reason, StringComparison.Ordinal);
    }
}
