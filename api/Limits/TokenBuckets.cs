using System.Threading.RateLimiting;

namespace CarbonDerivatives.Api.Limits;

/// <summary>Token-bucket settings for ASP.NET Core's rate limiter: refilled ten times a second, no queue (over the budget is refused at once).</summary>
internal static class TokenBuckets
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static TokenBucketRateLimiterOptions Of(long perSecond, long burst) => new()
    {
        TokenLimit = checked((int)Math.Max(1, burst)),
        TokensPerPeriod = checked((int)Math.Max(1, perSecond / 10)),
        ReplenishmentPeriod = Period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>When a refused lease's tokens will be there again (the bucket's own estimate, else one refill period).</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) && after > TimeSpan.Zero ? after : Period;
}
