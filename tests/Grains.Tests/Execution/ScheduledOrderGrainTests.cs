using Meridian.Grains.Domain;
using Meridian.Grains.Execution;
using Meridian.Grains.Orders;
using Meridian.Grains.Tests.Trading;
using Meridian.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Meridian.Grains.Tests.Execution.Parents;

namespace Meridian.Grains.Tests.Execution;

/// <summary>Parent orders worked through a portfolio on the simulated exchange, the simulated clock driving the slices.</summary>
public sealed class ScheduledOrderGrainTests
{
    private static async Task<TradingSilo> TradingAsync(Action<Runtime.Hosting.SiloBuilder>? configure = null, DateTimeOffset? start = null)
    {
        var trading = await TradingSilo.StartAsync(configure: configure, start: start);
        if (start is null)
        {
            await trading.OpenAsync("p1");
            await trading.PriceAsync("AAPL", 50m);
        }
        return trading;
    }

    private static IScheduledOrderGrain Parent(TradingSilo trading, string id) => trading.Grains.GetGrain<IScheduledOrderGrain>(id);

    /// <summary>The children that exist as orders, c001 to c{slices}: (quantity, created at).</summary>
    private static async Task<List<(decimal Quantity, DateTimeOffset CreatedAt)>> ChildrenAsync(TradingSilo trading, string parent, int slices)
    {
        var children = new List<(decimal, DateTimeOffset)>();
        for (var n = 1; n <= slices; n++)
        {
            if (await trading.Order($"{parent}-c{n:D3}").GetAsync() is { } child)
                children.Add((child.Request.Quantity.Value, child.CreatedAt));
        }
        return children;
    }

    [Fact]
    public async Task A_TWAP_parent_sends_equal_children_at_each_slice_time()
    {
        await using var trading = await TradingAsync();

        await Parent(trading, "twap").StartAsync(Twap(1_000m, 5, TimeSpan.FromHours(5)));
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(6));

