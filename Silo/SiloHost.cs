using Meridian.Grains;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams.Durable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Silo;

/// <summary>
/// Composes the silo: the runtime, its storage, reminder and stream providers, the trading grains with the simulated
/// exchange, and the status report. Grain
/// state, reminders and durable streams go to a SQLite file under the data directory (MERIDIAN_DATA, default
/// ./data) unless
/// MERIDIAN_POSTGRES holds an Npgsql connection string.
/// </summary>
internal static class SiloHost
{
    /// <summary>The storages the silo registers: grain state, and stream subscriptions.</summary>
    private static readonly string[] s_storages = ["Default", "PubSubStore"];

    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var dataDirectory = Environment.GetEnvironmentVariable("MERIDIAN_DATA") is { Length: > 0 } data ? data : "data";
        var postgres = Environment.GetEnvironmentVariable("MERIDIAN_POSTGRES");
        var sqlite = Path.Combine(dataDirectory, "meridian.db");
        builder.Services.AddSilo(silo =>
        {
            var embedded = string.IsNullOrEmpty(postgres);
            foreach (var storage in s_storages)
                _ = embedded ? silo.AddSqliteGrainStorage(storage, sqlite) : silo.AddPostgresGrainStorage(storage, postgres!);
            _ = embedded ? silo.AddSqliteReminders(sqlite) : silo.AddPostgresReminders(postgres!);
            _ = embedded ? silo.AddSqliteStreams("Default", sqlite) : silo.AddPostgresStreams("Default", postgres!);
            silo.AddTrading();
        });
        builder.Services.AddHostedService<SiloStatusReporter>();
        return builder.Build();
    }
}
