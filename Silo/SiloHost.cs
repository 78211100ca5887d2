using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Silo;

/// <summary>Composes the silo: the runtime, its storage and stream providers, and the status report.</summary>
internal static class SiloHost
{
    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSilo(silo => silo
            .AddMemoryGrainStorage()
            .AddMemoryGrainStorage("PubSubStore")
            .AddMemoryStreams());
        builder.Services.AddHostedService<SiloStatusReporter>();
        return builder.Build();
    }
}
