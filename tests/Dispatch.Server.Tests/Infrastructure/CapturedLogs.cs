using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Every log line the server writes, for tests about what is logged (level, length, stack traces).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    /// <summary>Forgets the lines so far (a test starting a second server on the same capture).</summary>
    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

/// <summary>One log line: its category, level, event id, message and exception (whose stack a log would print).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
