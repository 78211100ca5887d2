namespace Meridian.Brokers.Alpaca.Configuration;

/// <summary>A setting that stops the Alpaca broker from starting: the message names the setting and says what to do. It never holds a key.</summary>
public sealed class AlpacaConfigurationException : Exception
{
    public AlpacaConfigurationException() { }

    public AlpacaConfigurationException(string message) : base(message) { }

    public AlpacaConfigurationException(string message, Exception inner) : base(message, inner) { }
}
