namespace Meridian.Runtime.Hosting;

/// <summary>Work that must finish before the silo serves its first call (schema migrations); a failure stops the start.</summary>
public interface ISiloStartupTask
{
    /// <summary>Runs the task.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
