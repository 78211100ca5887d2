using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Auth;

/// <summary>
/// Once the host has started, says how to create the first admin key when there is no key at all: the API refuses
/// every request without one, and only the keys command creates the first.
/// </summary>
internal sealed partial class FirstKeyHint(IApiKeyStore store, ILogger<FirstKeyHint> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            if ((await store.ListAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
                NoKeys(logger);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            KeysUnreadable(logger, error);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "There are no API keys yet, so the API refuses every request. Create the first admin key with: ./run.sh keys create --name admin --role admin (its token is printed once)")]
    private static partial void NoKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for API keys")]
    private static partial void KeysUnreadable(ILogger logger, Exception error);
}