        var hour = TimeSpan.FromHours(1);
        Assert.Equal(
            [(200m, Start), (200m, Start + hour), (200m, Start + 2 * hour), (200m, Start + 3 * hour), (200m, Start + 4 * hour)],
            await ChildrenAsync(trading, "twap", 5));
        var progress = (await Parent(trading, "twap").GetAsync())!;
        Assert.Equal(ScheduledOrderStatus.Completed, progress.Status);
        Assert.Equal(1_000m, progress.QuantitySent.Value);
        Assert.Equal(0m, progress.QuantityRemaining.Value);
        Assert.Null(progress.NextSliceAt);
        Assert.All(progress.Children, c => Assert.Equal(OrderStatus.Submitted, c.Status));
    }

    [Fact]
    public async Task A_child_goes_out_at_its_slice_time_and_not_before()
    {
        await using var trading = await TradingAsync();

        await Parent(trading, "twap").StartAsync(Twap(1_000m, 5, TimeSpan.FromHours(5)));
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromMinutes(59));

        Assert.Single(await ChildrenAsync(trading, "twap", 5));
        var progress = (await Parent(trading, "twap").GetAsync())!;
        Assert.Equal(Start + TimeSpan.FromHours(1), progress.NextSliceAt);
        Assert.Equal(800m, progress.QuantityRemaining.Value);
    }

    [Fact]
    public async Task An_Almgren_Chriss_parent_front_loads_its_children()
    {
        await using var trading = await TradingAsync();
        var order = Twap(1_000m, 5, TimeSpan.FromDays(5)) with
        {
            Kind = ScheduleKind.AlmgrenChriss,
            AlmgrenChriss = PaperExample.WithRiskAversion(2e-6),
        };

        await Parent(trading, "ac").StartAsync(order);
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromDays(5));

        // The paper's λ = 2e-6 trajectory rounded to 1,000 shares (see ExecutionScheduleTests), one slice a day.
        var day = TimeSpan.FromDays(1);
        Assert.Equal(
            [(571m, Start), (246m, Start + day), (107m, Start + 2 * day), (48m, Start + 3 * day), (28m, Start + 4 * day)],
            await ChildrenAsync(trading, "ac", 5));
    }

    [Fact]
    public async Task Cancel_stops_the_children_not_yet_sent()
    {
        await using var trading = await TradingAsync();
        var parent = Parent(trading, "twap");
        await parent.StartAsync(Twap(1_000m, 5, TimeSpan.FromHours(5)));
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(1));

        var canceled = await parent.CancelAsync();
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(5));

        Assert.Equal(2, (await ChildrenAsync(trading, "twap", 5)).Count);
        Assert.Equal(ScheduledOrderStatus.Canceled, canceled.Status);
        var progress = (await parent.GetAsync())!;
        Assert.Equal(ScheduledOrderStatus.Canceled, progress.Status);
        Assert.Equal(["twap-c001", "twap-c002"], progress.Children.Select(c => c.ClientOrderId));
        Assert.Equal(600m, progress.QuantityRemaining.Value);
        Assert.Null(progress.NextSliceAt);
    }

    [Fact]
    public async Task A_reactivation_on_another_silo_resumes_without_resending()
    {
        var storage = new MemoryGrainStorage(TradingStorage.Name);
        var subscriptions = new MemoryGrainStorage("PubSubStore");
        void Shared(Runtime.Hosting.SiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(TradingStorage.Name, storage);
            silo.Services.AddKeyedSingleton<IGrainStorage>("PubSubStore", subscriptions);
        }

        DateTimeOffset stoppedAt;
        await using (var first = await TradingAsync(Shared))
        {
            await Parent(first, "twap").StartAsync(Twap(1_000m, 5, TimeSpan.FromHours(5)));
            await first.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(1.5));
            stoppedAt = first.Now;
        }

        await using var second = await TradingAsync(Shared, stoppedAt);
        var before = (await Parent(second, "twap").GetAsync())!;
        await second.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(4));

        Assert.Equal(2, before.SlicesDone);
        var progress = (await Parent(second, "twap").GetAsync())!;
        Assert.Equal(ScheduledOrderStatus.Completed, progress.Status);
        Assert.Equal([1, 2, 3, 4, 5], progress.Children.Select(c => c.Slice));
        Assert.Equal(5, (await ChildrenAsync(second, "twap", 5)).Count);
        Assert.Single((await second.Order("twap-c001").GetHistoryAsync()).OfType<OrderSubmitted>());
        Assert.Equal(Start + TimeSpan.FromHours(2), (await second.OrderNowAsync("twap-c003")).CreatedAt);
    }

    [Fact]
    public async Task Starting_again_with_the_same_parent_changes_nothing_and_a_different_one_is_refused()
    {
        await using var trading = await TradingAsync();
        var parent = Parent(trading, "vwap");
        var order = Twap(1_000m, 5, TimeSpan.FromHours(5)) with { Kind = ScheduleKind.Vwap, VolumeProfile = [1m, 2m, 3m, 2m, 1m] };
        await parent.StartAsync(order);
        await trading.Silo.RunUntilIdleAsync();

        var again = await parent.StartAsync(order with { VolumeProfile = [1m, 2m, 3m, 2m, 1m] });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => parent.StartAsync(order with { Quantity = Quantity.Of(2_000m) }));

        Assert.Equal(1, again.SlicesDone);
        Assert.Contains("already works Buy 1000 AAPL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_the_portfolio_refuses_fails_the_parent()
    {
        await using var trading = await TradingAsync();

        await Parent(trading, "nowhere").StartAsync(Twap(1_000m, 5, TimeSpan.FromHours(5), portfolio: "missing"));
        await trading.Silo.Clock.AdvanceAsync(TimeSpan.FromHours(5));

        var progress = (await Parent(trading, "nowhere").GetAsync())!;
        Assert.Equal(ScheduledOrderStatus.Failed, progress.Status);
        Assert.Contains("child 'nowhere-c001' was refused: portfolio 'missing' does not exist", progress.Error, StringComparison.Ordinal);
        Assert.Empty(progress.Children);
    }

    [Fact]
    public async Task A_bad_parent_is_refused_before_anything_is_recorded()
    {
        await using var trading = await TradingAsync();
        var parent = Parent(trading, "bad");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => parent.StartAsync(Twap(0m, 5, TimeSpan.FromHours(5))));

        Assert.Equal(["qty"], error.Errors.Select(e => e.Field));
        Assert.Null(await parent.GetAsync());
    }
}
