using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Tests.Timers;
using Meridian.Runtime.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>
/// What reminders give grain code, whatever keeps them: a provider's test class derives from this class and
/// registers its reminder table in <see cref="AddReminders"/>.
/// </summary>
/// <remarks>
/// <para>The behaviour (see docs/runtime.md, Reminders):</para>
/// <list type="bullet">
/// <item>Ticks are due at start + k × period, start being the registration time plus the due time; each is
/// delivered on the grain's turn, activating it if needed, and ticks of one reminder never overlap.</item>
/// <item>Registering again replaces the schedule; unregistering stops the ticks; both are stored before the call
/// returns, so a new silo on the same database sees them.</item>
/// <item>When ticks fell due undelivered (the silo was down, or the previous tick ran long), the latest of them is
/// delivered once, at once, and the schedule goes on; a tick delivered is recorded, so no later start delivers it
/// again. A failing ReceiveReminder is logged and changes nothing else.</item>
/// </list>
/// <para>
/// xunit makes one instance of the class per test; the instance's table (or its service id, in a shared database)
/// is seen by every silo the test starts and by no other test. Times are worked out from <see cref="T0"/>, the
/// moment every test starts at.
/// </para>
/// </remarks>
public abstract partial class ReminderConformance
{
    /// <summary>The simulated clock's start (its default): every time in these tests is counted from it.</summary>
    protected static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected ReminderProbe Probe { get; } = new();

    protected CapturedLogs Logs { get; } = new();

    /// <summary>This test's service id, so that tests sharing a database never see each other's reminders.</summary>
    protected string ServiceId { get; } = "reminders-" + Guid.NewGuid().ToString("N");

    /// <summary>Registers the reminder table under test: every silo of one test instance must get the same table.</summary>
    protected abstract void AddReminders(SiloBuilder silo);

    protected static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>Starts a silo whose simulated clock reads <paramref name="sinceT0"/> after <see cref="T0"/> (T0 itself by default).</summary>
    protected Task<TestSilo> StartSiloAsync(TimeSpan sinceT0 = default) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.AddGrainAssembly(typeof(ReminderConformance).Assembly);
                silo.Services.AddSingleton(Probe);
                Logs.AddTo(silo);
                silo.Configure<SiloOptions>(o => o.ServiceId = ServiceId);
                AddReminders(silo);
            },
            new SimulatedClock(T0 + sinceT0));

    protected static IReminderGrain Grain(TestSilo silo, string key = "k") => silo.GrainFactory.GetGrain<IReminderGrain>(key);

    /// <summary>Moves the silo's clock to <paramref name="sinceT0"/> after <see cref="T0"/>, delivering the ticks due on the way.</summary>
    protected static Task AdvanceToAsync(TestSilo silo, TimeSpan sinceT0) => silo.Clock.AdvanceToAsync(T0 + sinceT0).WithinLimit();
}
