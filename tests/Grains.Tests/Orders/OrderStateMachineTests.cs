using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Domain.OrderStatus;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderStateMachineTests
{
    public static TheoryData<OrderStatus, OrderStatus> AllPairs => ExpectedTransitions.AllPairs();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Transition_is_legal_exactly_when_the_expected_table_lists_it(OrderStatus from, OrderStatus to) =>
        Assert.Equal(ExpectedTransitions.IsLegal(from, to), OrderStateMachine.CanTransition(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Legal_targets_agree_with_can_transition(OrderStatus from, OrderStatus to) =>
        Assert.Equal(OrderStateMachine.CanTransition(from, to), OrderStateMachine.LegalTargets(from).Contains(to));

    [Fact]
    public void Table_has_85_legal_transitions() =>
        Assert.Equal(85, ExpectedTransitions.AllStatuses.Sum(from => OrderStateMachine.LegalTargets(from).Count));

    [Fact]
    public void Terminal_statuses_are_exactly_those_that_go_nowhere()
    {
        var goNowhere = ExpectedTransitions.AllStatuses.Where(s => OrderStateMachine.LegalTargets(s).Count == 0);
        Assert.Equal([Denied, Filled, Canceled, Expired, Replaced, Rejected], goNowhere.Order());
        Assert.All(goNowhere, s => Assert.True(s.IsTerminal()));
    }

    [Fact]
    public void Nothing_leads_to_submitted_or_denied() =>
        Assert.DoesNotContain(ExpectedTransitions.AllStatuses,
            from => OrderStateMachine.CanTransition(from, Submitted) || OrderStateMachine.CanTransition(from, Denied));

    [Fact]
    public void Only_a_partial_fill_may_follow_itself() =>
        Assert.Equal([PartiallyFilled], ExpectedTransitions.AllStatuses.Where(s => OrderStateMachine.CanTransition(s, s)));

    [Theory]
    [InlineData(PartiallyFilled)]
    [InlineData(Filled)]
    [InlineData(Canceled)]
    [InlineData(Expired)]
    public void Venue_facts_are_legal_from_every_open_status(OrderStatus fact) =>
        Assert.All(ExpectedTransitions.AllStatuses.Where(s => s.IsOpen()), from => Assert.True(OrderStateMachine.CanTransition(from, fact), $"{from} -> {fact}"));

    [Fact]
    public void A_refused_cancel_may_return_to_every_status_a_cancel_is_allowed_from()
    {
        // Submitted is local: once a cancel is pending the broker has the order, so it never reports submitted back.
        var cancelableFrom = ExpectedTransitions.AllStatuses.Where(s => OrderStateMachine.CanTransition(s, PendingCancel) && s != Submitted);
        Assert.All(cancelableFrom, s => Assert.True(OrderStateMachine.CanTransition(PendingCancel, s), $"pending_cancel -> {s}"));
    }

    [Fact]
    public void A_refused_replace_may_return_to_every_status_a_replace_is_allowed_from()
    {
        var replaceableFrom = ExpectedTransitions.AllStatuses.Where(s => OrderStateMachine.CanTransition(s, PendingReplace));
        Assert.Equal([New, PartiallyFilled, DoneForDay, Held], replaceableFrom);
        Assert.All(replaceableFrom, s => Assert.True(OrderStateMachine.CanTransition(PendingReplace, s), $"pending_replace -> {s}"));
    }

    [Fact]
    public void Replaced_is_reached_only_after_a_replace_was_asked_for() =>
        Assert.Equal([PartiallyFilled, PendingReplace], ExpectedTransitions.AllStatuses.Where(s => OrderStateMachine.CanTransition(s, Replaced)).Order());

    [Fact]
    public void An_unknown_status_value_goes_nowhere() =>
        Assert.Empty(OrderStateMachine.LegalTargets((OrderStatus)99));
}
