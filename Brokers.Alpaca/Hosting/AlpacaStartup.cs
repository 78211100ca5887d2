using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Hosting;

/// <summary>
/// Checks the Alpaca account before anything trades: the keys work (a 401 stops the host with the settings to fix, and
/// nothing is retried), the account is active and not blocked. Then opens the account's portfolio if it is new, with the
/// account's cash.
/// </summary>
public sealed partial class AlpacaStartup(
    AlpacaOptions options, AlpacaTradingClient alpaca, AlpacaCredentials credentials, IGrainFactory grains, ILogger<AlpacaStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var account = await VerifyAsync(cancellationToken).ConfigureAwait(false);
        var portfolio = grains.GetGrain<IPortfolioGrain>(options.PortfolioId);
        try
        {
            await portfolio.GetAsync().ConfigureAwait(false);
        }
        catch (PortfolioNotFoundException)
        {
            await portfolio.OpenAsync(new PortfolioSettings(Money.Of(account.Cash ?? 0m), RiskLimits.None)).ConfigureAwait(false);
            Log.PortfolioOpened(logger, options.PortfolioId, account.Cash ?? 0m);
        }
        Log.Ready(logger, options.Mode, alpaca.BaseUrl, credentials.MaskedKeyId, options.PortfolioId, options.DryRun);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the account; throws <see cref="AlpacaConfigurationException"/> naming the settings when the keys or the account are unusable.</summary>
    public async Task<Wire.AlpacaAccount> VerifyAsync(CancellationToken cancellationToken)
    {
        Wire.AlpacaAccount account;
        try
        {
            account = await alpaca.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.Unauthorized)
        {
            throw new AlpacaConfigurationException(
                $"Alpaca refused the key pair ({credentials.MaskedKeyId}) at {alpaca.BaseUrl} (HTTP 401). Check {AlpacaSettings.KeyId} and {AlpacaSettings.SecretKey}: "
                + $"{(options.Mode == AlpacaMode.Paper ? "paper" : "live")} trading needs {(options.Mode == AlpacaMode.Paper ? "paper" : "live")} keys.", e);
        }
        if (account.TradingBlocked == true || account.AccountBlocked == true)
            throw new AlpacaConfigurationException($"the Alpaca account at {alpaca.BaseUrl} is blocked from trading (status {account.Status}); see Alpaca's dashboard");
        if (account.Status is { } status && status != "ACTIVE")
            throw new AlpacaConfigurationException($"the Alpaca account at {alpaca.BaseUrl} is {status}, not ACTIVE");
        return account;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca {Mode} trading at {Url} with key {MaskedKeyId} for portfolio {PortfolioId} (dry run: {DryRun})")]
        public static partial void Ready(ILogger logger, AlpacaMode mode, Uri url, string maskedKeyId, string portfolioId, bool dryRun);

        [LoggerMessage(Level = LogLevel.Information, Message = "opened portfolio {PortfolioId} for the Alpaca account with its cash {Cash}")]
        public static partial void PortfolioOpened(ILogger logger, string portfolioId, decimal cash);
    }
}
