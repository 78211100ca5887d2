using System.Text;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Live;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace Meridian.Gateway.Dashboard;

/// <summary>
/// GET /v1/events: server-sent events for the dashboard. A <c>snapshot</c> first, then what changes (see
/// <see cref="LiveHub"/>), a comment line every <see cref="HeartbeatInterval"/> so proxies and the browser know the
/// connection is alive, until the client goes away or the host stops.
/// </summary>
internal static class EventStream
{
    /// <summary>How often an idle stream sends a comment line.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long the browser waits before reconnecting a dropped stream (the <c>retry</c> field).</summary>
    public const int RetryMilliseconds = 3_000;

    public static async Task HandleAsync(HttpContext context, LiveHub hub, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        if (Caller.Of(context) is not { } caller)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellation = stopping.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var (subscription, snapshot) = hub.Subscribe(caller);
        using (subscription)
        {
            try
            {
                await WriteAsync(response, $"retry: {RetryMilliseconds}\n\n", cancellation).ConfigureAwait(false);
                await WriteEventAsync(response, "snapshot", snapshot, cancellation).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellation).ConfigureAwait(false);
                await PumpAsync(response, hub, subscription, time, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // The client went away or the host is stopping: nothing more to send.
            }
        }
    }

    private static async Task PumpAsync(HttpResponse response, LiveHub hub, LiveSubscription subscription, TimeProvider time, CancellationToken cancellation)
    {
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, time);
        var beat = heartbeat.WaitForNextTickAsync(cancellation).AsTask();
        var ready = subscription.Reader.WaitToReadAsync(cancellation).AsTask();
        while (true)
        {
            var first = await Task.WhenAny(ready, beat).ConfigureAwait(false);
            if (first == beat)
            {
                await beat.ConfigureAwait(false);
                await WriteAsync(response, ": heartbeat\n\n", cancellation).ConfigureAwait(false);
                beat = heartbeat.WaitForNextTickAsync(cancellation).AsTask();
            }
            else
            {
                if (!await ready.ConfigureAwait(false))
                    return;
                if (subscription.Lagged)
                    await WriteEventAsync(response, "snapshot", hub.Resynchronize(subscription), cancellation).ConfigureAwait(false);
                while (subscription.Reader.TryRead(out var message))
                    await WriteEventAsync(response, message.Event, message.Data, cancellation).ConfigureAwait(false);
                ready = subscription.Reader.WaitToReadAsync(cancellation).AsTask();
            }

            await response.Body.FlushAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>One event; the JSON is on one line (GatewayJson never indents), so it is a single data field.</summary>
    private static Task WriteEventAsync(HttpResponse response, string name, string json, CancellationToken cancellation) =>
        WriteAsync(response, $"event: {name}\ndata: {json}\n\n", cancellation);

    private static Task WriteAsync(HttpResponse response, string text, CancellationToken cancellation) =>
        response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellation).AsTask();
}
