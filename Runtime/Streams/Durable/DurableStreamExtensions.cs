using Meridian.Runtime.Core;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>Registers durable streams in SQLite (the embedded default) or PostgreSQL (production).</summary>
public static class DurableStreamExtensions
{
    /// <summary>Durable streams named <paramref name="name"/> in the SQLite file <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public static SiloBuilder AddSqliteStreams(this SiloBuilder silo, string name, string path, Action<DurableStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddDurableStreams(name, databases => databases.Sqlite(path), configure);
    }

    /// <summary>Durable streams named <paramref name="name"/> in PostgreSQL (<paramref name="connectionString"/> in Npgsql's format).</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public static SiloBuilder AddPostgresStreams(this SiloBuilder silo, string name, string connectionString, Action<DurableStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.AddDurableStreams(name, databases => databases.Postgres(connectionString), configure);
    }

    private static SiloBuilder AddDurableStreams(
        this SiloBuilder silo, string name, Func<RelationalDatabases, RelationalDatabase> database, Action<DurableStreamOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = new DurableStreamOptions();
        configure?.Invoke(options);
        var problems = options.Validate(name).ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(configure));

        var services = silo.Services;
        silo.AddSchemaMigration(database);
        services.AddKeyedSingleton(name, (sp, _) => new DurableStreamProvider(
            name,
            sp.GetRequiredService<GrainRuntime>(),
            new StreamStore(silo.Database(sp, database), sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId, name),
            options,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<DurableStreamProvider>()));
        services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => sp.GetRequiredKeyedService<DurableStreamProvider>(name));
        services.AddKeyedSingleton<IStreamDeadLetters>(name, (sp, _) => sp.GetRequiredKeyedService<DurableStreamProvider>(name));
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredKeyedService<DurableStreamProvider>(name));
        return silo;
    }
}
