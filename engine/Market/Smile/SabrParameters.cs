using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>
/// SABR parameters (Hagan, Kumar, Lesniewski &amp; Woodward 2002): dF = α̂ F^β dW, dα̂ = ν α̂ dZ, d⟨W,Z⟩ = ρ dt, α̂(0) = α.
/// </summary>
public sealed record SabrParameters
{
    /// <param name="alpha">Initial volatility α &gt; 0 (in units of F^(1−β)).</param>
    /// <param name="beta">CEV exponent β in [0, 1].</param>
    /// <param name="rho">Correlation ρ in (−1, 1).</param>
    /// <param name="nu">Volatility of volatility ν &gt;= 0.</param>
    /// <exception cref="InvalidInputException">"alpha", "beta", "rho" or "nu".</exception>
    public SabrParameters(double alpha, double beta, double rho, double nu)
    {
        Alpha = Guard.Positive(alpha, "alpha");
        Beta = Guard.InRange(beta, 0, 1, "beta");
        Rho = Guard.Finite(rho, "rho");
        if (!(Math.Abs(rho) < 1)) Guard.Fail("rho", $"must lie strictly between -1 and 1, got {rho}");
        Nu = Guard.NonNegative(nu, "nu");
    }

    /// <summary>Initial volatility α.</summary>
    public double Alpha { get; }

    /// <summary>CEV exponent β.</summary>
    public double Beta { get; }

    /// <summary>Spot-vol correlation ρ.</summary>
    public double Rho { get; }

    /// <summary>Vol of vol ν.</summary>
    public double Nu { get; }
}
