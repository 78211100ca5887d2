using Meridian.Runtime.Hosting;
using Meridian.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>Registers grain storage and reminders in SQLite (the embedded default) or PostgreSQL (production).</summary>
public static class RelationalStorageExtensions
{
    /// <summary>Writes committed together at most: large enough to amortize a commit, small enough to bound its latency.</summary>
    private const int MaxBatch = 512;

    /// <summary>The service key of the reminders' database: an object no storage name can equal.</summary>
    private static readonly object s_remindersKey = new();

    /// <summary>Grain storage in the SQLite file <paramref name="path"/> (created with its schema if missing).</summary>
    public static SiloBuilder AddSqliteGrainStorage(this SiloBuilder silo, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddRelationalGrainStorage(name, _ => new SqliteDatabase(path));
    }

    /// <summary>Grain storage in PostgreSQL (<paramref name="connectionString"/> in Npgsql's format); the schema is migrated at startup.</summary>
    public static SiloBuilder AddPostgresGrainStorage(this SiloBuilder silo, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddKeyedSingleton(name, (_, _) => NpgsqlDataSource.Create(connectionString));
        return silo.AddRelationalGrainStorage(name, services => new PostgresDatabase(services.GetRequiredKeyedService<NpgsqlDataSource>(name)));
    }

    private static SiloBuilder AddRelationalGrainStorage(this SiloBuilder silo, string name, Func<IServiceProvider, RelationalDatabase> createDatabase)
    {
        var services = silo.Services;
        services.AddKeyedSingleton(name, (sp, _) => createDatabase(sp));
        services.AddKeyedSingleton(name, (sp, _) => new GroupCommitWriter(sp.GetRequiredKeyedService<RelationalDatabase>(name), MaxBatch));
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new RelationalGrainStorage(
            name,
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            sp.GetRequiredKeyedService<RelationalDatabase>(name),
            sp.GetRequiredKeyedService<GroupCommitWriter>(name)));
        services.AddSingleton<ISiloStartupTask>(sp => new SchemaMigrationTask(sp.GetRequiredKeyedService<RelationalDatabase>(name)));
        return silo;
    }

    /// <summary>Durable reminders in the SQLite file <paramref name="path"/> (created with its schema if missing); it may be the grain storage's file.</summary>
    public static SiloBuilder AddSqliteReminders(this SiloBuilder silo, string path)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddRelationalReminders(_ => new SqliteDatabase(path));
    }

    /// <summary>Durable reminders in PostgreSQL (<paramref name="connectionString"/> in Npgsql's format); the schema is migrated at startup.</summary>
    public static SiloBuilder AddPostgresReminders(this SiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddKeyedSingleton(s_remindersKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        return silo.AddRelationalReminders(services => new PostgresDatabase(services.GetRequiredKeyedService<NpgsqlDataSource>(s_remindersKey)));
    }

    private static SiloBuilder AddRelationalReminders(this SiloBuilder silo, Func<IServiceProvider, RelationalDatabase> createDatabase)
    {
        var services = silo.Services;
        services.AddKeyedSingleton(s_remindersKey, (sp, _) => createDatabase(sp));
        services.AddSingleton<ISiloStartupTask>(sp => new SchemaMigrationTask(sp.GetRequiredKeyedService<RelationalDatabase>(s_remindersKey)));
        return silo.AddReminders(sp => new RelationalReminderTable(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            sp.GetRequiredKeyedService<RelationalDatabase>(s_remindersKey)));
    }

    private sealed class SchemaMigrationTask(RelationalDatabase database) : ISiloStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken) => new SchemaMigrator(database).MigrateAsync(cancellationToken);
    }
}
