using CarbonDerivatives.Engine.Products;
using QL = QLNet;

namespace CarbonDerivatives.Tests.Heston;

/// <summary>
/// QLNet's AnalyticHestonEngine (Heston's two probabilities P₁, P₂ with Gatheral's form of the complex log, adaptive
/// Gauss–Lobatto at a relative tolerance of 1e-13) on a futures price: dividend discount = risk-free discount, so the
/// underlying has zero carry, and the spot is the futures price. A formulation independent of the engine's Lewis
/// integral (one integral of φ(u − i/2) instead of two of P₁ and P₂).
/// </summary>
internal static class QlnetHestonReference
{
    public static double Price(OptionType type, double forward, double strike, double expiry, double v0, double kappa, double theta,
        double xi, double rho, double discountFactor)
    {
        double? value = null;
        int evaluations = 0;
        var payoff = new QL.PlainVanillaPayoff(type == OptionType.Call ? QL.Option.Type.Call : QL.Option.Type.Put, strike);
        QL.AnalyticHestonEngine.doCalculation(discountFactor, discountFactor, forward, strike, expiry, kappa, theta, xi, v0, rho, payoff,
            QL.AnalyticHestonEngine.Integration.gaussLobatto(1e-13, 1e-14, 100_000), QL.AnalyticHestonEngine.ComplexLogFormula.Gatheral,
            null, ref value, ref evaluations);
        return value!.Value;
    }
}
