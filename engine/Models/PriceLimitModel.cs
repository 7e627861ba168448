using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Daily price limits (China CEA: ±10% of the previous close, MARKETS.md) on top of any model. Each
/// grid step is one trading session. A latent "fundamental" price F* follows <see cref="Inner"/>; the
/// settlement price moves toward it each session by at most ±L of the previous settlement:
/// S_{k+1} = clamp(F*_{k+1}, S_k(1 − L), S_k(1 + L)), S_0 = F*_0. After a limit-locked session the
/// settlement keeps catching up over the following sessions, as limit-locked markets do; the paths the
/// model produces are settlement prices (what an option on the settlement pays on).
/// <para>
/// E[S_k] has no closed form, so <see cref="IPathStepper.ExpectedPrices"/> are NaN and the simulator
/// refuses a control variate on these paths ("monteCarlo.controlVariate") rather than bias it. With no
/// limit (null) the model is <see cref="Inner"/> itself.
/// </para>
/// </summary>
public sealed record PriceLimitModel : IPathModel
{
    /// <param name="inner">Dynamics of the fundamental price.</param>
    /// <param name="limit">L, the largest relative move per session (0.10 = ±10%); in (0, 1); null for none.</param>
    /// <exception cref="InvalidInputException">"limit" when not in (0, 1).</exception>
    public PriceLimitModel(IPathModel inner, double? limit)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (limit is { } l && !(l > 0 && l < 1)) Guard.Fail("limit", $"must lie strictly between 0 and 1 (a fraction of the previous settlement), got {l}");
        Inner = inner;
        Limit = limit;
    }

    /// <summary>Dynamics of the fundamental price.</summary>
    public IPathModel Inner { get; }

    /// <summary>Largest relative settlement move per session; null for no limit.</summary>
    public double? Limit { get; }

    /// <summary>Today's settlement (= fundamental) price.</summary>
    public double InitialPrice => Inner.InitialPrice;

    public IPathStepper Prepare(TimeGrid grid)
    {
        var inner = Inner.Prepare(grid);
        return Limit is { } limit ? new PriceLimitStepper(inner, limit, InitialPrice) : inner;
    }
}
