using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// Applies the versioned SQL scripts of infra/migrations/&lt;database&gt;/ (carried inside this assembly) that a
/// database has not had yet, each recorded in schema_version, all in one transaction under a lock. Running it
/// again changes nothing. A database whose schema is newer than this build is refused.
/// </summary>
internal sealed partial class SchemaMigrator(RelationalDatabase database)
{
    private const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public IReadOnlyList<Migration> Migrations { get; } = Load(database.Kind);

    public int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>; returns the migrations it applied.</summary>
    /// <exception cref="SchemaTooNewException">The database was migrated by a newer build.</exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (connection, transaction) = (write.Connection, write.Transaction);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = VersionTable;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
            throw new SchemaTooNewException(database.Kind, current, LatestVersion);

        var applied = new List<Migration>();
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, CURRENT_TIMESTAMP)";
            database.AddParameter(record, migration.Version);
            database.AddParameter(record, migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(migration);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static List<Migration> Load(string kind)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"migrations/{kind}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Read(assembly, n, n[prefix.Length..]))
            .OrderBy(m => m.Version)];
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
            throw new InvalidOperationException($"migration '{resource}' must be named NNNN_description.sql");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    /// <summary>One versioned script.</summary>
    public sealed record Migration(int Version, string Name, string Sql);
}
