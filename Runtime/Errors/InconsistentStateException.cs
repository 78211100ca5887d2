namespace Meridian.Runtime;

/// <summary>
/// A state write carried a stale ETag: someone else wrote the state since it was read. The write changed
/// nothing, and the activation that attempted it is deactivated so that the next one reads fresh state.
/// </summary>
public class InconsistentStateException : Exception
{
    /// <summary>Creates the exception with the stored and the presented ETags.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>Creates an exception with a message.</summary>
    public InconsistentStateException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception with no message.</summary>
    public InconsistentStateException() : base("the state was changed by someone else since it was read") { }

    /// <summary>The ETag in storage, if known.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer presented.</summary>
    public string? CurrentEtag { get; }
}
