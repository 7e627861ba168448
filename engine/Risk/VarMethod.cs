namespace CarbonDerivatives.Engine.Risk;

/// <summary>How the portfolio is revalued in each VaR scenario.</summary>
public enum VarMethod
{
    /// <summary>Every position revalued with its closed form.</summary>
    FullRevaluation,
    /// <summary>Second-order Taylor expansion: Σ Δ·dF + ½Γ·dF² + Θ·h with closed-form (Black-76) Greeks.</summary>
    DeltaGamma,
}
