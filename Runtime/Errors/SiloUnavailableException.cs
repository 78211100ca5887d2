namespace Meridian.Runtime;

/// <summary>The silo is stopping (or stopped) and activates no more grains; the call was not run.</summary>
public sealed class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public SiloUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public SiloUnavailableException() : base("the silo is stopping") { }
}
