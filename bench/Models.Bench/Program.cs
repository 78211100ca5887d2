using Meridian.Bench;

return args switch
{
    ["models", .. var rest] => ModelsBenchmark.Run(ModelsBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Models.Bench models [--rows N] [--features N] [--trees N] [--leaves N] [--feature-fraction F] [--bagging-fraction F] [--predictions N]");
    return 2;
}
