namespace CarbonDerivatives.Engine.Risk;

/// <summary>How option positions are valued for Greeks.</summary>
public enum RiskMethod
{
    /// <summary>Closed forms where one exists (Black-76); underlyings with jumps are simulated.</summary>
    Analytic,
    /// <summary>One shared Monte Carlo pass per underlying: pathwise delta and vega, likelihood-ratio
    /// gamma, CRN-bump theta, and CRN bumps of delta, gamma and vega beside them.</summary>
    MonteCarlo,
}
