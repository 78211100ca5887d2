using Meridian.Runtime.Core;
using Meridian.Runtime.Introspection;
using Meridian.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Runtime.Hosting;

/// <summary>Adds a silo to a .NET generic host or a service collection (Orleans' UseOrleans).</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds a silo to the host's services; it starts and stops with the host.</summary>
    public static IHostBuilder UseSilo(this IHostBuilder builder, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices((_, services) => services.AddSilo(configure));
    }

    /// <summary>Adds a silo to the services; it starts and stops with the host (<see cref="IHostedService"/>).</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions();
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<ISiloIntrospection, SiloIntrospection>();
        services.TryAddSingleton<SiloHealth>();
        services.TryAddSingleton(sp => new Silo(
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetServices<ISiloStartupTask>(),
            sp.GetService<ReminderService>(),
            sp.GetServices<ISiloLifecycleParticipant>()));
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        configure(new SiloBuilder(services));
        return services;
    }
}
