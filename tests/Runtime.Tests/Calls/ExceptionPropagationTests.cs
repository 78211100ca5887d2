namespace Meridian.Runtime.Tests.Calls;

public sealed class ExceptionPropagationTests
{
    [Fact]
    public async Task An_exception_thrown_synchronously_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => silo.GrainFactory.GetGrain<IThrowingGrain>("t").ThrowSynchronously("quantity must be positive"));

        Assert.StartsWith("quantity must be positive", error.Message, StringComparison.Ordinal);
        Assert.Equal("message", error.ParamName);
    }

    [Fact]
    public async Task An_exception_thrown_after_an_await_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => silo.GrainFactory.GetGrain<IThrowingGrain>("t").ThrowAfterAwait("position not found"));

        Assert.Equal("position not found", error.Message);
    }

    [Fact]
    public async Task A_domain_exception_keeps_its_data()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<OrderRejectedException>(
            async () => await silo.GrainFactory.GetGrain<IThrowingGrain>("t").ThrowDomainError("INSUFFICIENT_BUYING_POWER"));

        Assert.Equal("INSUFFICIENT_BUYING_POWER", error.Code);
        Assert.Equal("order rejected: INSUFFICIENT_BUYING_POWER", error.Message);
    }

    [Fact]
    public async Task An_exception_crosses_a_chain_of_grains_unchanged()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<OrderRejectedException>(
            () => silo.GrainFactory.GetGrain<IThrowingGrain>("front").CallThrower("back"));

        Assert.Equal("FROM_back", error.Code);
    }

    [Fact]
    public async Task A_grain_that_threw_still_serves_the_next_call()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IThrowingGrain>("t");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously("first"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously("second"));

        Assert.Single(silo.Introspection.GetActiveGrains("throwing"));
    }

    [Fact]
    public async Task A_method_returning_a_null_task_fails_the_call_and_leaves_the_grain_and_the_thread_clean()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GrainFactory.GetGrain<INullTaskGrain>("n");
        await grain.Fine();

        var (error, contextLeft) = await Task.Run(async () =>
        {
            var failure = await Record.ExceptionAsync(() => grain.Broken());
            return (failure, SynchronizationContext.Current);
        }, TestContext.Current.CancellationToken);

        Assert.Contains("INullTaskGrain.Broken", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        Assert.Null(contextLeft);
        Assert.Equal(1, await grain.Fine());
    }
}
