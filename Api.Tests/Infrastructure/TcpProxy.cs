using System.Net;
using System.Net.Sockets;

namespace Api.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder to the test cluster, so a test can take "the database" away (<see cref="Stop"/>: refuse new
/// connections and cut the open ones, as a stopped server does) and bring it back on the same port (<see cref="Start"/>).
/// </summary>
public sealed class TcpProxy(string targetHost, int targetPort) : IAsyncDisposable
{
    readonly Lock _gate = new();
    readonly List<TcpClient> _open = [];
    TcpListener? _listener;
    CancellationTokenSource? _cts;

    public int Port { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _listener = listener;
            _cts = new CancellationTokenSource();
            _ = AcceptAsync(listener, _cts.Token);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _cts?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var c in _open)
            {
                try { if (c.Client is { } s) s.LingerState = new LingerOption(true, 0); c.Close(); }   // reset, as a dying server does
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
            }
            _open.Clear();
        }
    }

    async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = PipeAsync(client, ct);
        }
    }

    async Task PipeAsync(TcpClient client, CancellationToken ct)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(targetHost, targetPort, ct);
            lock (_gate)
            {
                if (ct.IsCancellationRequested) { client.Close(); server.Close(); return; }
                _open.Add(client);
                _open.Add(server);
            }
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var a = client.GetStream().CopyToAsync(server.GetStream(), both.Token);
            var b = server.GetStream().CopyToAsync(client.GetStream(), both.Token);
            await Task.WhenAny(a, b);
            both.Cancel();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            client.Close();
            server.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
