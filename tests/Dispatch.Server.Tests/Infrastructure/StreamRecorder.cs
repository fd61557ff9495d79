using System.Threading.Channels;
using Grpc.Core;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Reads a server stream in the background so a test can wait for the next message with a bound.</summary>
public sealed class StreamRecorder<T> : IDisposable
{
    private readonly AsyncServerStreamingCall<T> _call;
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();
    private readonly Task _reading;

    public StreamRecorder(AsyncServerStreamingCall<T> call)
    {
        _call = call;
        _reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync())
                {
                    _messages.Writer.TryWrite(message);
                }

                _messages.Writer.TryComplete();
            }
            catch (RpcException e)
            {
                _messages.Writer.TryComplete(e);
            }
        });
    }

    /// <summary>The server's response headers: a stream that sends them once it is in place (order watches, routes) is then following.</summary>
    public async Task ConnectedAsync(TimeSpan? within = null) => await _call.ResponseHeadersAsync.WaitAsync(within ?? TimeSpan.FromSeconds(10));

    public async Task<T> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        return await _messages.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The first message that meets <paramref name="condition"/>, skipping the others, all within one bound.</summary>
    public async Task<T> NextMatchingAsync(Func<T, bool> condition, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (condition(message))
            {
                return message;
            }
        }
    }

    /// <summary>The status the stream ended with, waiting at most <paramref name="within"/>.</summary>
    public async Task<Status> EndAsync(TimeSpan within)
    {
        await _reading.WaitAsync(within);
        try
        {
            await _messages.Reader.Completion;
            return _call.GetStatus();
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    public void Dispose() => _call.Dispose();
}
