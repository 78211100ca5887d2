namespace Meridian.Runtime;

/// <summary>The silo's configuration is wrong; every problem found is listed, so one start reports them all.</summary>
public sealed class SiloConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SiloConfigurationException(IReadOnlyList<string> problems)
        : base("the silo cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SiloConfigurationException(string message) : base(message) => Problems = [message];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SiloConfigurationException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception with no message.</summary>
    public SiloConfigurationException() : this("the silo's configuration is invalid") { }

    /// <summary>Each problem in words.</summary>
    public IReadOnlyList<string> Problems { get; }
}
