using System.Globalization;

namespace Meridian.Runtime;

/// <summary>A database could not be reached for as long as the silo was told to wait; the operation was not applied.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>A database could not be reached.</summary>
    public DatabaseUnavailableException()
    {
    }

    /// <summary>A database could not be reached, as <paramref name="message"/> says.</summary>
    public DatabaseUnavailableException(string message) : base(message)
    {
    }

    /// <summary>A database could not be reached, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public DatabaseUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <param name="database">The database, without secrets.</param>
    /// <param name="waited">How long connecting was tried.</param>
    /// <param name="reason">The driver's last error, without secrets.</param>
    internal DatabaseUnavailableException(string database, TimeSpan waited, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"{database} could not be reached for {waited.TotalSeconds:0.0} s (nothing was written): {reason}"))
    {
    }
}
