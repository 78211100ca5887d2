using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Meridian.Brokers.Alpaca.Configuration;

// The Silo's import command reads its Alpaca settings through this helper until the platform-wide settings loader
// takes over; nothing else of this assembly's internals is meant for it.
[assembly: InternalsVisibleTo("Meridian.Silo")]

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// The settings market data needs, read through a lookup it is given (the process environment for now):
/// the key pair from <c>ALPACA_API_KEY_ID</c> / <c>ALPACA_API_SECRET_KEY</c> (Alpaca's own <c>APCA_API_KEY_ID</c> /
/// <c>APCA_API_SECRET_KEY</c> are accepted too) and the data host from <c>MERIDIAN_ALPACA_DATA_URL</c> (default
/// https://data.alpaca.markets). A stand-in, to be replaced by the platform-wide settings loader.
/// </summary>
internal sealed record AlpacaDataSettings(AlpacaCredentials Credentials, Uri DataUrl)
{
    public const string KeyIdSetting = AlpacaSettings.KeyId;
    public const string SecretKeySetting = AlpacaSettings.SecretKey;
    public const string AlpacaKeyIdSetting = AlpacaSettings.AlpacaKeyId;
    public const string AlpacaSecretKeySetting = AlpacaSettings.AlpacaSecretKey;
    public const string DataUrlSetting = AlpacaSettings.DataUrl;

    /// <summary>The key settings as a person should be told about them.</summary>
    public const string KeySettings = $"{KeyIdSetting} and {SecretKeySetting} (or {AlpacaKeyIdSetting} and {AlpacaSecretKeySetting})";

    /// <summary>
    /// Reads the settings through <paramref name="lookup"/> (a setting's name to its value, null when unset); false,
    /// with every problem naming its setting (never a value of a key), when one is missing or wrong.
    /// </summary>
    public static bool TryRead(Func<string, string?> lookup, [NotNullWhen(true)] out AlpacaDataSettings? settings, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var found = new List<string>();
        var keyId = First(lookup, KeyIdSetting, AlpacaKeyIdSetting);
        var secret = First(lookup, SecretKeySetting, AlpacaSecretKeySetting);
        if (keyId is null)
            found.Add($"{KeyIdSetting} is not set (nor {AlpacaKeyIdSetting}): set it to your Alpaca API key id");
        if (secret is null)
            found.Add($"{SecretKeySetting} is not set (nor {AlpacaSecretKeySetting}): set it to your Alpaca API secret key");
        var dataUrl = AlpacaOptions.DefaultDataUrl;
        if (Value(lookup(DataUrlSetting)) is { } urlText)
        {
            if (Uri.TryCreate(urlText, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                dataUrl = url;
            else
                found.Add($"{DataUrlSetting} '{urlText}' is not an http(s) URL; leave it unset for https://data.alpaca.markets");
        }
        problems = found;
        settings = found.Count == 0 ? new AlpacaDataSettings(new AlpacaCredentials(keyId!, secret!), dataUrl) : null;
        return settings is not null;
    }

    /// <summary>Reads the settings from the process environment.</summary>
    public static bool TryReadEnvironment([NotNullWhen(true)] out AlpacaDataSettings? settings, out IReadOnlyList<string> problems) =>
        TryRead(Environment.GetEnvironmentVariable, out settings, out problems);

    /// <summary><paramref name="options"/> with this data host.</summary>
    public AlpacaOptions ApplyTo(AlpacaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { DataUrl = DataUrl };
    }

    private static string? First(Func<string, string?> lookup, string name, string alternative) =>
        Value(lookup(name)) ?? Value(lookup(alternative));

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
