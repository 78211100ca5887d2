using Meridian.Runtime.Hosting;
using Meridian.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Runtime.Persistence;

/// <summary>Registers grain storage and reminders in SQLite (the embedded default) or PostgreSQL (production).</summary>
public static class RelationalStorageExtensions
{
    /// <summary>Writes committed together at most: large enough to amortize a commit, small enough to bound its latency.</summary>
    private const int MaxBatch = 512;

    /// <summary>Grain storage in the SQLite file <paramref name="path"/> (created with its schema if missing).</summary>
    public static SiloBuilder AddSqliteGrainStorage(this SiloBuilder silo, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddRelationalGrainStorage(name, databases => databases.Sqlite(path));
    }

    /// <summary>Grain storage in PostgreSQL (<paramref name="connectionString"/> in Npgsql's format); the schema is migrated at startup.</summary>
    public static SiloBuilder AddPostgresGrainStorage(this SiloBuilder silo, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.AddRelationalGrainStorage(name, databases => databases.Postgres(connectionString));
    }

    private static SiloBuilder AddRelationalGrainStorage(this SiloBuilder silo, string name, Func<RelationalDatabases, RelationalDatabase> database)
    {
        var services = silo.Services;
        var writerKey = "grain-storage:" + name;
        services.AddKeyedSingleton(writerKey, (sp, _) => StateWrite.Writer(silo.Database(sp, database), MaxBatch));
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new RelationalGrainStorage(
            name,
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            silo.Database(sp, database),
            sp.GetRequiredKeyedService<GroupCommitWriter<StateWrite>>(writerKey)));
        silo.AddSchemaMigration(database);
        return silo;
    }

    /// <summary>Durable reminders in the SQLite file <paramref name="path"/> (created with its schema if missing); it may be the grain storage's file.</summary>
    public static SiloBuilder AddSqliteReminders(this SiloBuilder silo, string path)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddRelationalReminders(databases => databases.Sqlite(path));
    }

    /// <summary>Durable reminders in PostgreSQL (<paramref name="connectionString"/> in Npgsql's format); the schema is migrated at startup.</summary>
    public static SiloBuilder AddPostgresReminders(this SiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.AddRelationalReminders(databases => databases.Postgres(connectionString));
    }

    private static SiloBuilder AddRelationalReminders(this SiloBuilder silo, Func<RelationalDatabases, RelationalDatabase> database)
    {
        silo.AddSchemaMigration(database);
        return silo.AddReminders(sp => new RelationalReminderTable(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            silo.Database(sp, database)));
    }

    /// <summary>The SQLite file <paramref name="path"/> as the host's <see cref="HostDatabase"/> (its own tables: keys, audit, order index).</summary>
    public static SiloBuilder AddSqliteHostDatabase(this SiloBuilder silo, string path)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return silo.AddHostDatabase(databases => databases.Sqlite(path));
    }

    /// <summary>PostgreSQL (<paramref name="connectionString"/> in Npgsql's format) as the host's <see cref="HostDatabase"/>.</summary>
    public static SiloBuilder AddPostgresHostDatabase(this SiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.AddHostDatabase(databases => databases.Postgres(connectionString));
    }

    private static SiloBuilder AddHostDatabase(this SiloBuilder silo, Func<RelationalDatabases, RelationalDatabase> database)
    {
        silo.AddSchemaMigration(database);
        silo.Services.AddSingleton(sp => new HostDatabase(silo.Database(sp, database)));
        return silo;
    }

    /// <summary>The database <paramref name="database"/> picks, shared with every other user of the same one.</summary>
    internal static RelationalDatabase Database(this SiloBuilder silo, IServiceProvider services, Func<RelationalDatabases, RelationalDatabase> database) =>
        database(services.GetRequiredService<RelationalDatabases>());

    /// <summary>Migrates the database's schema at startup (idempotent: a database used for several things is migrated once in effect).</summary>
    internal static void AddSchemaMigration(this SiloBuilder silo, Func<RelationalDatabases, RelationalDatabase> database)
    {
        if (!silo.Services.Any(d => d.ServiceType == typeof(RelationalDatabases)))
        {
            silo.Services.AddSingleton<RelationalDatabases>();
            silo.Services.AddSingleton<IHealthProbe>(sp => sp.GetRequiredService<RelationalDatabases>());
        }

        silo.Services.AddSingleton<ISiloStartupTask>(sp => new SchemaMigrationTask(silo.Database(sp, database)));
    }

    private sealed class SchemaMigrationTask(RelationalDatabase database) : ISiloStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken) => new SchemaMigrator(database).MigrateAsync(cancellationToken);
    }
}
