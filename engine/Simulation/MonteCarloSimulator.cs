using System.Diagnostics;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The parallel Monte Carlo driver: validates the request against the limits, cuts it into path blocks
/// (<see cref="SimulationPlan"/>), lets one worker per core pull blocks, and merges the block moments
/// in block order into an estimate with its standard error.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>
    /// Estimates E[payoff] under <paramref name="model"/> on <paramref name="grid"/> (undiscounted,
    /// per unit). Throws <see cref="InvalidInputException"/> or <see cref="BudgetExceededException"/>
    /// before doing any work, and <see cref="OperationCanceledException"/> within milliseconds of
    /// <paramref name="cancellation"/> firing.
    /// </summary>
    public static MonteCarloEstimate Run(IPathModel model, TimeGrid grid, IPathPayoff payoff, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(payoff);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(grid.Count, limits ?? SimulationLimits.Default);
        var clock = Stopwatch.StartNew();
        var stepper = model.Prepare(grid);
        if (settings.ControlVariate && HasUnknownMean(stepper))
            Guard.Fail("settings.controlVariate", "the model's expected prices have no closed form (e.g. under daily price limits): a control variate would be biased");
        var plan = new SimulationPlan(settings, grid.Count);
        Func<QuasiRandomBlockSource?> quasi = QuasiRandomSources(settings, grid, stepper.Demand.BrownianFactors);

        var moments = new SampleMoments[plan.BlockCount];
        long next = -1;
        int workers = (int)Math.Min(settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount, plan.BlockCount);
        double controlMean = 0;
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, w =>
            {
                var worker = new PathBlockWorker(plan, stepper, payoff, quasi());
                if (w == 0) controlMean = worker.ControlMean;
                for (long block = Interlocked.Increment(ref next); block < plan.BlockCount; block = Interlocked.Increment(ref next))
                    moments[block] = worker.Run(block, cancellation);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("The simulation was cancelled.", e, cancellation);
        }

        return Estimate(plan, moments, settings, controlMean, grid.Count, clock.Elapsed);
    }

    /// <summary>A NaN expected price marks a model whose mean has no closed form.</summary>
    private static bool HasUnknownMean(IPathStepper stepper)
    {
        foreach (double mean in stepper.ExpectedPrices)
            if (double.IsNaN(mean)) return true;
        return false;
    }

    private static Func<QuasiRandomBlockSource?> QuasiRandomSources(MonteCarloSettings settings, TimeGrid grid, int factors)
    {
        if (settings.Random != RandomKind.SobolBrownianBridge) return () => null;
        int dimensions = grid.Count * factors;
        if (dimensions > SobolSequence.MaxDimensions)
            Guard.Fail("settings.steps", $"Sobol' points support {SobolSequence.MaxDimensions} dimensions; {grid.Count} steps x {factors} factors need {dimensions}");
        var sobol = new SobolSequence(dimensions);
        var bridge = new BrownianBridge(grid);
        var shifts = QuasiRandomBlockSource.Shifts(settings.Seed, settings.QuasiRandomReplicates, dimensions);
        int width = settings.Antithetic ? SimulationPlan.BlockSize / 2 : SimulationPlan.BlockSize;
        return () => new QuasiRandomBlockSource(sobol, bridge, shifts, factors, width);
    }

    private static MonteCarloEstimate Estimate(SimulationPlan plan, SampleMoments[] blocks, MonteCarloSettings settings,
        double controlMean, int steps, TimeSpan elapsed)
    {
        var replicates = new SampleMoments[plan.Replicates];
        for (long b = 0; b < blocks.Length; b++)
        {
            int r = (int)(b / plan.BlocksPerReplicate);
            replicates[r] = replicates[r].Merge(blocks[b]);
        }
        var all = replicates.Aggregate(default(SampleMoments), (total, r) => total.Merge(r));
        double? beta = settings.ControlVariate ? all.Beta : null;
        // Without a control variate the control's mean is not used (it may be unknown: NaN).
        double Adjusted(SampleMoments m) => beta is { } b ? m.MeanY - b * (m.MeanX - controlMean) : m.MeanY;

        if (plan.Replicates == 1)
        {
            double variance = beta is null ? all.VarianceY : all.ResidualVariance;
            double reduction = variance > 0 ? all.VarianceY / variance : 1;
            return new MonteCarloEstimate(Adjusted(all), Math.Sqrt(variance / all.Count), settings.Paths, steps, beta, reduction, elapsed);
        }

        // Randomised QMC: the replicates are i.i.d. estimates; their spread gives the standard error.
        var estimates = replicates.Select(Adjusted).ToArray();
        var plain = replicates.Select(m => m.MeanY).ToArray();
        double value = estimates.Average();
        double spread = SampleVariance(estimates);
        double plainSpread = SampleVariance(plain);
        return new MonteCarloEstimate(value, Math.Sqrt(spread / estimates.Length), settings.Paths, steps, beta,
            spread > 0 ? plainSpread / spread : 1, elapsed);
    }

    private static double SampleVariance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
