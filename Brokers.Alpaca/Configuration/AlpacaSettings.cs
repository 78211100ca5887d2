using System.Globalization;
using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.Configuration;

/// <summary>
/// Reads the Alpaca settings from environment variables (the names are the constants below): paper unless
/// <see cref="Mode"/> is <c>live</c> and <see cref="AllowLive"/> is <c>true</c>; keys from <see cref="KeyId"/> and
/// <see cref="SecretKey"/> (or Alpaca's own <c>APCA_API_KEY_ID</c> / <c>APCA_API_SECRET_KEY</c>), or from Azure Key Vault
/// when <see cref="KeyVaultUri"/> is set. Every mistake is an <see cref="AlpacaConfigurationException"/> naming the setting.
/// </summary>
public static class AlpacaSettings
{
    public const string Broker = "MERIDIAN_BROKER";
    public const string KeyId = "ALPACA_API_KEY_ID";
    public const string SecretKey = "ALPACA_API_SECRET_KEY";
    public const string AlpacaKeyId = "APCA_API_KEY_ID";
    public const string AlpacaSecretKey = "APCA_API_SECRET_KEY";
    public const string Mode = "MERIDIAN_ALPACA_MODE";
    public const string AllowLive = "MERIDIAN_ALPACA_ALLOW_LIVE";
    public const string DryRun = "MERIDIAN_DRY_RUN";
    public const string Portfolio = "MERIDIAN_ALPACA_PORTFOLIO";
    public const string TradingUrl = "MERIDIAN_ALPACA_TRADING_URL";
    public const string TradingStreamUrl = "MERIDIAN_ALPACA_STREAM_URL";
    public const string DataUrl = "MERIDIAN_ALPACA_DATA_URL";
    public const string DataStreamUrl = "MERIDIAN_ALPACA_DATA_STREAM_URL";
    public const string Feed = "MERIDIAN_ALPACA_FEED";
    public const string Symbols = "MERIDIAN_ALPACA_SYMBOLS";
    public const string ReconcileSeconds = "MERIDIAN_ALPACA_RECONCILE_SECONDS";
    public const string KeyVaultUri = "MERIDIAN_ALPACA_KEYVAULT_URI";
    public const string KeyVaultKeyIdSecret = "MERIDIAN_ALPACA_KEYVAULT_KEY_ID_SECRET";
    public const string KeyVaultSecretKeySecret = "MERIDIAN_ALPACA_KEYVAULT_SECRET_KEY_SECRET";

    private static readonly string[] s_feeds = ["iex", "sip", "boats", "otc", "delayed_sip"];

    /// <summary>True when <see cref="Broker"/> says alpaca (default: the simulated exchange).</summary>
    public static bool Selected(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var broker = environment(Broker)?.Trim().ToLowerInvariant();
        return broker switch
        {
            null or "" or "simulated" => false,
            "alpaca" => true,
            _ => throw new AlpacaConfigurationException($"{Broker}='{broker}' is not a broker; use 'simulated' (the default) or 'alpaca'"),
        };
    }

