namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The random numbers a model consumes per path and per step. <see cref="BrownianFactors"/> are the
/// Brownian increments (quasi-random and bridged when Sobol is chosen); <see cref="Uniforms"/> always come from
/// the block's pseudo-random stream (jump counts and sizes, regime and variance draws). Consumption is fixed,
/// which keeps streams reproducible under any re-chunking.
/// </summary>
public readonly record struct RandomDemand(int BrownianFactors, int Uniforms);
