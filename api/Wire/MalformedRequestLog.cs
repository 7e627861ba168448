namespace CarbonDerivatives.Api.Wire;

/// <summary>
/// One warning line, without a stack trace, per malformed request, at most one a second: a client (or an
/// attacker) sending garbage cannot flood the log. The line after a quiet spell says how many were not logged.
/// </summary>
public sealed partial class MalformedRequestLog(ILogger<MalformedRequestLog> logger, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _suppressed;

    public MalformedRequestLog(ILogger<MalformedRequestLog> logger) : this(logger, TimeProvider.System) { }

    public void Report(string rpc, string reason)
    {
        long suppressed;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now < _next)
            {
                _suppressed++;
                return;
            }
            _next = now + Interval;
            suppressed = _suppressed;
            _suppressed = 0;
        }
        LogMalformed(rpc, reason, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "malformed request message on {Rpc}: {Reason} (INVALID_ARGUMENT; {Suppressed} more not logged since the last line)")]
    private partial void LogMalformed(string rpc, string reason, long suppressed);
}
