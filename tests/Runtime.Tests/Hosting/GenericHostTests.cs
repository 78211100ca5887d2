using Meridian.Runtime.Hosting;
using Meridian.Runtime.Tests.Activation;
using Meridian.Runtime.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Runtime.Tests.Hosting;

public sealed class GenericHostTests
{
    [Fact]
    public async Task A_silo_added_to_a_generic_host_serves_grains_and_deactivates_them_when_the_host_stops()
    {
        var probe = new LifecycleProbe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSilo(silo => silo
            .AddGrainAssembly(typeof(GenericHostTests).Assembly)
            .UseClock(new SimulatedClock())
            .AddMemoryGrainStorage()
            .AddMemoryStreams());
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var echoed = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ILifecycleGrain>("hosted").Echo("hello");
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("hello", echoed);
        Assert.Equal(["activate hosted", "deactivate hosted"], probe.Events);
    }

    [Fact]
    public async Task UseSilo_on_a_host_builder_registers_the_same_silo()
    {
        var builder = new HostBuilder().UseSilo(silo => silo
            .AddGrainAssembly(typeof(GenericHostTests).Assembly)
            .AddMemoryGrainStorage()
            .AddMemoryStreams());
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Services.GetRequiredService<IClusterClient>();
        Assert.Same(client, host.Services.GetRequiredService<IGrainFactory>());
        Assert.Equal(3, await client.GetGrain<Filters.ICalculatorGrain>("c").Add(1, 2));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_misconfigured_silo_stops_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSilo(silo => silo
            .AddGrainAssembly(typeof(GenericHostTests).Assembly)
            .AddMemoryGrainStorage()
            .AddMemoryStreams()
            .Configure<SiloOptions>(o => o.RequestTimeout = TimeSpan.Zero));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("RequestTimeout", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
