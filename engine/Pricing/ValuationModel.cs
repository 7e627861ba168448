using CarbonDerivatives.Engine.Models;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>The dynamics a valuation uses, on top of the market's futures price and volatility.</summary>
public abstract record ValuationModel
{
    private protected ValuationModel() { }
}

/// <summary>Black-76: lognormal futures price with the market's volatility.</summary>
public sealed record Black76Dynamics : ValuationModel;

/// <summary>Merton jump-diffusion: the market's volatility as the diffusion part plus <see cref="Jumps"/>.</summary>
public sealed record MertonDynamics(LogNormalJumps Jumps) : ValuationModel;
