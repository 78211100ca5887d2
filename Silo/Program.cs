using Meridian.Runtime.Hosting;
using Meridian.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// `Silo run` (the default) starts a silo on embedded defaults and runs until Ctrl+C;
// `Silo migrate` brings the databases' schemas up to date and exits.
var command = args.Length > 0 ? args[0] : "run";
using var host = SiloHost.Create(args.Skip(1).ToArray());
switch (command)
{
    case "run":
        await host.RunAsync();
        return 0;
    case "migrate":
        foreach (var task in host.Services.GetServices<ISiloStartupTask>())
            await task.RunAsync(CancellationToken.None);
        Console.WriteLine("schemas are up to date");
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'. Commands: run, migrate");
        return 2;
}
