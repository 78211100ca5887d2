using Meridian.Brokers.Alpaca.Hosting;
using Meridian.Gateway;
using Meridian.Gateway.Telemetry;
using Meridian.Grains;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams.Durable;
using Meridian.Silo.Replay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Silo;

/// <summary>
/// Composes the silo: the runtime, its storage, reminder and stream providers, the trading grains with the simulated
/// exchange, the status report and, in the embedded run mode, the paper replay. Grain state, reminders and durable
/// streams go to a SQLite file under the data directory (MERIDIAN_DATA, default ./data) unless MERIDIAN_POSTGRES
/// holds an Npgsql connection string.
/// </summary>
internal static class SiloHost
{
    /// <summary>The storages the silo registers: grain state, and stream subscriptions.</summary>
    private static readonly string[] s_storages = ["Default", "PubSubStore"];

    /// <summary>The data directory: MERIDIAN_DATA, default ./data.</summary>
    public static string DataDirectory => Environment.GetEnvironmentVariable("MERIDIAN_DATA") is { Length: > 0 } data ? data : "data";

    /// <summary>
    /// Starts a silo on the data directory (no replay), runs <paramref name="action"/> against its grains, and stops
    /// it: how the commands that only read or change state (models, train --register) reach the database.
    /// </summary>
    public static async Task UseAsync(string? dataDirectory, Func<Runtime.IClusterClient, Task> action)
    {
        using var host = Create(dataDirectory: dataDirectory);
        await host.StartAsync();
        try
        {
            await action(host.Services.GetRequiredService<Runtime.IClusterClient>());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The silo host without the gateway; <paramref name="dataDirectory"/> overrides <see cref="DataDirectory"/> (tests).</summary>
    public static IHost Create(PaperReplay? replay = null, string? dataDirectory = null)
    {
        var builder = Host.CreateApplicationBuilder();
        AddSilo(builder.Services, replay, dataDirectory);
        return builder.Build();
    }

    /// <summary>
    /// The silo with the gateway in the same process (the co-hosted setup <c>run</c> starts): the HTTP API, dashboard and
    /// metrics listen on <paramref name="urls"/> (loopback by default; port 0 picks a free port).
    /// <paramref name="services"/> changes the registrations last (tests: a clock of their own).
    /// </summary>
    public static WebApplication CreateWithGateway(GatewayOptions options, string urls, PaperReplay? replay = null, string? dataDirectory = null,
        Action<IServiceCollection>? services = null, AlpacaConnection? alpaca = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        AddSilo(builder.Services, replay, dataDirectory, alpaca);
        builder.AddGateway(options);
        builder.AddGatewayLogging();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGateway();
        return app;
    }

    private static void AddSilo(IServiceCollection services, PaperReplay? replay, string? dataDirectory, AlpacaConnection? alpaca = null)
    {
        var postgres = Environment.GetEnvironmentVariable("MERIDIAN_POSTGRES");
        dataDirectory ??= DataDirectory;
        Directory.CreateDirectory(dataDirectory);
        var sqlite = Path.Combine(dataDirectory, "meridian.db");
        services.AddSilo(silo =>
        {
            var embedded = string.IsNullOrEmpty(postgres);
            _ = embedded ? silo.AddSqliteHostDatabase(sqlite) : silo.AddPostgresHostDatabase(postgres!);
            foreach (var storage in s_storages)
                _ = embedded ? silo.AddSqliteGrainStorage(storage, sqlite) : silo.AddPostgresGrainStorage(storage, postgres!);
            _ = embedded ? silo.AddSqliteReminders(sqlite) : silo.AddPostgresReminders(postgres!);
            _ = embedded ? silo.AddSqliteStreams("Default", sqlite) : silo.AddPostgresStreams("Default", postgres!);
            if (replay is not null)
            {
                // The replay's clock moves a day at a time: collect grains idle for a week of it, looking once an hour.
                silo.UseClock(replay.Clock).Configure<GrainCollectionOptions>(o =>
                {
                    o.CollectionAge = TimeSpan.FromDays(7);
                    o.CollectionQuantum = TimeSpan.FromHours(1);
                });
            }
            silo.AddTrading();
            if (alpaca is not null)
                silo.AddAlpacaBroker(alpaca.Options, alpaca.Credentials);
        });
        services.AddHostedService(sp => new SiloStatusReporter(
            sp.GetRequiredService<Runtime.Introspection.ISiloIntrospection>(), TimeProvider.System,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SiloStatusReporter>>()));
        if (replay is not null)
        {
            services.AddSingleton(replay);
            services.AddHostedService<PaperReplayService>();
        }
    }
}

/// <summary>The Alpaca account the silo trades at, when the broker setting chose Alpaca.</summary>
internal sealed record AlpacaConnection(Brokers.Alpaca.Configuration.AlpacaOptions Options, Brokers.Alpaca.Configuration.AlpacaCredentials Credentials);
