using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Silo;

/// <summary>
/// Composes the silo: the runtime, its storage, reminder and stream providers, and the status report. Grain state
/// and reminders go to a SQLite file under the data directory (MERIDIAN_DATA, default ./data) unless
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
        var sqlitePath = Path.Combine(dataDirectory, "meridian.db");
        builder.Services.AddSilo(silo =>
        {
            foreach (var storage in s_storages)
            {
                if (string.IsNullOrEmpty(postgres))
                    silo.AddSqliteGrainStorage(storage, sqlitePath);
                else
                    silo.AddPostgresGrainStorage(storage, postgres);
            }

            if (string.IsNullOrEmpty(postgres))
                silo.AddSqliteReminders(sqlitePath);
            else
                silo.AddPostgresReminders(postgres);
            silo.AddMemoryStreams();
        });
        builder.Services.AddHostedService<SiloStatusReporter>();
        return builder.Build();
    }
}
