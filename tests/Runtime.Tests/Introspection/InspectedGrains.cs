namespace Meridian.Runtime.Tests.Introspection;

public sealed class TallyState
{
    public int Count { get; set; }

    public string LastNote { get; set; } = "";
}

public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> Add(string note);

    Task Fail();
}

public sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> tally) : Grain, ITallyGrain
{
    public async Task<int> Add(string note)
    {
        tally.State.Count++;
        tally.State.LastNote = note;
        await tally.WriteStateAsync();
        return tally.State.Count;
    }

    public Task Fail() => throw new InvalidOperationException("asked to fail");
}
