using CarbonDerivatives.Engine.Market.Smile;
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

/// <summary>
/// Schwartz one-factor mean reversion of the spot (<see cref="SchwartzFuturesModel"/>): the market's volatility is
/// the spot's σ; a future delivering at T moves with σ·e^{−κ(T − t)}, so options on distant deliveries see a lower
/// Black volatility. <see cref="MeanReversion"/> κ per year; 0 is Black-76.
/// </summary>
public sealed record SchwartzDynamics(double MeanReversion) : ValuationModel;

/// <summary>
/// The structural compliance model (<see cref="CompliancePenaltyModel"/>): the future delivering at the
/// compliance date is worth <see cref="Penalty"/> times the probability of non-compliance. With
/// <see cref="TimeChangeExponent"/> null, β is calibrated so the model's ATM volatility at the option's expiry
/// is the market's (then vega is the sensitivity to that market vol).
/// </summary>
public sealed record ComplianceDynamics(double Penalty, double? TimeChangeExponent) : ValuationModel;

/// <summary>
/// Heston stochastic variance (<see cref="HestonParameters"/>): Europeans by the Lewis Fourier integral, simulated
/// products by Andersen's QE scheme. Without a given v₀ the market's volatility at the option sets v₀ = σ².
/// </summary>
public sealed record HestonDynamics(HestonParameters Parameters) : ValuationModel;

/// <summary>
/// Markov-switching volatility (<see cref="RegimeSwitchingParameters"/>): the regimes' vols and chain, today's regime
/// probabilities (a fit's filter). Europeans by the occupation-time mixture, other products by simulation. The market's
/// volatility is not used (vega is 0: the regimes' vols are the model's).
/// </summary>
public sealed record RegimeSwitchingDynamics(RegimeSwitchingParameters Parameters) : ValuationModel;

/// <summary>
/// Dupire local volatility from the market's smile surface (<see cref="LocalVolatilityModel"/>): what path-dependent products
/// are simulated under when the market holds a <see cref="SmileSurface"/> and the model is Black-76, so their prices agree
/// with the smile's Europeans. <see cref="BaseVolatility"/> is the product's implied vol at its strike: a bumped vol (vega)
/// shifts the local vol by the bump.
/// </summary>
public sealed record LocalVolatilityDynamics(SmileSurface Surface, double BaseVolatility) : ValuationModel;
