namespace Meridian.Runtime.Persistence;

/// <summary>How the silo's databases behave when they cannot be reached.</summary>
public sealed class DatabaseOptions
{
    internal static readonly TimeSpan DefaultConnectPatience = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long opening a connection keeps trying (waits doubling from 50 ms to 2 s) before the operation fails
    /// with <see cref="DatabaseUnavailableException"/>. Writes wait meanwhile; none is acknowledged before it
    /// is committed, so none is lost.
    /// </summary>
    public TimeSpan ConnectPatience { get; set; } = DefaultConnectPatience;
}
