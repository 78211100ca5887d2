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

        await using (var create = database.Command(connection, VersionTable, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var recorded = new HashSet<int>();
        await using (var query = database.Command(connection, "SELECT version FROM schema_version", transaction))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                recorded.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        var current = recorded.Count == 0 ? 0 : recorded.Max();
        if (current > LatestVersion)
            throw new SchemaTooNewException(database.Kind, current, LatestVersion);

        // Every script not recorded yet, in order: also one numbered below the newest recorded (a migration that
        // was merged after a later one had already been applied somewhere).
        var applied = new List<Migration>();
        foreach (var migration in Migrations.Where(m => !recorded.Contains(m.Version)))
        {
            await using (var command = database.Command(connection, migration.Sql, transaction))
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using (var record = database.Command(
                connection, "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, CURRENT_TIMESTAMP)", transaction, migration.Version, migration.Name))
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
