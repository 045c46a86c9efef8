using System.Net.WebSockets;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// One WebSocket connection to the feed: connect (with the API key as the <c>X-API-Key</c> header), receive whole
/// messages with a staleness limit, close. A receive that sees no frame for the stale limit ends as
/// <see cref="FeedReceiveStatus.Stale"/> (the socket is then aborted). Shutdown asks for a clean close through
/// <see cref="BeginClose"/>, which the pending receive sees as <see cref="FeedReceiveStatus.Closed"/>.
/// </summary>
public sealed class FeedSocket : IAsyncDisposable
{
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>Messages above this size are skipped as unreadable: no tick message is anywhere near it.</summary>
    public const int MaxMessageBytes = 1 << 20;

    /// <summary>How long a clean close may take before the socket is aborted.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _receive = new();
    private byte[] _buffer = new byte[4096];

    private FeedSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>Connects within <paramref name="timeout"/>; throws <see cref="WebSocketException"/> or a timeout's <see cref="OperationCanceledException"/>.</summary>
    public static async Task<FeedSocket> ConnectAsync(Uri url, string? apiKey, TimeSpan timeout, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        if (!string.IsNullOrEmpty(apiKey)) socket.Options.SetRequestHeader(ApiKeyHeader, apiKey);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(url, limit.Token);
            return new FeedSocket(socket);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next whole message, or why none came.</summary>
    public async ValueTask<FeedReceive> ReceiveAsync(TimeSpan staleAfter)
    {
        var length = 0;
        var tooLarge = false;
        try
        {
            while (true)
            {
                if (length == _buffer.Length)
                {
                    if (_buffer.Length >= MaxMessageBytes)
                    {
                        // Keep reading to the message's end, then skip it whole.
                        tooLarge = true;
                        length = 0;
                    }
                    else
                    {
                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }
                }

                _receive.CancelAfter(_closing ? CloseTimeout : staleAfter);
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), _receive.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new FeedReceive(FeedReceiveStatus.Closed, default, CloseDetail());
                }

                length += result.Count;
                if (!result.EndOfMessage) continue;
                if (tooLarge) return new FeedReceive(FeedReceiveStatus.Unreadable, default, $"a message over {MaxMessageBytes} bytes");
                if (result.MessageType == WebSocketMessageType.Binary) return new FeedReceive(FeedReceiveStatus.Unreadable, default, "a binary message");
                return new FeedReceive(FeedReceiveStatus.Message, _buffer.AsMemory(0, length), null);
            }
        }
        catch (OperationCanceledException) when (_closing)
        {
            return new FeedReceive(FeedReceiveStatus.Closed, default, "closed on shutdown");
        }
        catch (OperationCanceledException)
        {
            return new FeedReceive(FeedReceiveStatus.Stale, default, $"no message for {staleAfter.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            return new FeedReceive(_closing ? FeedReceiveStatus.Closed : FeedReceiveStatus.Failed, default, ex.Message);
        }
    }

    private volatile bool _closing;

    /// <summary>
    /// Starts a clean close (shutdown): sends the close frame; the pending receive ends when the feed answers, or is
    /// aborted after <see cref="CloseTimeout"/>. Safe to call from another thread while a receive is pending.
    /// </summary>
    public void BeginClose()
    {
        if (_closing) return;
        _closing = true;
        _receive.CancelAfter(CloseTimeout);
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        _ = CloseOutputQuietlyAsync();
    }

    /// <summary>After <see cref="BeginClose"/>: skips what is still arriving until the feed's close answers ours (or the close times out).</summary>
    public async Task FinishCloseAsync()
    {
        BeginClose();
        while ((await ReceiveAsync(CloseTimeout)).Status is FeedReceiveStatus.Message or FeedReceiveStatus.Unreadable)
        {
        }
    }

    private async Task CloseOutputQuietlyAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(CloseTimeout);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutdown", limit.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The close is a courtesy: the socket is aborted when it does not complete.
        }
    }

    private string CloseDetail() =>
        _socket.CloseStatus is { } status ? $"close status {(int)status} {status}{(string.IsNullOrEmpty(_socket.CloseStatusDescription) ? "" : $": {_socket.CloseStatusDescription}")}" : "closed";

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _receive.Dispose();
        return ValueTask.CompletedTask;
    }
}
