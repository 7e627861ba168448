namespace CarbonDerivatives.Engine.Pricing;

/// <summary>The figures a valuation can report; a simulated valuation reads each off its own measure.</summary>
public enum Figure
{
    Value,
    Delta,
    Gamma,
    Vega,
    Theta,
    Rho,
    /// <summary>The value without the daily price limit, on the same paths.</summary>
    WithoutLimits,
    CrnDelta,
    CrnGamma,
    CrnVega,
    CrnTheta,
    Delta1,
    Delta2,
    Gamma1,
    Gamma2,
    CrossGamma,
    Vega1,
    Vega2,
    CorrelationSensitivity,
}
