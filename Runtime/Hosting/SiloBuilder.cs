using System.Reflection;
using Meridian.Runtime.Filters;
using Meridian.Runtime.Reminders;
using Meridian.Runtime.Storage;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meridian.Runtime.Hosting;

/// <summary>Configures a silo: providers, filters, options, the clock (Orleans' ISiloBuilder).</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the silo is built into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Configures an options class: <see cref="SiloOptions"/>, <see cref="GrainCollectionOptions"/>, <see cref="ReminderOptions"/>.</summary>
    public SiloBuilder Configure<TOptions>(Action<TOptions> configure)
        where TOptions : class
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Registers in-memory grain storage under <paramref name="name"/>.</summary>
    public SiloBuilder AddMemoryGrainStorage(string name = PersistentStateAttribute.DefaultStorage)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage(name));
        return this;
    }

    /// <summary>Registers in-memory streams under <paramref name="name"/>.</summary>
    public SiloBuilder AddMemoryStreams(string name = "Default")
    {
        Services.AddKeyedSingleton<IStreamProvider>(name, (services, _) => new MemoryStreamProvider(name, services.GetRequiredService<GrainRuntime>()));
        return this;
    }

    /// <summary>
    /// Keeps reminders in memory, for tests and backtests: they tick while the silo runs and end with it. Durable
    /// reminders: <c>AddSqliteReminders</c>, <c>AddPostgresReminders</c>.
    /// </summary>
    public SiloBuilder AddMemoryReminders() => AddReminders(_ => new MemoryReminderTable());

    /// <summary>Uses the table <paramref name="createTable"/> makes for the silo's reminders (replacing any registered before).</summary>
    internal SiloBuilder AddReminders(Func<IServiceProvider, IReminderTable> createTable)
    {
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton(createTable);
        Services.TryAddSingleton<ReminderService>();
        return this;
    }

    /// <summary>Adds a silo-wide filter around every call arriving at a grain.</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>Adds a silo-wide filter, given as a delegate, around every call arriving at a grain.</summary>
    public SiloBuilder AddIncomingGrainCallFilter(Func<IIncomingGrainCallContext, Task> filter)
    {
        Services.AddSingleton<IIncomingGrainCallFilter>(new DelegateIncomingFilter(filter));
        return this;
    }

    /// <summary>Adds a filter around every call made by grains and clients.</summary>
    public SiloBuilder AddOutgoingGrainCallFilter<TFilter>()
        where TFilter : class, IOutgoingGrainCallFilter
    {
        Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>Adds a filter, given as a delegate, around every call made by grains and clients.</summary>
    public SiloBuilder AddOutgoingGrainCallFilter(Func<IOutgoingGrainCallContext, Task> filter)
    {
        Services.AddSingleton<IOutgoingGrainCallFilter>(new DelegateOutgoingFilter(filter));
        return this;
    }

    /// <summary>Uses <paramref name="clock"/> (a <see cref="Time.SimulatedClock"/> for backtests) instead of the real clock.</summary>
    public SiloBuilder UseClock(TimeProvider clock)
    {
        Services.RemoveAll<TimeProvider>();
        Services.AddSingleton(clock);
        return this;
    }

    /// <summary>Loads grain types from <paramref name="assembly"/> (instead of discovering the loaded assemblies).</summary>
    public SiloBuilder AddGrainAssembly(Assembly assembly)
    {
        Services.Configure<SiloOptions>(o => o.GrainAssemblies.Add(assembly));
        return this;
    }

    private sealed class DelegateIncomingFilter(Func<IIncomingGrainCallContext, Task> filter) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) => filter(context);
    }

    private sealed class DelegateOutgoingFilter(Func<IOutgoingGrainCallContext, Task> filter) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context) => filter(context);
    }
}
