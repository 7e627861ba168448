using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// A book's risk between planning and reading: the one simulation job of its simulated positions (null when every
/// position has a closed form), and how to turn the job's result into the <see cref="PortfolioRisk"/>. The job's
/// blocks may run anywhere — threads, machines — in any cut: merged, they give the same bits.
/// </summary>
public sealed class PreparedPortfolioRisk
{
    private readonly Func<SimulationResult?, TimeSpan, PortfolioRisk> _finish;
    private int _finished;

    internal PreparedPortfolioRisk(SimulationJob? job, Func<SimulationResult?, TimeSpan, PortfolioRisk> finish)
    {
        Job = job;
        _finish = finish;
    }

    /// <summary>The book's simulation; null when nothing is simulated.</summary>
    public SimulationJob? Job { get; }

    /// <summary>The risk from the job's result (null without a job); <paramref name="elapsed"/> is reported as the computation's time. Once only.</summary>
    public PortfolioRisk Finish(SimulationResult? result, TimeSpan elapsed)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) throw new InvalidOperationException("a prepared portfolio risk is read once");
        if ((Job is null) != (result is null)) throw new ArgumentException("a result is needed exactly when there is a job", nameof(result));
        return _finish(result, elapsed);
    }
}
