using System.Threading.Channels;

namespace Meridian.Bench;

/// <summary>
/// The raw baseline: one <see cref="Channel{T}"/> request/response loop per actor, doing the same work as
/// <see cref="BenchGrain"/>, with no runtime around it.
/// </summary>
internal sealed class ChannelActors
{
    private readonly Channel<Request>[] _inboxes;

    public ChannelActors(int count)
    {
        _inboxes = new Channel<Request>[count];
        for (var i = 0; i < count; i++)
        {
            var inbox = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
            _inboxes[i] = inbox;
            _ = Task.Run(() => RunAsync(inbox.Reader));
        }
    }

    public Task<long> Add(int actor, int value)
    {
        var response = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inboxes[actor].Writer.TryWrite(new Request(value, response));
        return response.Task;
    }

    public void Stop()
    {
        foreach (var inbox in _inboxes)
            inbox.Writer.TryComplete();
    }

    private static async Task RunAsync(ChannelReader<Request> reader)
    {
        long total = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var request))
                request.Response.SetResult(total += request.Value);
        }
    }

    private readonly record struct Request(int Value, TaskCompletionSource<long> Response);
}
