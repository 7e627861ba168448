using System.Collections.Immutable;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// How portfolio Greeks are computed. Dynamics per underlying: Black-76 (each option at the vol its
/// surface gives for its expiry and strike), or Merton jump-diffusion when <see cref="Jumps"/> names
/// the underlying (the surface vol is then the diffusion vol, as in
/// <see cref="Analytics.MonteCarloFuturesOptionPricer.PriceMerton"/>).
/// All deliveries of one underlying are driven by the same Brownian motion and jumps (perfectly
/// correlated term structure, each delivery with its own vol): one simulation per underlying serves
/// every position on it. Antithetic variates are always used.
/// </summary>
public sealed record RiskSettings
{
    /// <summary>Analytic where possible, or Monte Carlo for every option.</summary>
    public RiskMethod Method { get; init; } = RiskMethod.Analytic;

    /// <summary>Paths per underlying, mirrors included; even.</summary>
    public long Paths { get; init; } = 100_000;

    /// <summary>Seed of every stream; each underlying draws from its own stream tagged by its code.</summary>
    public ulong Seed { get; init; } = 20_260_101;

    /// <summary>Jump components by underlying code; absent underlyings are Black-76.</summary>
    public ImmutableDictionary<string, LogNormalJumps> Jumps { get; init; } = ImmutableDictionary<string, LogNormalJumps>.Empty;

    /// <summary>Relative futures-price bump h of the CRN delta and gamma (0.01 = 1%).</summary>
    public double RelativePriceBump { get; init; } = 0.01;

    /// <summary>Absolute vol bump dσ of the CRN vega (0.01 = one vol point).</summary>
    public double VolBump { get; init; } = 0.01;

    /// <summary>Calendar days δ of the CRN theta (the path observed δ before expiry).</summary>
    public int ThetaDays { get; init; } = 1;

    /// <summary>Worker threads; null uses every core. Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidInputException">"settings.paths", "settings.relativePriceBump", "settings.volBump",
    /// "settings.thetaDays", "settings.maxDegreeOfParallelism", "settings.method" or "settings.jumps[CODE]".</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method)) Guard.Fail("settings.method", $"unknown method {(int)Method}");
        if (Paths < 2 || Paths > 100_000_000) Guard.Fail("settings.paths", $"must lie in [2, 100,000,000], got {Paths}");
        if (Paths % 2 != 0) Guard.Fail("settings.paths", $"must be even (antithetic pairs), got {Paths}");
        Guard.InRange(RelativePriceBump, 1e-6, 0.5, "settings.relativePriceBump");
        Guard.InRange(VolBump, 1e-6, 0.5, "settings.volBump");
        Guard.InRange(ThetaDays, 1, 365, "settings.thetaDays");
        if (MaxDegreeOfParallelism is { } threads) Guard.InRange(threads, 1, 1024, "settings.maxDegreeOfParallelism");
        foreach (var (code, jumps) in Jumps)
            if (jumps is null) Guard.Fail($"settings.jumps[{code}]", "must not be null");
    }
}
