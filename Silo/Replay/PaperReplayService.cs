using Meridian.Grains.Backtesting;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Grains.Strategies;
using Meridian.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Silo.Replay;

/// <summary>
/// The embedded run mode's market: replays the bars through the silo's grains at the configured speed, with a
/// strategy paper trading a portfolio on the simulated exchange, through <see cref="MarketReplay"/>, the same loop
/// a backtest runs. A restarted silo resumes after the last slice its strategy saw, so nothing trades twice.
/// </summary>
internal sealed partial class PaperReplayService(PaperReplay replay, IClusterClient client, ExchangeRules rules, ILogger<PaperReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var strategy = client.GetGrain<IStrategyGrain>(replay.PortfolioId);
            var resumeAfter = (await strategy.GetAsync().ConfigureAwait(false))?.LastSlice;
            if (resumeAfter is { } after)
            {
                LogResuming(replay.PortfolioId, after);
                if (after > replay.Clock.GetUtcNow())
                    await replay.Clock.AdvanceToAsync(after).ConfigureAwait(false);
            }
            else
            {
                await client.GetGrain<IPortfolioGrain>(replay.PortfolioId)
                    .OpenAsync(new PortfolioSettings(Money.Of(replay.Cash), RiskLimits.None)).ConfigureAwait(false);
                var universe = replay.Data.Select(s => s.Symbol).OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
                await strategy.StartAsync(replay.Strategy, universe).ConfigureAwait(false);
                LogStarted(replay.PortfolioId, replay.Strategy.ToString(), universe.Count, replay.SpeedUp);
            }

            var run = new MarketReplay(client, replay.Clock, replay.Data, rules, [replay.PortfolioId]) { ResumeAfter = resumeAfter };
            var progress = new Progress<ReplayProgress>(p => LogProgress(p.Time, p.BarsDone, p.BarsTotal));
            await run.RunAsync(replay.Pacing, progress, progressEvery: replay.Data.Count * 20L, stoppingToken).ConfigureAwait(false);
            LogFinished(replay.PortfolioId, run.BarCount);
            replay.Finished.TrySetResult(run.BarCount);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            replay.Finished.TrySetCanceled(stoppingToken);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
        {
            LogFailed(e.Message);
            replay.Finished.TrySetException(e);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "paper replay: portfolio {PortfolioId} trades {Strategy} on {Symbols} symbols at {SpeedUp}x real time")]
    private partial void LogStarted(string portfolioId, string strategy, int symbols, double speedUp);

    [LoggerMessage(2, LogLevel.Information, "paper replay: portfolio {PortfolioId} resumes after {Time:O}")]
    private partial void LogResuming(string portfolioId, DateTimeOffset time);

    [LoggerMessage(3, LogLevel.Information, "paper replay: at {Time:yyyy-MM-dd}, {Done}/{Total} bars")]
    private partial void LogProgress(DateTimeOffset time, long done, long total);

    [LoggerMessage(4, LogLevel.Information, "paper replay: portfolio {PortfolioId} finished {Bars} bars; the silo keeps serving")]
    private partial void LogFinished(string portfolioId, long bars);

    [LoggerMessage(5, LogLevel.Error, "paper replay stopped: {Reason}")]
    private partial void LogFailed(string reason);
}
