using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation.Backends;

/// <summary>
/// A group's payoff read on paths another back end simulated: the accumulator sees the same prices and states,
/// step after step, as on <see cref="PathBlockSimulator"/>, so equal paths give equal outputs bit for bit.
/// </summary>
internal sealed class ReplayedPathBlock : IGroupBlockSimulator
{
    private readonly SimulationGroup _group;
    private readonly int _index;
    private readonly IBlockPaths _paths;
    private readonly IPayoffAccumulator _accumulator;
    private readonly IStateObservingAccumulator? _stateObserver;

    public ReplayedPathBlock(SimulationGroup group, int index, IBlockPaths paths)
    {
        _group = group;
        _index = index;
        _paths = paths;
        _accumulator = group.Payoff.CreateAccumulator(SimulationPlan.BlockSize, group.Stepper);
        _stateObserver = _accumulator as IStateObservingAccumulator;
    }

    public void Run(long block, PathOutputs outputs, CancellationToken cancellation)
    {
        _accumulator.Reset(block);
        for (int step = 0; step < _group.Steps; step++)
        {
            _accumulator.Observe(step, _paths.Prices(_index, block, step));
            _stateObserver?.ObserveState(step, _paths.State(_index, block, step));
        }
        _accumulator.Complete(outputs);
    }
}
