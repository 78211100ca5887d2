using Meridian.Bench;

return args switch
{
    ["backtest", .. var rest] => await BacktestBenchmark.RunAsync(BacktestBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Backtest.Bench backtest [--symbols N] [--years N] [--rounds N]");
    return 2;
}
