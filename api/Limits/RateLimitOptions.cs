using CarbonDerivatives.Api.Security;

namespace CarbonDerivatives.Api.Limits;

/// <summary>
/// Per-principal budgets by role: section <c>Carbon:RateLimits</c>, e.g. <c>Carbon:RateLimits:reader:CallsPerSecond</c>.
/// Each principal (API key, JWT subject, client certificate, or all anonymous callers together) has two token
/// buckets of its role's size: calls, and Monte Carlo work in path-steps (paths x time steps a request asks for).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Carbon:RateLimits";

    public RoleLimits Reader { get; set; } = new();
    public RoleLimits Writer { get; set; } = new() { PathStepsPerSecond = 2_000_000_000, PathStepBurst = 8_000_000_000 };
    public RoleLimits Admin { get; set; } = new() { PathStepsPerSecond = 2_000_000_000, PathStepBurst = 8_000_000_000 };

    public RoleLimits For(string role) => role switch
    {
        CarbonRoles.Admin => Admin,
        CarbonRoles.Writer => Writer,
        _ => Reader,
    };
}

/// <summary>One role's buckets: a sustained rate and a burst (the bucket's size) for calls and for path-steps.</summary>
public sealed class RoleLimits
{
    public int CallsPerSecond { get; set; } = 100_000;
    public int CallBurst { get; set; } = 200_000;
    public long PathStepsPerSecond { get; set; } = 1_000_000_000;

    /// <summary>At least the largest single request (Carbon:MaxPathSteps), or such a request could never run.</summary>
    public long PathStepBurst { get; set; } = 4_000_000_000;
}
