using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;

namespace Meridian.Runtime.Tests;

/// <summary>Starts test silos with this assembly's grains only (the misconfigured ones live in another assembly).</summary>
internal static class Silos
{
    public static Task<TestSilo> StartAsync(Action<SiloBuilder>? configure = null) =>
        TestSilo.StartAsync(silo =>
        {
            silo.AddGrainAssembly(typeof(Silos).Assembly);
            configure?.Invoke(silo);
        });
}
