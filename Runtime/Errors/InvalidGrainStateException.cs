namespace Meridian.Runtime;

/// <summary>A stored state cannot be read back (its JSON does not fit the state type); the message names the grain and the row.</summary>
public sealed class InvalidGrainStateException : Exception
{
    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public InvalidGrainStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidGrainStateException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public InvalidGrainStateException() : base("a stored grain state cannot be read") { }
}
