using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>
/// Raw SVI (Gatheral 2004): total implied variance w(k) = a + b·(ρ(k − m) + √((k − m)² + σ²)) at log-moneyness k = ln(K/F).
/// </summary>
public sealed record SviParameters
{
    /// <param name="a">Level a.</param>
    /// <param name="b">Slope b &gt;= 0.</param>
    /// <param name="rho">Rotation ρ in (−1, 1).</param>
    /// <param name="m">Shift m.</param>
    /// <param name="sigma">ATM curvature σ &gt; 0.</param>
    /// <exception cref="InvalidInputException">A parameter out of range, or "a" when the minimum variance a + bσ√(1−ρ²) is negative.</exception>
    public SviParameters(double a, double b, double rho, double m, double sigma)
    {
        A = Guard.Finite(a, "a");
        B = Guard.NonNegative(b, "b");
        Rho = Guard.Finite(rho, "rho");
        if (!(Math.Abs(rho) < 1)) Guard.Fail("rho", $"must lie strictly between -1 and 1, got {rho}");
        M = Guard.Finite(m, "m");
        Sigma = Guard.Positive(sigma, "sigma");
        if (MinimumVariance < 0) Guard.Fail("a", $"gives a negative minimum total variance a + b·sigma·sqrt(1 - rho²) = {MinimumVariance}");
    }

    /// <summary>Level a.</summary>
    public double A { get; }

    /// <summary>Slope b.</summary>
    public double B { get; }

    /// <summary>Rotation ρ.</summary>
    public double Rho { get; }

    /// <summary>Shift m.</summary>
    public double M { get; }

    /// <summary>Curvature σ.</summary>
    public double Sigma { get; }

    /// <summary>The smallest total variance of the slice, a + bσ√(1−ρ²).</summary>
    public double MinimumVariance => A + B * Sigma * Math.Sqrt(1 - Rho * Rho);

    /// <summary>w(k).</summary>
    public double TotalVariance(double k)
    {
        double d = k - M;
        return A + B * (Rho * d + Math.Sqrt(d * d + Sigma * Sigma));
    }

    /// <summary>w'(k).</summary>
    public double Slope(double k)
    {
        double d = k - M;
        return B * (Rho + d / Math.Sqrt(d * d + Sigma * Sigma));
    }

    /// <summary>w''(k).</summary>
    public double Curvature(double k)
    {
        double d = k - M, r = Math.Sqrt(d * d + Sigma * Sigma);
        return B * Sigma * Sigma / (r * r * r);
    }
}
