using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// A valuation planned and checked but not yet simulated: the Monte Carlo job to run (null for a closed form), and how
/// its result becomes the valuation of the requested quantity. Whoever runs the job (this node's cores, or shards of
/// its blocks on other nodes merged in block order) hands the result to <see cref="Finish"/>.
/// </summary>
public sealed class PreparedValuation
{
    private readonly Func<SimulationResult?, Valuation> _finish;

    internal PreparedValuation(SimulationJob? job, Func<SimulationResult?, Valuation> finish)
    {
        Job = job;
        _finish = finish;
    }

    /// <summary>The simulation still to run; null when the valuation is known already.</summary>
    public SimulationJob? Job { get; }

    /// <summary>The valuation, scaled to the quantity, from the result of <see cref="Job"/> (null when there is no job).</summary>
    public Valuation Finish(SimulationResult? result)
    {
        if ((Job is null) != (result is null)) throw new ArgumentException(Job is null ? "a closed form takes no simulation result" : "the job's result is required", nameof(result));
        return _finish(result);
    }

    /// <summary>Runs the job, if any, on this node and finishes.</summary>
    public Valuation Run(CancellationToken cancellation = default) => Finish(Job?.Run(cancellation: cancellation));
}
