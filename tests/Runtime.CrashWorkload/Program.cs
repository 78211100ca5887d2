using Meridian.CrashWorkload;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams.Durable;
using Microsoft.Extensions.DependencyInjection;

// Usage: Meridian.CrashWorkload run|report. The database comes from CRASH_SQLITE (a file) or CRASH_POSTGRES (a
// connection string, kept out of the command line); CRASH_SERVICE is the service id.
var mode = args.Length > 0 ? args[0] : "run";
var sqlite = Environment.GetEnvironmentVariable("CRASH_SQLITE");
var postgres = Environment.GetEnvironmentVariable("CRASH_POSTGRES");
var services = new ServiceCollection();
services.AddSilo(silo =>
{
    silo.AddGrainAssembly(typeof(CrashWorkload).Assembly);
    silo.Configure<SiloOptions>(o => o.ServiceId = Environment.GetEnvironmentVariable("CRASH_SERVICE") ?? "crash");
    if (!string.IsNullOrEmpty(sqlite))
        silo.AddSqliteGrainStorage("Default", sqlite).AddSqliteStreams("Default", sqlite);
    else
        silo.AddPostgresGrainStorage("Default", postgres!).AddPostgresStreams("Default", postgres!);
});
await using var provider = services.BuildServiceProvider();
var host = provider.GetRequiredService<Silo>();
await host.StartAsync(CancellationToken.None);
Console.WriteLine("started");
if (mode == "report")
{
    await CrashWorkload.ReportAsync(host.Client, TimeSpan.FromSeconds(30));
    await host.StopAsync(CancellationToken.None);
    return 0;
}

// Runs until killed.
await CrashWorkload.RunAsync(host.Client, CancellationToken.None);
return 0;
