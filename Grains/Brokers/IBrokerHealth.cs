namespace Meridian.Grains.Brokers;

/// <summary>Whether a broker outside the silo is usable now, for /health/ready. The simulated exchange has none: it runs in the silo.</summary>
public interface IBrokerHealth
{
    /// <summary>The broker's state: healthy or not, and a line saying why.</summary>
    BrokerHealth Check();
}

/// <summary>A broker's health: <paramref name="Name"/>, whether it is usable, and what a person should know.</summary>
public sealed record BrokerHealth(string Name, bool Healthy, string Detail);
