using System.Text.Json;
using Meridian.Runtime.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Activation;

public sealed class GrainReferenceTests
{
    [Fact]
    public async Task References_are_equal_by_interface_and_key()
    {
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(new LifecycleProbe()));

        var a1 = silo.GrainFactory.GetGrain<ILifecycleGrain>("a");
        var a2 = silo.GrainFactory.GetGrain<ILifecycleGrain>("a");
        var b = silo.GrainFactory.GetGrain<ILifecycleGrain>("b");

        Assert.Equal(a1, a2);
        Assert.Equal(a1.GetHashCode(), a2.GetHashCode());
        Assert.NotEqual(a1, b);
        Assert.Equal(new GrainId("lifecycle", GrainKey.FromString("a")), a1.GetGrainId());
    }

    [Fact]
    public async Task A_reference_survives_a_JSON_round_trip_and_still_calls_its_grain()
    {
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(new LifecycleProbe()));
        var options = new JsonSerializerOptions { Converters = { new GrainReferenceJsonConverter(silo.GrainFactory) } };
        var original = new Holder(silo.GrainFactory.GetGrain<ILifecycleGrain>("travelling"));

        var json = JsonSerializer.Serialize(original, options);
        var copy = JsonSerializer.Deserialize<Holder>(json, options)!;

        Assert.Equal(original.Grain, copy.Grain);
        Assert.Equal("arrived", await copy.Grain.Echo("arrived"));
        Assert.Contains("\"grain_id\":\"lifecycle/s:travelling\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_serialized_reference_is_a_clear_JSON_error()
    {
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(new LifecycleProbe()));
        var options = new JsonSerializerOptions { Converters = { new GrainReferenceJsonConverter(silo.GrainFactory) } };
        var typeName = typeof(ILifecycleGrain).FullName + ", " + typeof(ILifecycleGrain).Assembly.GetName().Name;

        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<Holder>($$$"""{"Grain":{"interface":"{{{typeName}}}","grain_id":"lifecycle/i:12"}}""", options));

        Assert.Contains("Integer key", error.Message, StringComparison.Ordinal);
    }

    public sealed record Holder(ILifecycleGrain Grain);
}
