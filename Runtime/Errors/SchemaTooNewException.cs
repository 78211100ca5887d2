namespace Meridian.Runtime;

/// <summary>The database was migrated by a newer build than this one; this build refuses to touch it.</summary>
public sealed class SchemaTooNewException : Exception
{
    /// <summary>Creates the exception for a database of <paramref name="kind"/>.</summary>
    public SchemaTooNewException(string kind, int databaseVersion, int knownVersion)
        : base($"the {kind} database has schema version {databaseVersion}, newer than this build knows ({knownVersion}): " +
            "run the Meridian version that migrated it (or newer), or restore a backup made for this version")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaTooNewException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SchemaTooNewException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public SchemaTooNewException() : base("the database schema is newer than this build") { }

    /// <summary>The schema version found in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public int KnownVersion { get; }
}
