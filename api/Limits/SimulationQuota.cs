using System.Security.Claims;
using System.Threading.RateLimiting;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Limits;

/// <summary>
/// Monte Carlo work per principal: a token bucket of path-steps (one token per 1,000), sized by the principal's
/// role. A request asking for more than the bucket holds now is refused with RESOURCE_EXHAUSTED, a QuotaFailure and
/// a RetryInfo; one larger than the whole bucket can never run and says so.
/// </summary>
public sealed class SimulationQuota : IDisposable
{
    public const string Subject = "principal.path_steps";
    private const long PathStepsPerToken = 1_000;

    private readonly IOptions<RateLimitOptions> _options;
    private readonly PartitionedRateLimiter<(string Role, string Principal)> _buckets;

    public SimulationQuota(IOptions<RateLimitOptions> options)
    {
        _options = options;
        _buckets = PartitionedRateLimiter.Create<(string Role, string Principal), (string Role, string Principal)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var limits = _options.Value.For(k.Role);
                return TokenBuckets.Of(limits.PathStepsPerSecond / PathStepsPerToken, limits.PathStepBurst / PathStepsPerToken);
            }));
    }

    /// <summary>Takes <paramref name="pathSteps"/> from <paramref name="user"/>'s bucket, or throws RESOURCE_EXHAUSTED.</summary>
    public void Charge(ClaimsPrincipal user, long pathSteps)
    {
        string role = CarbonRoles.Highest(user) ?? CarbonRoles.Reader;
        string principal = CarbonPrincipals.Key(user);
        long burst = _options.Value.For(role).PathStepBurst;
        if (pathSteps > burst)
            throw RpcErrors.ResourceExhausted(Subject, $"the request asks for {pathSteps:N0} path-steps; a {role} may use at most {burst:N0} at once");
        int tokens = (int)Math.Min(burst / PathStepsPerToken, (pathSteps + PathStepsPerToken - 1) / PathStepsPerToken);
        using var lease = _buckets.AttemptAcquire((role, principal), Math.Max(tokens, 1));
        if (!lease.IsAcquired)
            throw RpcErrors.QuotaExceeded(Subject, $"{principal} is over its Monte Carlo budget ({pathSteps:N0} path-steps asked)",
                TokenBuckets.RetryAfter(lease)).ToRpcException();
    }

    public void Dispose() => _buckets.Dispose();
}
