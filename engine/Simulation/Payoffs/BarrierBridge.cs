using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// Where a continuously monitored barrier's Brownian bridge takes the variance σ²Δt of each step: fixed per step (Black-76:
/// one vol), or the stepper's own variance at each path's price at the start of the step (local volatility), which is the
/// variance the step was drawn with, so the bridge is exact for the simulated (Euler) scheme.
/// </summary>
public sealed class BarrierBridge
{
    private BarrierBridge(double[]? fixedVariances) => FixedVariances = fixedVariances;

    /// <summary>The stepper's variance per path and step; the stepper must be an <see cref="IStepVariance"/>.</summary>
    public static BarrierBridge OfStepper { get; } = new(null);

    /// <summary>σ²Δt of each grid step, the same on every path; null when the stepper gives them.</summary>
    internal double[]? FixedVariances { get; }

    /// <summary>One variance σ²Δt per grid step, each &gt;= 0.</summary>
    public static BarrierBridge Fixed(IReadOnlyList<double> variances)
    {
        ArgumentNullException.ThrowIfNull(variances);
        var copy = new double[variances.Count];
        for (int i = 0; i < copy.Length; i++) copy[i] = Guard.NonNegative(variances[i], $"bridgeVariances[{i}]");
        return new BarrierBridge(copy);
    }
}
