using Meridian.Silo;
using Microsoft.Extensions.Hosting;

// `Silo run` (the default) starts a silo on embedded defaults and runs until Ctrl+C.
var command = args.Length > 0 ? args[0] : "run";
if (command is not "run")
{
    Console.Error.WriteLine($"unknown command '{command}'. Commands: run");
    return 2;
}

using var host = SiloHost.Create(args.Skip(1).ToArray());
await host.RunAsync();
return 0;
