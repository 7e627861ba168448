using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Black-76: the futures price is a driftless geometric Brownian motion under the pricing measure,
/// dF/F = σ dW. Each step is sampled exactly: ln F_{k+1} = ln F_k − ½σ²Δt + σ√Δt·z.
/// </summary>
public sealed record Black76Model : IPathModel
{
    public Black76Model(double forward, double volatility)
    {
        InitialPrice = Guard.Positive(forward, "forward");
        Volatility = Guard.InRange(volatility, 0, 10, "volatility");
    }

    /// <summary>Futures price today, currency per unit.</summary>
    public double InitialPrice { get; }

    /// <summary>Lognormal volatility per annum (0.45 = 45%).</summary>
    public double Volatility { get; }

    public IPathStepper Prepare(TimeGrid grid) => new MertonJumpDiffusionModel(InitialPrice, Volatility, null).Prepare(grid);
}
