using System.Net;
using System.Net.Sockets;

namespace Meridian.Runtime.Tests.Persistence;

/// <summary>
/// A loopback TCP relay in front of the test PostgreSQL: the tests cut it to make the database unreachable (new
/// connections are refused, open ones are closed) and open it again on the same port.
/// </summary>
internal sealed class TcpRelay(int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public int Port { get; } = FreePort();

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    public async Task CutAsync()
    {
        _listener?.Stop();
        await _accepting.ConfigureAwait(false);
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // cut
            }

            var outgoing = new TcpClient();
            await outgoing.ConnectAsync(IPAddress.Loopback, targetPort).ConfigureAwait(false);
            lock (_open)
                _open.AddRange([incoming, outgoing]);
            _ = PipeAsync(incoming, outgoing);
            _ = PipeAsync(outgoing, incoming);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // the relay was cut or a side closed
        }
        finally
        {
            to.Dispose();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await CutAsync().ConfigureAwait(false);
}
