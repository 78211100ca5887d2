using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Meridian.Runtime.Timers;

namespace Meridian.Grains.Execution;

/// <summary>
/// Works a parent order: computes its schedule once, then at each slice's time on the silo's clock submits the slice
/// as a market order through the portfolio, with the client order id <c>{parent}-c{slice:D3}</c>. After each slice the
/// progress is written; a crash between a submission and its write submits the same id again on the next tick, which
/// the portfolio answers with the existing order, so no child is ever sent twice. Slices already due (a start in the
/// past, a reactivation after the silo was down) go out at once, in order.
/// <para>
/// The grain runs one timer: due at the next slice, and at least every <see cref="WakeInterval"/>, because a waiting
/// timer does not keep an activation from idle collection while a tick does (the class fixes its collection age above
/// that interval). A tick that fails for a reason that may pass (a timeout, the database) is tried again at the next
/// wake; a child the portfolio refuses as malformed or impossible fails the parent. A reactivation (any call) resumes
/// the schedule; a silo restart does not call the grain by itself.
/// </para>
/// </summary>
[CollectionAgeLimit(30)]
public sealed class ScheduledOrderGrain(
    [PersistentState("scheduled-order", TradingStorage.Name)] IPersistentState<ScheduledOrderState> state) : Grain, IScheduledOrderGrain
{
    /// <summary>The longest the grain sleeps between two ticks while working.</summary>
    public static readonly TimeSpan WakeInterval = TimeSpan.FromMinutes(10);

    private IGrainTimer? _timer;

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ScheduledOrderProgress> StartAsync(ParentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var errors = order.Validate().ToList();
        // The children's ids must be valid client order ids.
        if (Id.Length + 5 > OrderRequest.MaxClientOrderIdLength || Id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            errors.Add(new FieldError("parent_id", $"'{Id}' must be at most {OrderRequest.MaxClientOrderIdLength - 5} characters, without spaces"));
        if (errors.Count > 0)
            throw new InvalidInputException($"parent order '{Id}'", errors);
        if (state.State.Order is { } current)
        {
            return current.SameAs(order)
                ? Progress()
                : throw new InvalidOperationException($"parent order '{Id}' already works {current.Side} {current.Quantity} {current.Symbol}; start a different order under a new id");
        }
        state.State.Order = order;
        state.State.Schedule = ScheduleOf(order);
        state.State.Status = ScheduledOrderStatus.Working;
        await state.WriteStateAsync();
        Arm();
        return Progress();
    }

    /// <inheritdoc />
    public async Task<ScheduledOrderProgress> CancelAsync()
    {
        if (state.State.Order is null)
            throw new InvalidOperationException($"parent order '{Id}' was never started");
        if (state.State.Status == ScheduledOrderStatus.Working)
        {
            state.State.Status = ScheduledOrderStatus.Canceled;
            await state.WriteStateAsync();
        }
        Arm();
        return Progress();
    }

    /// <inheritdoc />
    public Task<ScheduledOrderProgress?> GetAsync() => Task.FromResult(state.State.Order is null ? null : Progress());

    private static ExecutionSchedule ScheduleOf(ParentOrder order) => order.Kind switch
    {
        ScheduleKind.Vwap => VwapSchedule.Create(order.Quantity, order.Horizon, order.VolumeProfile!),
        ScheduleKind.AlmgrenChriss => AlmgrenChrissSchedule.Create(order.Quantity, order.Horizon, order.Slices, order.AlmgrenChriss!),
        _ => TwapSchedule.Create(order.Quantity, order.Horizon, order.Slices),
    };

    /// <summary>When the next slice is due, or null when the parent sends no more.</summary>
    private DateTimeOffset? NextSliceAt() =>
        state.State is { Status: ScheduledOrderStatus.Working, Order: { } order, Schedule: { } schedule }
            ? order.StartTime + schedule.Slices[state.State.SlicesDone].Offset
            : null;

    /// <summary>Sets the timer for the next slice (waking at least every <see cref="WakeInterval"/>), or stops it when none is left.</summary>
    private void Arm()
    {
        if (NextSliceAt() is not { } next)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        var wait = next - Clock.GetUtcNow();
        var due = wait < TimeSpan.Zero ? TimeSpan.Zero : wait < WakeInterval ? wait : WakeInterval;
        if (_timer is null)
            _timer = RegisterGrainTimer(SendDueAsync, new GrainTimerCreationOptions(due, WakeInterval));
        else
            _timer.Change(due, WakeInterval);
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var order = state.State.Order!;
        var portfolio = GrainFactory.GetGrain<IPortfolioGrain>(order.PortfolioId);
        while (NextSliceAt() is { } due && due <= Clock.GetUtcNow())
        {
            var number = state.State.SlicesDone + 1;
            var quantity = state.State.Schedule!.Slices[number - 1].Quantity;
            if (!quantity.IsZero)
            {
                var id = ChildId(number);
                try
                {
                    var child = await portfolio.SubmitOrderAsync(new OrderRequest(id, order.PortfolioId, order.Symbol, order.Side, quantity));
                    state.State.Children.Add(new ChildOrder(number, id, quantity, Clock.GetUtcNow(), child.Status));
                }
                catch (Exception refused) when (refused is ArgumentException or InvalidOperationException)
                {
                    // Refused as malformed or impossible (no such portfolio, the id taken by another order): the same
                    // submission would be refused again.
                    state.State.Status = ScheduledOrderStatus.Failed;
                    state.State.Error = $"child '{id}' was refused: {refused.Message}";
                    await state.WriteStateAsync();
                    break;
                }
            }
            state.State.SlicesDone = number;
            if (number == state.State.Schedule.Slices.Count)
                state.State.Status = ScheduledOrderStatus.Completed;
            await state.WriteStateAsync();
        }
        Arm();
    }

    private string ChildId(int slice) => $"{Id}-c{slice.ToString("D3", CultureInfo.InvariantCulture)}";

    private ScheduledOrderProgress Progress() => new(
        Id, state.State.Order!, state.State.Schedule!, state.State.Status, state.State.SlicesDone, [.. state.State.Children], NextSliceAt(), state.State.Error);
}
