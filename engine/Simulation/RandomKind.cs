namespace CarbonDerivatives.Engine.Simulation;

/// <summary>Source of the Brownian increments.</summary>
public enum RandomKind
{
    /// <summary>xoshiro256+ streams per path block, Box–Muller normals.</summary>
    Pseudo,

    /// <summary>
    /// Sobol' points (Joe–Kuo directions) with a Brownian bridge, randomised by independent digital
    /// shifts per replicate so the standard error is measured, not guessed.
    /// </summary>
    SobolBrownianBridge,
}
