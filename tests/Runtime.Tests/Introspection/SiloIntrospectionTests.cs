namespace Meridian.Runtime.Tests.Introspection;

public sealed class SiloIntrospectionTests
{
    [Fact]
    public async Task Calls_and_errors_are_counted_per_method()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITallyGrain>("t");
        for (var i = 0; i < 5; i++)
            await grain.Add("n" + i);
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail());

        var methods = silo.Introspection.GetMethods().ToDictionary(m => m.Method);

        Assert.Equal(5, methods["ITallyGrain.Add"].Calls);
        Assert.Equal(0, methods["ITallyGrain.Add"].Errors);
        Assert.Equal(2, methods["ITallyGrain.Fail"].Calls);
        Assert.Equal(2, methods["ITallyGrain.Fail"].Errors);
        Assert.True(methods["ITallyGrain.Add"].P50Microseconds > 0);
        Assert.True(methods["ITallyGrain.Add"].P99Microseconds >= methods["ITallyGrain.Add"].P50Microseconds);
    }

    [Fact]
    public async Task Activations_are_counted_per_grain_type_and_listed()
    {
        await using var silo = await Silos.StartAsync();
        foreach (var key in new[] { "a", "b", "c" })
            await silo.GrainFactory.GetGrain<ITallyGrain>(key).Add("x");

        var tally = Assert.Single(silo.Introspection.GetGrainTypes(), t => t.GrainType == "tally");
        var active = silo.Introspection.GetActiveGrains("tally");

        Assert.Equal(3, tally.Activations);
        Assert.Equal(["tally/s:a", "tally/s:b", "tally/s:c"], active.Select(a => a.GrainId.ToString()));
        Assert.All(active, a => Assert.Equal("Valid", a.State));
    }

    [Fact]
    public async Task The_state_of_an_active_grain_is_shown_as_JSON()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITallyGrain>("t");
        await grain.Add("first");
        await grain.Add("second");

        var view = await silo.Introspection.GetGrainStateAsync(grain.GetGrainId());

        Assert.NotNull(view);
        var tally = view["states"]!["tally"]!;
        Assert.Equal(2, (int)tally["state"]!["count"]!);
        Assert.Equal("second", (string)tally["state"]!["last_note"]!);
        Assert.Equal("Default", (string)tally["storage"]!);
        Assert.True((bool)tally["record_exists"]!);
    }

    [Fact]
    public async Task Looking_at_an_inactive_grain_does_not_activate_it()
    {
        await using var silo = await Silos.StartAsync();
        var id = silo.GrainFactory.GetGrain<ITallyGrain>("never-called").GetGrainId();

        Assert.Null(await silo.Introspection.GetGrainStateAsync(id));
        Assert.Empty(silo.Introspection.GetActiveGrains());
    }
}
