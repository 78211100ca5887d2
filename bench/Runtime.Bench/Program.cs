using Meridian.Bench;

return args switch
{
    ["runtime", .. var rest] => await RuntimeBenchmark.RunAsync(BenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Runtime.Bench runtime [--grains N] [--callers N] [--calls N] [--rounds N] [--paced-seconds N]");
    return 2;
}
