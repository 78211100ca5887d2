using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Misconfigured;

namespace Meridian.Runtime.Tests.Configuration;

public sealed class BadConfigurationTests
{
    [Fact]
    public async Task GetGrain_for_an_interface_no_class_implements_names_the_interface()
    {
        await using var silo = await Silos.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<IOrphanGrain>("x"));

        Assert.Contains("no grain class implements Meridian.Runtime.Tests.Configuration.IOrphanGrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misconfigured_silo_refuses_to_start_and_lists_every_problem()
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(
            () => TestSilo.StartAsync(s => s.AddGrainAssembly(typeof(IAmbiguousGrain).Assembly)));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("IAmbiguousGrain", StringComparison.Ordinal) && p.Contains("[DefaultGrainType", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'NoSuchStorage'", StringComparison.Ordinal) && p.Contains("UnstoredGrain", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'NoSuchStreams'", StringComparison.Ordinal) && p.Contains("UnstreamedGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_the_missing_providers_leaves_only_the_ambiguity()
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() => TestSilo.StartAsync(s => s
            .AddGrainAssembly(typeof(IAmbiguousGrain).Assembly)
            .AddMemoryGrainStorage("NoSuchStorage")
            .AddMemoryStreams("NoSuchStreams")));

        Assert.Contains("IAmbiguousGrain", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultGrainType_serves_calls_without_a_prefix_and_a_prefix_picks_another_class()
    {
        await using var silo = await Silos.StartAsync();

        Assert.Equal("primary", await silo.GrainFactory.GetGrain<IQuoteSourceGrain>("x").Source());
        Assert.Equal("backup", await silo.GrainFactory.GetGrain<IQuoteSourceGrain>("x", "backupquotes").Source());
        Assert.Equal("backup", await silo.GrainFactory.GetGrain<IQuoteSourceGrain>("x", typeof(BackupQuotesGrain).FullName).Source());
    }

    [Fact]
    public async Task A_prefix_that_matches_no_class_is_a_clear_error()
    {
        await using var silo = await Silos.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<IQuoteSourceGrain>("x", "nosuch"));

        Assert.Contains("matches the prefix 'nosuch'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_reported_together()
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() => Silos.StartAsync(s => s
            .Configure<SiloOptions>(o =>
            {
                o.RequestTimeout = TimeSpan.Zero;
                o.ServiceId = " ";
            })
            .Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.Zero)));

        Assert.Equal(3, error.Problems.Count);
    }
}
