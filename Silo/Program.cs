using Meridian.Runtime.Hosting;
using Meridian.Silo;
using Meridian.Silo.Commands;
using Microsoft.Extensions.DependencyInjection;

// The Silo command line. `run` (the default) starts the platform on embedded defaults; see `help`.
var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
var rest = args.Length > 0 && args[0] == command ? args[1..] : args;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
switch (command)
{
    case "run":
        return await RunCommand.RunAsync(rest, Console.Error);
    case "backtest":
        return await BacktestCommand.RunAsync(rest, Console.Out, Console.Error, cancel.Token);
    case "import":
        return await ImportCommand.RunAsync(rest, Console.Out, Console.Error, cancellationToken: cancel.Token);
    case "train":
        return await TrainCommand.RunAsync(rest, Console.Out, Console.Error);
    case "models":
        return await ModelsCommand.RunAsync(rest, Console.Out, Console.Error);
    case "keys":
        return await KeysCommand.RunAsync(rest, Console.Out, Console.Error);
    case "audit":
        return await AuditCommand.RunAsync(rest, Console.Out, Console.Error, cancellationToken: cancel.Token);
    case "migrate":
        using (var host = SiloHost.Create())
        {
            foreach (var task in host.Services.GetServices<ISiloStartupTask>())
                await task.RunAsync(CancellationToken.None);
        }
        Console.WriteLine("schemas are up to date");
        return 0;
    case "help" or "--help" or "-h":
        Console.WriteLine("commands: run (default), backtest, import, train, models, keys, audit, migrate, help");
        Console.WriteLine(RunCommand.Usage);
        Console.WriteLine(BacktestCommand.Usage);
        Console.WriteLine(ImportCommand.Usage);
        Console.WriteLine(TrainCommand.Usage);
        Console.WriteLine(ModelsCommand.Usage);
        Console.WriteLine(KeysCommand.Usage);
        Console.WriteLine(AuditCommand.Usage);
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'. Commands: run, backtest, import, train, models, keys, audit, migrate, help");
        return 2;
}
