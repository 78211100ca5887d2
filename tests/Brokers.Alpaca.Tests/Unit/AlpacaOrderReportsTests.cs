using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.Tests.Unit;

public sealed class AlpacaOrderReportsTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static AlpacaOrderState Linked() => new() { ClientOrderId = "o-1", PortfolioId = "p", Submission = AlpacaSubmission.Landed };

    private static AlpacaOrder Order(string status, decimal filled, decimal? average = null, decimal qty = 100m) => new()
    {
        Id = "a-1", ClientOrderId = "o-1", Symbol = "AAPL", Side = "buy", Type = "market", TimeInForce = "day",
        Qty = qty, FilledQty = filled, FilledAvgPrice = average, Status = status, UpdatedAt = T,
    };

    [Fact]
    public void A_fill_event_that_is_exactly_the_new_quantity_keeps_its_execution_id_and_price()
    {
        var state = Linked();
        var reports = AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), new AlpacaFillEvent("x-1", 30m, 10m, T), T);

        var report = Assert.Single(reports);
        Assert.Equal(OrderStatus.PartiallyFilled, report.Status);
        Assert.Equal("x-1", report.Fill!.ExecutionId);
        Assert.Equal(30m, report.Fill.Quantity.Value);
        Assert.Equal(10m, report.Fill.Price.Value);
    }

    [Fact]
    public void The_same_fill_again_reports_nothing()
    {
        var state = Linked();
        AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), new AlpacaFillEvent("x-1", 30m, 10m, T), T);

        Assert.Empty(AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), new AlpacaFillEvent("x-1", 30m, 10m, T), T));
        Assert.Empty(AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), execution: null, T));
    }

    [Fact]
    public void A_later_fill_arriving_first_is_inferred_and_the_earlier_one_then_changes_nothing()
    {
        // Fills: 30 @ 10 (x-1), then 20 @ 12.5 (x-2). Alpaca's average after both: (300 + 250) / 50 = 11.
        var state = Linked();
        var first = AlpacaOrderReports.From(state, Order("partially_filled", 50m, 11m), new AlpacaFillEvent("x-2", 20m, 12.5m, T), T);
        var late = AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), new AlpacaFillEvent("x-1", 30m, 10m, T), T);

        var fill = Assert.Single(first).Fill!;
        Assert.Equal("alpaca:a-1:50", fill.ExecutionId);
        Assert.Equal(50m, fill.Quantity.Value);
        Assert.Equal(11m, fill.Price.Value);
        Assert.Empty(late);
    }

    [Fact]
    public void A_fill_missed_while_the_stream_was_down_is_inferred_at_the_price_that_makes_alpacas_average()
    {
        // Reported: 30 @ 10. Alpaca now says 100 filled at an average of 10.7: the missing 70 traded at (1070 - 300) / 70 = 11.
        var state = Linked();
        AlpacaOrderReports.From(state, Order("partially_filled", 30m, 10m), new AlpacaFillEvent("x-1", 30m, 10m, T), T);

        var report = Assert.Single(AlpacaOrderReports.From(state, Order("filled", 100m, 10.7m), execution: null, T));

        Assert.Equal(OrderStatus.Filled, report.Status);
        Assert.Equal(70m, report.Fill!.Quantity.Value);
        Assert.Equal(11m, report.Fill.Price.Value);
        Assert.Equal(100m, state.Fills.Sum(f => f.Quantity));
    }

    [Fact]
    public void A_cancel_after_a_partial_fill_reports_the_missing_fill_first_then_the_cancel()
    {
        var state = Linked();
        var reports = AlpacaOrderReports.From(state, Order("canceled", 40m, 9m), execution: null, T);

        Assert.Equal([OrderStatus.PartiallyFilled, OrderStatus.Canceled], reports.Select(r => r.Status));
        Assert.Equal(40m, reports[0].Fill!.Quantity.Value);
    }

    [Fact]
    public void A_stale_acknowledgement_after_a_fill_is_not_reported_but_a_status_is_reported_once()
    {
        var state = Linked();
        Assert.Equal(OrderStatus.New, Assert.Single(AlpacaOrderReports.From(state, Order("new", 0m), null, T)).Status);
        Assert.Empty(AlpacaOrderReports.From(state, Order("new", 0m), null, T));
        AlpacaOrderReports.From(state, Order("partially_filled", 10m, 5m), new AlpacaFillEvent("x-1", 10m, 5m, T), T);

        Assert.Empty(AlpacaOrderReports.From(state, Order("accepted", 10m, 5m), null, T));
    }

    [Fact]
    public void An_unknown_status_reports_nothing_and_never_throws()
    {
        var state = Linked();
        Assert.Empty(AlpacaOrderReports.From(state, Order("some_future_status", 0m), null, T));
        Assert.Equal("some_future_status", state.AlpacaStatus);
    }
}