    /// <summary>The options the settings describe. Live trading needs both <c>{Mode}=live</c> and <c>{AllowLive}=true</c>.</summary>
    public static AlpacaOptions Options(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var mode = (Text(environment, Mode) ?? "paper").ToLowerInvariant() switch
        {
            "paper" => AlpacaMode.Paper,
            "live" => AlpacaMode.Live,
            var other => throw new AlpacaConfigurationException($"{Mode}='{other}' is not a mode; use 'paper' (the default) or 'live'"),
        };
        var allowLive = Flag(environment, AllowLive);
        if (mode == AlpacaMode.Live && !allowLive)
            throw new AlpacaConfigurationException(
                $"{Mode}=live trades real money and needs {AllowLive}=true as well; refusing to start. Use {Mode}=paper to paper trade.");
        var trading = Url(environment, TradingUrl) ?? (mode == AlpacaMode.Live ? AlpacaOptions.LiveTradingUrl : AlpacaOptions.PaperTradingUrl);
        if (mode == AlpacaMode.Paper && trading.Host.Equals(AlpacaOptions.LiveTradingUrl.Host, StringComparison.OrdinalIgnoreCase))
            throw new AlpacaConfigurationException($"{TradingUrl} points at Alpaca's live host while {Mode} is paper; set {Mode}=live and {AllowLive}=true to trade live");
        var feed = (Text(environment, Feed) ?? "iex").ToLowerInvariant();
        if (!s_feeds.Contains(feed))
            throw new AlpacaConfigurationException($"{Feed}='{feed}' is not a feed; use one of {string.Join(", ", s_feeds)}");
        var portfolio = Text(environment, Portfolio) ?? "alpaca";
        var reconcile = Text(environment, ReconcileSeconds) is { } seconds
            ? int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 1
                ? TimeSpan.FromSeconds(s)
                : throw new AlpacaConfigurationException($"{ReconcileSeconds}='{seconds}' must be a whole number of seconds, at least 1")
            : TimeSpan.FromMinutes(1);
        return new AlpacaOptions
        {
            Mode = mode,
            TradingUrl = trading,
            TradingStreamUrl = Url(environment, TradingStreamUrl) ?? StreamOf(trading),
            DataUrl = Url(environment, DataUrl) ?? AlpacaOptions.DefaultDataUrl,
            DataStreamUrl = Url(environment, DataStreamUrl) ?? new Uri($"wss://stream.data.alpaca.markets/v2/{feed}"),
            Feed = feed,
            DryRun = Flag(environment, DryRun),
            PortfolioId = portfolio,
            ReconcileInterval = reconcile,
            StreamSymbols = SymbolsOf(Text(environment, Symbols)),
        };
    }

    /// <summary>
    /// The key pair: from Key Vault when <see cref="KeyVaultUri"/> is set (through <paramref name="keyVault"/>), otherwise from
    /// the environment. A missing key names the settings to set.
    /// </summary>
    public static async Task<AlpacaCredentials> CredentialsAsync(
        Func<string, string?> environment, IAlpacaSecretSource? keyVault = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Url(environment, KeyVaultUri) is { } vault)
        {
            keyVault ??= new KeyVaultSecretSource(vault);
            var idName = Text(environment, KeyVaultKeyIdSecret) ?? "alpaca-api-key-id";
            var secretName = Text(environment, KeyVaultSecretKeySecret) ?? "alpaca-api-secret-key";
            var id = await keyVault.GetAsync(idName, cancellationToken).ConfigureAwait(false);
            var secret = await keyVault.GetAsync(secretName, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret))
                throw new AlpacaConfigurationException(
                    $"Key Vault {vault} has no value for secret '{(string.IsNullOrWhiteSpace(id) ? idName : secretName)}' ({KeyVaultKeyIdSecret} / {KeyVaultSecretKeySecret} name the secrets)");
            return new AlpacaCredentials(id.Trim(), secret.Trim());
        }
        var keyId = Text(environment, KeyId) ?? Text(environment, AlpacaKeyId);
        var secretKey = Text(environment, SecretKey) ?? Text(environment, AlpacaSecretKey);
        if (keyId is null || secretKey is null)
            throw new AlpacaConfigurationException(
                $"{(keyId is null ? KeyId : SecretKey)} is not set: the Alpaca broker needs {KeyId} and {SecretKey} (or {AlpacaKeyId} / {AlpacaSecretKey}), or {KeyVaultUri} to read them from Azure Key Vault");
        return new AlpacaCredentials(keyId, secretKey);
    }

    private static Uri StreamOf(Uri trading) =>
        new UriBuilder(trading) { Scheme = trading.Scheme == Uri.UriSchemeHttp ? "ws" : "wss", Path = "/stream", Port = trading.IsDefaultPort ? -1 : trading.Port }.Uri;

    private static List<Symbol> SymbolsOf(string? text)
    {
        if (text is null)
            return [];
        var symbols = new List<Symbol>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Symbol.TryParse(part, out var symbol, out var error))
                throw new AlpacaConfigurationException($"{Symbols}: {error}");
            symbols.Add(symbol);
        }
        return symbols;
    }

    private static string? Text(Func<string, string?> environment, string name) => environment(name)?.Trim() is { Length: > 0 } value ? value : null;

    private static bool Flag(Func<string, string?> environment, string name) => Text(environment, name)?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        var other => throw new AlpacaConfigurationException($"{name}='{other}' must be true or false"),
    };

    private static Uri? Url(Func<string, string?> environment, string name) => Text(environment, name) is not { } text
        ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ws" or "wss"
            ? url
            : throw new AlpacaConfigurationException($"{name}='{text}' is not an absolute http(s) or ws(s) URL");
}
