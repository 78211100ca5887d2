using Meridian.Bench;

return args switch
{
    ["orders", .. var rest] => await OrdersBenchmark.RunAsync(OrdersBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Orders.Bench orders [--risk-checks N] [--portfolios N] [--callers N] [--orders N] [--rounds N] [--paced-seconds N] [--storage memory|discard]");
    return 2;
}
