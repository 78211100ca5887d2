using Meridian.Runtime.Core;
using Meridian.Runtime.Storage;
using Meridian.Runtime.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Runtime.Hosting;

/// <summary>Checks at startup the options and that every provider a grain class names is registered.</summary>
internal sealed class SiloValidator(GrainRuntime runtime)
{
    public void Validate(List<string> problems)
    {
        var options = runtime.Options;
        if (options.RequestTimeout <= TimeSpan.Zero)
            problems.Add($"SiloOptions.RequestTimeout must be more than zero (got {options.RequestTimeout})");
        if (string.IsNullOrWhiteSpace(options.ServiceId))
            problems.Add("SiloOptions.ServiceId must not be empty");
        if (runtime.Collector.Quantum <= TimeSpan.Zero)
            problems.Add($"GrainCollectionOptions.CollectionQuantum must be more than zero (got {runtime.Collector.Quantum})");
        var minimumReminderPeriod = runtime.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
        if (minimumReminderPeriod <= TimeSpan.Zero)
            problems.Add($"ReminderOptions.MinimumReminderPeriod must be more than zero (got {minimumReminderPeriod})");

        var keyed = runtime.Services.GetRequiredService<IServiceProviderIsKeyedService>();
        foreach (var grainClass in runtime.Registry.Classes)
        {
            foreach (var state in grainClass.PersistentStates)
            {
                if (!keyed.IsKeyedService(typeof(IGrainStorage), state.StorageName))
                {
                    problems.Add($"grain class {grainClass.ClassType.FullName} keeps state '{state.StateName}' in storage '{state.StorageName}', " +
                        "which is not registered (register it with AddMemoryGrainStorage or a durable storage provider)");
                }
            }

            foreach (var subscription in grainClass.ImplicitSubscriptions)
            {
                if (subscription.StreamProvider is { } provider && !keyed.IsKeyedService(typeof(IStreamProvider), provider))
                {
                    problems.Add($"grain class {grainClass.ClassType.FullName} subscribes to namespace '{subscription.Namespace}' of stream provider " +
                        $"'{provider}', which is not registered (register it with AddMemoryStreams or a durable stream provider)");
                }
            }
        }
    }
}
