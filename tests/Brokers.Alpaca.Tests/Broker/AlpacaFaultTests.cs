using Meridian.Brokers.Alpaca.Orders;
using Meridian.Grains.Domain;
using Meridian.Grains.Risk;

namespace Meridian.Brokers.Alpaca.Tests.Broker;

/// <summary>The faults of Alpaca's wire, one at a time and then all together: no order is ever created twice, and positions end equal.</summary>
public sealed class AlpacaFaultTests
{
    [Fact]
    public async Task A_submission_that_times_out_after_alpaca_took_it_is_looked_up_not_sent_again()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        platform.Fake.Faults.TimeoutAfterAccept();

        await platform.SubmitAsync("slow-1", "AAPL", Side.Buy, 10m);
        var journal = await platform.JournalAsync("slow-1");

        Assert.Equal(AlpacaSubmission.Landed, journal!.Submission);
        Assert.Equal(1, platform.Fake.PostAttempts("slow-1"));
        Assert.Equal(1, platform.Fake.CreatedCount("slow-1"));
        Assert.Contains(platform.Fake.Requests, r => r.Path.StartsWith("/v2/orders:by_client_order_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_after_alpaca_took_the_order_is_looked_up_not_sent_again()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        platform.Fake.Faults.ServerErrorAfterAccept();

        await platform.SubmitAsync("err-1", "AAPL", Side.Buy, 10m);

        Assert.Equal(AlpacaSubmission.Landed, (await platform.JournalAsync("err-1"))!.Submission);
        Assert.Equal(1, platform.Fake.PostAttempts("err-1"));
    }

    [Fact]
    public async Task A_server_error_before_alpaca_took_the_order_is_sent_again_only_after_a_lookup_finds_nothing()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        platform.Fake.Faults.ServerErrors(1, "/v2/orders", "POST");

        await platform.SubmitAsync("err-2", "AAPL", Side.Buy, 10m);

        Assert.Equal(AlpacaSubmission.Landed, (await platform.JournalAsync("err-2"))!.Submission);
        Assert.Equal(2, platform.Fake.PostAttempts("err-2"));
        Assert.Equal(1, platform.Fake.CreatedCount("err-2"));
        var order = platform.Fake.Requests.ToList();
        var posts = order.FindIndex(r => r.Method == "POST");
        var lookup = order.FindIndex(r => r.Path.StartsWith("/v2/orders:by_client_order_id", StringComparison.Ordinal));
        var resend = order.FindLastIndex(r => r.Method == "POST");
        Assert.True(posts < lookup && lookup < resend, "the second POST must follow a lookup that found nothing");
    }

    [Fact]
    public async Task A_burst_of_429s_is_waited_out_until_the_reset_and_the_order_lands_once()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        platform.Fake.Faults.RateLimitBurst(3, TimeSpan.FromSeconds(1));

        await platform.SubmitAsync("busy-1", "AAPL", Side.Buy, 10m);

        Assert.Equal(AlpacaSubmission.Landed, (await platform.JournalAsync("busy-1"))!.Submission);
        Assert.Equal(1, platform.Fake.CreatedCount("busy-1"));
        Assert.Equal(3, platform.Fake.Requests.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task A_fill_lost_when_the_stream_drops_mid_fill_is_recovered_by_the_catch_up_after_the_reconnect()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        await platform.SubmitAsync("drop-1", "AAPL", Side.Buy, 50m);
        await platform.LandedAsync("drop-1");
        var connections = platform.Stream.Connections;

        platform.Fake.Faults.DropStreamMidFill();
        platform.Fake.Fill("drop-1", 50m, 30m);
        await platform.Fake.WaitForListeningClientsAsync(1, TestContext.Current.CancellationToken);
        await platform.ReconcileAsync();
        await platform.Probe.FilledAsync("drop-1", 50m);

        Assert.True(platform.Stream.Connections > connections, "the stream should have reconnected");
        Assert.Equal(platform.Fake.Positions, await platform.LocalPositionsAsync());
        Assert.Equal(30m, (await platform.OrderAsync("drop-1"))!.AverageFillPrice!.Value.Value);
    }

    [Fact]
    public async Task Duplicated_and_reordered_partial_fills_are_counted_once()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        await platform.SubmitAsync("dup-1", "AAPL", Side.Buy, 90m);
        await platform.LandedAsync("dup-1");
        platform.Fake.Faults.DuplicateEvents = true;
        platform.Fake.Faults.ReorderEvents = true;

        platform.Fake.Fill("dup-1", 30m, 10m);
        platform.Fake.Fill("dup-1", 30m, 11m);
        platform.Fake.Fill("dup-1", 30m, 12m);
        platform.Fake.Faults.ReorderEvents = false; // releases an event held back for a partner
        await platform.Probe.FilledAsync("dup-1", 90m);
        var report = await platform.ReconcileAsync();

        Assert.True(report.Consistent);
        Assert.Equal(new Dictionary<string, decimal> { ["AAPL"] = 90m }, await platform.LocalPositionsAsync());
        Assert.Equal(11m, (await platform.OrderAsync("dup-1"))!.AverageFillPrice!.Value.Value); // (300 + 330 + 360) / 90
    }

    [Fact]
    public async Task Across_every_fault_no_order_is_created_twice_and_positions_end_equal_to_alpacas()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        platform.Fake.Faults.DuplicateEvents = true;
        platform.Fake.Faults.ReorderEvents = true;
        string[] symbols = ["AAPL", "MSFT", "NVDA"];
        var ids = new List<string>();
        for (var i = 0; i < 18; i++)
        {
            switch (i % 6)
            {
                case 0: platform.Fake.Faults.TimeoutAfterAccept(); break;
                case 1: platform.Fake.Faults.ServerErrorAfterAccept(); break;
                case 2: platform.Fake.Faults.ServerErrors(1, "/v2/orders", "POST"); break;
                case 3: platform.Fake.Faults.RateLimitBurst(2, TimeSpan.FromSeconds(1)); break;
                case 4: platform.Fake.Faults.DropStreamMidFill(); break;
                default: break;
            }
            var id = $"mix-{i}";
            ids.Add(id);
            await platform.SubmitAsync(id, symbols[i % 3], Side.Buy, 10m + i);
            await platform.LandedAsync(id);
            // Partial fills for some, complete for the rest; the drop fault eats the first fill event of case 4.
            platform.Fake.Fill(id, 4m, 100m + i);
            if (i % 3 != 1)
                platform.Fake.Fill(id, 6m + i, 101m + i);
        }
        platform.Fake.Faults.ReorderEvents = false;
        await platform.Fake.WaitForListeningClientsAsync(1, TestContext.Current.CancellationToken);
        var report = await platform.ReconcileAsync();

        Assert.All(ids, id => Assert.Equal(1, platform.Fake.CreatedCount(id)));
        Assert.Empty(report.Mismatches);
        Assert.Equal(platform.Fake.Positions, await platform.LocalPositionsAsync());
        Assert.Equal(TradingState.Active, (await platform.Portfolio.GetAsync()).TradingState);
        foreach (var id in ids)
            Assert.Equal(platform.Fake.Order(id)!.FilledQty, (await platform.OrderAsync(id))!.FilledQuantity.Value);
    }
}
