using System.Collections.Concurrent;
using Meridian.Runtime.Filters;

namespace Meridian.Runtime.Tests.Filters;

public sealed class FilterLog
{
    public ConcurrentQueue<string> Entries { get; } = new();
}

public interface ICalculatorGrain : IGrainWithStringKey
{
    Task<int> Add(int a, int b);

    Task<int> AddThroughOther(string otherKey, int a, int b);
}

public sealed class CalculatorGrain : Grain, ICalculatorGrain
{
    public Task<int> Add(int a, int b) => Task.FromResult(a + b);

    public Task<int> AddThroughOther(string otherKey, int a, int b) => GrainFactory.GetGrain<ICalculatorGrain>(otherKey).Add(a, b);
}

/// <summary>A grain that filters its own incoming calls: it runs after the silo-wide filters.</summary>
public interface ISelfFilteringGrain : IGrainWithStringKey
{
    Task<int> Twice(int value);
}

public sealed class SelfFilteringGrain(FilterLog log) : Grain, ISelfFilteringGrain, IIncomingGrainCallFilter
{
    public Task<int> Twice(int value) => Task.FromResult(value * 2);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        log.Entries.Enqueue("grain filter before " + context.Method.Name);
        await context.Invoke();
        log.Entries.Enqueue("grain filter after " + context.Method.Name);
    }
}
