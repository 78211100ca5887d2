using Meridian.Grains.Risk;

namespace Meridian.Grains.Tests.Risk;

/// <summary>The one-second window (now - 1 s, now]: a submission exactly one second old is outside it.</summary>
public sealed class SubmitRateWindowTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_window_counts_nothing() => Assert.Equal(0, new SubmitRateWindow(3).CountInWindow(T0));

    [Fact]
    public void Submissions_within_the_last_second_count()
    {
        var window = new SubmitRateWindow(5);
        window.Record(T0.AddTicks(-TimeSpan.TicksPerSecond + 1));
        window.Record(T0.AddMilliseconds(-500));
        window.Record(T0);

        Assert.Equal(3, window.CountInWindow(T0));
    }

    [Fact]
    public void Submission_exactly_one_second_old_is_outside_the_window()
    {
        var window = new SubmitRateWindow(3);
        window.Record(T0);

        Assert.Equal(1, window.CountInWindow(T0.AddSeconds(1).AddTicks(-1)));
        Assert.Equal(0, window.CountInWindow(T0.AddSeconds(1)));
    }

    [Fact]
    public void Full_window_forgets_the_oldest_submission()
    {
        var window = new SubmitRateWindow(2);
        window.Record(T0);
        window.Record(T0.AddMilliseconds(100));
        window.Record(T0.AddMilliseconds(200));

        Assert.Equal(2, window.CountInWindow(T0.AddMilliseconds(200)));
        Assert.Equal(1, window.CountInWindow(T0.AddMilliseconds(1150))); // T0 + 100 ms has left, T0 + 200 ms has not
    }

    [Theory]
    [InlineData(400, 3)]  // t, t - 400 ms, t - 800 ms are inside; t - 1200 ms is not
    [InlineData(500, 2)]  // t - 1000 ms is exactly one second old: outside
    [InlineData(1000, 1)]
    public void Steady_submissions_count_as_many_as_fit_in_a_second(int spacingMs, int expected)
    {
        var window = new SubmitRateWindow(3);
        for (var i = 0; i < 10; i++)
        {
            var time = T0.AddMilliseconds(i * spacingMs);
            window.Record(time);
            Assert.Equal(Math.Min(i + 1, expected), window.CountInWindow(time));
        }
    }

    [Fact]
    public void Window_without_capacity_records_nothing()
    {
        var window = new SubmitRateWindow(0);
        window.Record(T0);

        Assert.Equal(0, window.CountInWindow(T0));
    }

    [Fact]
    public void Shrinking_keeps_the_newest_submissions()
    {
        var window = new SubmitRateWindow(3);
        window.Record(T0);
        window.Record(T0.AddMilliseconds(100));
        window.Record(T0.AddMilliseconds(200));

        window.Resize(2);

        Assert.Equal(2, window.Capacity);
        Assert.Equal(2, window.CountInWindow(T0.AddMilliseconds(200)));
        Assert.Equal(1, window.CountInWindow(T0.AddMilliseconds(1150)));
    }

    [Fact]
    public void Growing_keeps_every_submission_and_makes_room_for_more()
    {
        var window = new SubmitRateWindow(2);
        window.Record(T0);
        window.Record(T0.AddMilliseconds(100));

        window.Resize(4);
        window.Record(T0.AddMilliseconds(200));
        window.Record(T0.AddMilliseconds(300));

        Assert.Equal(4, window.CountInWindow(T0.AddMilliseconds(300)));
    }
}
