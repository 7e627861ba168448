namespace CarbonDerivatives.Engine.Numerics;

/// <summary>The standard normal distribution: Φ via MathNet's erfc (full double precision in both tails) and its density.</summary>
public static class NormalDistribution
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>Φ(x) = ½·erfc(−x/√2).</summary>
    public static double Cdf(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x * InvSqrt2);

    /// <summary>φ(x) = e^{−x²/2}/√(2π).</summary>
    public static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);
}
