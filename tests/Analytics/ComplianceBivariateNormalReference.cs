using CarbonDerivatives.Engine.Products;
using MathNet.Numerics.Distributions;
using QL = QLNet;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// European options in the compliance model in closed form through the bivariate normal CDF, an
/// independent route to the engine's 1-D integral. With y₀ = Φ⁻¹(A₀/π), ρ² = 1 − v(τ,T)/v(0,T) =
/// 1 − (1 − τ/T)^β, s = ρ/√(1 − ρ²), Φ⁻¹(A_τ/π) = y₀√(1 + s²) + s·X and the exercise boundary
/// x* = (Φ⁻¹(K/π) − y₀√(1 + s²))/s, writing Φ(m + sX) = P(ξ ≤ m + sX) for an independent ξ gives
/// call = DF·[π·Φ₂(y₀, −x*; ρ) − K·Φ(−x*)] and put = DF·[K·Φ(x*) − π·Φ₂(y₀, x*; −ρ)].
/// Φ₂ is QLNet's BivariateCumulativeNormalDistributionWe04DP (Genz 2004 / West 2005, double precision).
/// </summary>
internal static class ComplianceBivariateNormalReference
{
    public static double Price(OptionType type, double penalty, double complianceDate, double initialPrice, double exponent,
        double strike, double expiry, double discountFactor)
    {
        double rhoSquared = 1 - Math.Pow(1 - expiry / complianceDate, exponent);
        double rho = Math.Sqrt(rhoSquared);
        double s = rho / Math.Sqrt(1 - rhoSquared);
        double y0 = Normal.InvCDF(0, 1, initialPrice / penalty);
        double boundary = (Normal.InvCDF(0, 1, strike / penalty) - y0 * Math.Sqrt(1 + s * s)) / s;
        return type == OptionType.Call
            ? discountFactor * (penalty * Bivariate(y0, -boundary, rho) - strike * Normal.CDF(0, 1, -boundary))
            : discountFactor * (strike * Normal.CDF(0, 1, boundary) - penalty * Bivariate(y0, boundary, -rho));
    }

    private static double Bivariate(double x, double y, double rho) => new QL.BivariateCumulativeNormalDistributionWe04DP(rho).value(x, y);
}
