using Meridian.Grains.Strategies;

namespace Meridian.Silo.Commands;

/// <summary>
/// The strategy on a command line: --strategy NAME (default sma-cross), --model NAME for the model strategy
/// (default: the one model file given), then any option that is one of its parameters.
/// </summary>
internal static class StrategyArguments
{
    public static StrategySpec Parse(CommandArguments arguments, string? defaultModel = null)
    {
        var name = arguments.Text("strategy") ?? "sma-cross";
        if (StrategyCatalog.Find(name) is not { } definition)
            throw new UsageException($"'{name}' is not a strategy; the strategies are {StrategyCatalog.Names}");
        var parameters = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            if (arguments.Decimal(parameter.Name) is { } value)
                parameters[parameter.Name] = value;
        }
        var spec = new StrategySpec(name, parameters) { Model = arguments.Text("model") ?? (definition.TradesModel ? defaultModel : null) };
        if (StrategyCatalog.Validate(spec) is { Count: > 0 } errors)
            throw new UsageException(string.Join("; ", errors.Select(e => $"--{e.Field}: {e.Message}")));
        return spec;
    }
}
