using Meridian.Bench;

return args switch
{
    ["models", .. var rest] => ModelsBenchmark.Run(ModelsBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Models.Bench models [--symbols N] [--years N] [--trees N] [--leaves N] [--predictions N]");
    return 2;
}
