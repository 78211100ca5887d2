using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.Execution;
using Meridian.Runtime.Storage;
using static Meridian.Grains.Tests.Execution.Parents;

namespace Meridian.Grains.Tests.Execution;

public sealed class ScheduledOrderStateJsonTests
{
    [Theory]
    [InlineData(ScheduleKind.Vwap)]
    [InlineData(ScheduleKind.AlmgrenChriss)]
    public void A_working_parent_round_trips_through_state_json(ScheduleKind kind)
    {
        var order = Twap(1_000m, 5, TimeSpan.FromDays(5)) with
        {
            Kind = kind,
            VolumeProfile = kind == ScheduleKind.Vwap ? [10m, 30m, 0m, 40m, 20m] : null,
            AlmgrenChriss = kind == ScheduleKind.AlmgrenChriss ? PaperExample.WithRiskAversion(2e-6) : null,
        };
        var state = new ScheduledOrderState
        {
            Order = order,
            Schedule = TwapSchedule.Create(order.Quantity, order.Horizon, order.Slices),
            Status = ScheduledOrderStatus.Working,
            SlicesDone = 1,
            Children = [new ChildOrder(1, "parent-c001", Quantity.Of(200m), Start, OrderStatus.Submitted)],
        };

        var json = JsonSerializer.Serialize(state, StateJson.Options);
        var back = JsonSerializer.Deserialize<ScheduledOrderState>(json, StateJson.Options)!;

        Assert.True(back.Order!.SameAs(order));
        Assert.Equal(state.Schedule.Slices, back.Schedule!.Slices);
        Assert.Equal(state.Children, back.Children);
        Assert.Equal((state.Status, state.SlicesDone), (back.Status, back.SlicesDone));
    }
}
