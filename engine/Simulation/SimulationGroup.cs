using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// One piece of a Monte Carlo job: a model prepared on a time grid and the payoff read on its paths. Every
/// group of a job draws from the same block streams (common random numbers), so the outputs of different
/// groups — a product and its bumped copies, the positions of a book — combine path by path, and their
/// combinations come with honest standard errors. Immutable; shared by all worker threads.
/// </summary>
public sealed class SimulationGroup
{
    /// <param name="model">The dynamics (initial price included).</param>
    /// <param name="grid">Simulation times.</param>
    /// <param name="payoff">What is computed on each path.</param>
    /// <param name="streamTag">Separates families of random streams under one seed; 0 is the engine's one stream.</param>
    public SimulationGroup(IPathModel model, TimeGrid grid, IPathPayoff payoff, ulong streamTag = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(payoff);
        Grid = grid;
        _stepper = new Lazy<IPathStepper>(() => model.Prepare(grid));
        _probe = new Lazy<IPayoffAccumulator>(() => payoff.CreateAccumulator(SimulationPlan.BlockSize, Stepper));
        Payoff = payoff;
        StreamTag = streamTag;
    }

    private SimulationGroup(SimulationGroup source, ulong streamTag)
    {
        Grid = source.Grid;
        _stepper = source._stepper;
        _probe = source._probe;
        Payoff = source.Payoff;
        StreamTag = streamTag;
    }

    /// <summary>The same group drawing from the streams tagged <paramref name="streamTag"/> (the prepared model is shared).</summary>
    public SimulationGroup WithStreamTag(ulong streamTag) => streamTag == StreamTag ? this : new SimulationGroup(this, streamTag);

    // Prepared on first use, so that a job checks its budget before any per-step coefficients are allocated.
    private readonly Lazy<IPathStepper> _stepper;
    private readonly Lazy<IPayoffAccumulator> _probe;

    /// <summary>Simulation times.</summary>
    public TimeGrid Grid { get; }

    /// <summary>The model's step coefficients on <see cref="Grid"/>.</summary>
    public IPathStepper Stepper => _stepper.Value;

    /// <summary>E[output] of the payoff under the group's dynamics where known exactly (a control variate's mean), else NaN.</summary>
    public double KnownMean(int output) => _probe.Value.KnownMean(output);

    /// <summary>What is computed on each path.</summary>
    public IPathPayoff Payoff { get; }

    /// <summary>Tag of the random streams.</summary>
    public ulong StreamTag { get; }

    /// <summary>Time steps per path.</summary>
    public int Steps => Grid.Count;
}
