using System.Collections.Concurrent;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.Tests.Timers;

/// <summary>One log entry the silo wrote.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>
/// A logger factory that keeps every entry, so a test can check that an error was logged. Register one per
/// silo with <see cref="AddTo"/>; it replaces the silo's default (null) logger factory.
/// </summary>
public sealed class CapturedLogs : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>The entries at <paramref name="minimum"/> level or above whose exception is a <typeparamref name="TException"/>.</summary>
    public IReadOnlyList<CapturedLogEntry> WithException<TException>(LogLevel minimum = LogLevel.Warning)
        where TException : Exception =>
        [.. _entries.Where(e => e.Level >= minimum && e.Exception is TException)];

    public void AddTo(SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ILoggerFactory>(this);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            logs._entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
