namespace CarbonDerivatives.Engine.Simulation;

/// <summary>The estimate of every measure of a <see cref="SimulationJob"/>, in measure order.</summary>
/// <param name="Estimates">One per measure.</param>
/// <param name="Paths">Paths per group, mirrors included.</param>
/// <param name="Elapsed">Wall time of the simulation.</param>
public sealed record SimulationResult(IReadOnlyList<MonteCarloEstimate> Estimates, long Paths, TimeSpan Elapsed)
{
    public MonteCarloEstimate this[int measure] => Estimates[measure];

    /// <summary>The back end that computed the paths (<see cref="Backends.ISimulationBackend.Name"/>).</summary>
    public string Backend { get; init; } = Backends.CpuBackend.Instance.Name;
}
