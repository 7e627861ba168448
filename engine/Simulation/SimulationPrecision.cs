namespace CarbonDerivatives.Engine.Simulation;

/// <summary>The arithmetic of path generation. Payoffs and their moments are double precision either way.</summary>
public enum SimulationPrecision
{
    /// <summary>Double precision throughout: the reference.</summary>
    Double,

    /// <summary>
    /// Normals, states and prices in single precision, 16 lanes on AVX-512 (<see cref="Single.SingleFunctions"/>), the
    /// prices widened to double for the payoffs; for the lognormal models without jumps (Black-76, Schwartz one-factor)
    /// on pseudo-random draws. Prices agree with double within their standard errors.
    /// </summary>
    Single,
}
