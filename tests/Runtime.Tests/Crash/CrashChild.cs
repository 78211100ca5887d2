using System.Diagnostics;
using System.Text.Json;

namespace Meridian.Runtime.Tests.Crash;

/// <summary>
/// The crash workload (tests/Runtime.CrashWorkload) as a child process: it runs a silo on the given database and
/// prints a line for each acknowledged step ("published n", "applied n"). The test reads those lines and kills
/// the process with SIGKILL.
/// </summary>
internal sealed class CrashChild : IAsyncDisposable
{
    private readonly Process _process;

    private CrashChild(Process process) => _process = process;

    /// <summary>The highest operation acknowledged as published, and as applied.</summary>
    public long Published { get; private set; }

    public long Applied { get; private set; }

    public static CrashChild Start(string mode, IReadOnlyDictionary<string, string> environment)
    {
        var workload = Path.Combine(AppContext.BaseDirectory, "Meridian.CrashWorkload.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { workload, mode },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the crash workload did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new CrashChild(process);
    }

    /// <summary>Reads acknowledgements until <paramref name="acknowledgements"/> more have arrived.</summary>
    public async Task ReadAcknowledgementsAsync(int acknowledgements, CancellationToken cancellationToken)
    {
        var seen = 0;
        while (seen < acknowledgements)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken)
                ?? throw new InvalidOperationException($"the crash workload exited (code {ExitCode()}) after {seen} acknowledgements");
            if (Acknowledged(line))
                seen++;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to stop, flush or save anything.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);

        // Lines written before the kill may still be in the pipe: they were acknowledged too.
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            Acknowledged(line);
    }

    /// <summary>Reads until the report line and returns it.</summary>
    public async Task<CrashReport> ReadReportAsync(CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("report ", StringComparison.Ordinal))
                return JsonSerializer.Deserialize<CrashReport>(line["report ".Length..])!;
        }

        throw new InvalidOperationException($"the crash workload exited (code {ExitCode()}) without a report");
    }

    private bool Acknowledged(string line)
    {
        if (line.StartsWith("published ", StringComparison.Ordinal))
            Published = Math.Max(Published, long.Parse(line["published ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        else if (line.StartsWith("applied ", StringComparison.Ordinal))
            Applied = Math.Max(Applied, long.Parse(line["applied ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        else
            return false;
        return true;
    }

    private string ExitCode() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>What the workload found after the last restart: the counter's and the stream consumer's state.</summary>
internal sealed record CrashReport(CrashCounter Counter, CrashConsumer Consumer);

internal sealed record CrashCounter(long LastOp, long Sum, long Gaps);

internal sealed record CrashConsumer(long LastSequence, long LastValue, long Count, long Sum, long Anomalies);
