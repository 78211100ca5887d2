using Meridian.Bench;

return args switch
{
    ["storage", .. var rest] => await StorageBenchmark.RunAsync(StorageBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Storage.Bench storage " + StorageBenchOptions.Usage + " (PostgreSQL from BENCH_POSTGRES or TEST_POSTGRES)");
    return 2;
}
