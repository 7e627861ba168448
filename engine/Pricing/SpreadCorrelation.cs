using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>The correlation of a spread's legs: given, or from the term structure ρ = exp(−β|T₁ − T₂|) of their deliveries.</summary>
public abstract record SpreadCorrelation
{
    private protected SpreadCorrelation() { }

    /// <summary>ρ for <paramref name="option"/> in <paramref name="market"/>.</summary>
    public abstract double For(SpreadOption option, MarketSnapshot market);
}

/// <summary>A given correlation ρ in [−1, 1].</summary>
public sealed record FixedCorrelation(double Rho) : SpreadCorrelation
{
    public override double For(SpreadOption option, MarketSnapshot market) => Rho;
}

/// <summary>ρ = exp(−β|T₁ − T₂|) with T the years to each leg's delivery (calendar spreads; <see cref="TermStructureCorrelation"/>).</summary>
/// <param name="TermStructureDecay">β per year, ≥ 0.</param>
public sealed record DecayingCorrelation(double TermStructureDecay) : SpreadCorrelation
{
    public override double For(SpreadOption option, MarketSnapshot market) => TermStructureCorrelation.Exponential(TermStructureDecay,
        market.TimeTo(option.Leg1.FuturesDelivery), market.TimeTo(option.Leg2.FuturesDelivery));
}
