using System.Diagnostics;
using System.Globalization;
using Meridian.Grains.Backtesting;

namespace Meridian.Silo.Commands;

/// <summary>
/// Draws a replay's progress on the terminal: a bar, the share done, bars per second, the simulated date and the
/// time left at the rate so far. On a terminal it redraws one line; when the output is redirected it writes a line
/// every tenth.
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool interactive) : IProgress<ReplayProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private int _lastTenth = -1;

    public void Report(ReplayProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fraction = value.BarsTotal == 0 ? 1.0 : (double)value.BarsDone / value.BarsTotal;
        var seconds = _elapsed.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? value.BarsDone / seconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((value.BarsTotal - value.BarsDone) / rate) : TimeSpan.Zero;
        var filled = (int)(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.BarsDone:N0}/{value.BarsTotal:N0} bars  {rate:N0} bars/s  {value.Time:yyyy-MM-dd}  ETA {left:m\\:ss}");
        if (interactive)
        {
            output.Write('\r' + line);
            if (value.BarsDone >= value.BarsTotal)
                output.WriteLine();
            return;
        }
        var tenth = (int)(fraction * 10);
        if (tenth == _lastTenth)
            return;
        _lastTenth = tenth;
        output.WriteLine(line);
    }
}
