using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>max(ω(S − K), 0) per path, ω = +1 for a call, −1 for a put.</summary>
internal static class VanillaPayoff
{
    public static void Apply(OptionType type, double strike, ReadOnlySpan<double> underlying, Span<double> payoff)
    {
        if (type == OptionType.Call) TensorPrimitives.Subtract(underlying, strike, payoff);
        else TensorPrimitives.Subtract(strike, underlying, payoff);
        TensorPrimitives.Max(payoff, 0.0, payoff);
    }
}
