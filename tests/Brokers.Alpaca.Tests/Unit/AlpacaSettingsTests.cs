using Meridian.Brokers.Alpaca.Configuration;

namespace Meridian.Brokers.Alpaca.Tests.Unit;

public sealed class AlpacaSettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void Paper_is_the_default_with_alpacas_paper_hosts_and_the_iex_feed()
    {
        var options = AlpacaSettings.Options(Env());
        Assert.Equal(AlpacaMode.Paper, options.Mode);
        Assert.Equal(new Uri("https://paper-api.alpaca.markets"), options.TradingUrl);
        Assert.Equal(new Uri("wss://paper-api.alpaca.markets/stream"), options.TradingStreamUrl);
        Assert.Equal("iex", options.Feed);
        Assert.False(options.DryRun);
    }

    [Fact]
    public void Live_mode_without_the_explicit_allowance_is_refused()
    {
        var e = Assert.Throws<AlpacaConfigurationException>(() => AlpacaSettings.Options(Env(("MERIDIAN_ALPACA_MODE", "live"))));
        Assert.Contains("MERIDIAN_ALPACA_ALLOW_LIVE=true", e.Message, StringComparison.Ordinal);

        var live = AlpacaSettings.Options(Env(("MERIDIAN_ALPACA_MODE", "live"), ("MERIDIAN_ALPACA_ALLOW_LIVE", "true")));
        Assert.Equal(new Uri("https://api.alpaca.markets"), live.TradingUrl);
    }

    [Fact]
    public void A_paper_setting_pointed_at_the_live_host_is_refused()
    {
        var e = Assert.Throws<AlpacaConfigurationException>(() => AlpacaSettings.Options(Env(("MERIDIAN_ALPACA_TRADING_URL", "https://api.alpaca.markets"))));
        Assert.Contains("MERIDIAN_ALPACA_TRADING_URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_names_the_setting_and_a_present_key_never_appears_in_the_message()
    {
        var e = await Assert.ThrowsAsync<AlpacaConfigurationException>(() => AlpacaSettings.CredentialsAsync(Env(("ALPACA_API_KEY_ID", "PKSECRETISH123")), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("ALPACA_API_SECRET_KEY is not set", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PKSECRETISH123", e.Message, StringComparison.Ordinal);

        var credentials = await AlpacaSettings.CredentialsAsync(Env(("APCA_API_KEY_ID", "PKABCDEF"), ("APCA_API_SECRET_KEY", "s3cr3t")), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Alpaca key PKAB****", credentials.ToString());
    }

    [Fact]
    public async Task Keys_come_from_key_vault_when_a_vault_is_named()
    {
        var vault = new DictionarySecrets(new() { ["alpaca-api-key-id"] = "PKVAULT1", ["alpaca-api-secret-key"] = "vault-secret" });
        var credentials = await AlpacaSettings.CredentialsAsync(Env(("MERIDIAN_ALPACA_KEYVAULT_URI", "https://example.vault.azure.net/"), ("ALPACA_API_KEY_ID", "ignored")), vault, TestContext.Current.CancellationToken);
        Assert.Equal("PKVAULT1", credentials.KeyId);
        Assert.Equal("vault-secret", credentials.SecretKey);

        var empty = new DictionarySecrets([]);
        var e = await Assert.ThrowsAsync<AlpacaConfigurationException>(() =>
            AlpacaSettings.CredentialsAsync(Env(("MERIDIAN_ALPACA_KEYVAULT_URI", "https://example.vault.azure.net/")), empty, TestContext.Current.CancellationToken));
        Assert.Contains("alpaca-api-key-id", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MERIDIAN_BROKER", "ibkr")]
    [InlineData("MERIDIAN_DRY_RUN", "maybe")]
    [InlineData("MERIDIAN_ALPACA_FEED", "nasdaq")]
    [InlineData("MERIDIAN_ALPACA_RECONCILE_SECONDS", "0")]
    [InlineData("MERIDIAN_ALPACA_SYMBOLS", "AAPL,not a symbol")]
    public void Bad_values_name_their_setting(string name, string value)
    {
        var e = Assert.Throws<AlpacaConfigurationException>(() =>
        {
            AlpacaSettings.Selected(Env((name, value)));
            AlpacaSettings.Options(Env((name, value)));
        });
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    private sealed class DictionarySecrets(Dictionary<string, string> secrets) : IAlpacaSecretSource
    {
        public Task<string?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(secrets.GetValueOrDefault(name));
    }
}
