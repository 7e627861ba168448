namespace CarbonDerivatives.Engine.Pricing;

/// <summary>How a valuation is computed.</summary>
public enum ValuationMethod
{
    /// <summary>Closed form where one exists (Black-76, Merton series): the fast path.</summary>
    Analytic,

    /// <summary>Monte Carlo: every figure with its standard error.</summary>
    MonteCarlo,
}
