using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Meridian.Brokers.Alpaca.Configuration;

/// <summary>Where secrets come from when they are not in the environment.</summary>
public interface IAlpacaSecretSource
{
    /// <summary>The secret's value, or null when there is no such secret.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);
}

/// <summary>
/// Azure Key Vault through <see cref="DefaultAzureCredential"/> (managed identity in Azure Container Apps, the developer's
/// az login elsewhere). Failures name the vault and the secret, never a value.
/// </summary>
public sealed class KeyVaultSecretSource(Uri vault) : IAlpacaSecretSource
{
    private readonly SecretClient _client = new(vault, new DefaultAzureCredential());

    /// <inheritdoc />
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await _client.GetSecretAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException)
        {
            throw new AlpacaConfigurationException($"reading secret '{name}' from Key Vault {vault} failed: {e.GetType().Name}; check {AlpacaSettings.KeyVaultUri} and the identity's access", e);
        }
    }
}
