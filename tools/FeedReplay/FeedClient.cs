using System.Net.WebSockets;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// One connected WebSocket client. Sends go one at a time (a WebSocket allows one sender): the pump's messages and
/// the reply to the client's close share <see cref="SendAsync"/>.
/// </summary>
internal sealed class FeedClient(WebSocket socket, int number)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private volatile bool _gone;

    public int Number { get; } = number;

    public bool Gone => _gone || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived);

    /// <summary>Sends one text message; false (and the client is gone) when the connection broke.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        if (Gone) return false;
        await _sending.WaitAsync(cancellation);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _gone = true;
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads (and discards) what the client sends until it closes or the connection ends; answers a close.</summary>
    public async Task ReadUntilClosedAsync(CancellationToken cancellation)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellation);
                if (result.MessageType != WebSocketMessageType.Close) continue;
                await _sending.WaitAsync(cancellation);
                try
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellation);
                    }
                }
                finally
                {
                    _sending.Release();
                }

                return;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended without a close handshake (dropped, or the server stopping).
        }
        finally
        {
            _gone = true;
        }
    }

    /// <summary>Closes cleanly: the close frame goes after everything already sent; aborts when the client does not answer in time.</summary>
    public async Task CloseAsync(Task readLoop, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _sending.WaitAsync(limit.Token);
            try
            {
                if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "feed stopping", limit.Token);
            }
            finally
            {
                _sending.Release();
            }

            await readLoop.WaitAsync(limit.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Not answered in time: dropped below.
        }

        Abort();
    }

    /// <summary>Drops the connection at once, with no close handshake (a feed that dies).</summary>
    public void Abort()
    {
        _gone = true;
        socket.Abort();
    }
}
