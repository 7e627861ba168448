using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Gpu;

/// <summary>The steps a path kernel knows.</summary>
internal enum StepKind
{
    /// <summary>x' = a·x + b + c·z (+ jumps), S = exp(x): Black-76, Merton, Schwartz (<see cref="AffineLogStepper"/>).</summary>
    AffineLog = 0,

    /// <summary>W' = W + √Δt·z, J' = J + jumps − λκΔt, the price row is W: the Brownian driver of European books (<see cref="DriverStepper"/>).</summary>
    Driver = 1,

    /// <summary>x' = x − ½v + √v·z with v = σ²_loc·Δt read off the step's node grid, S = exp(x): Dupire local vol (<see cref="LocalVolatilityStepper"/>).</summary>
    LocalVolatility = 2,
}

/// <summary>
/// A group's stepper as a kernel reads it: flat arrays of per-step coefficients (three per step), a table per step end
/// to end with its offsets — the Poisson CDF thresholds (affine, driver) or the local-variance nodes (local vol) — and
/// the scalars. Built from the engine's own coefficients, so the device steps with the numbers the CPU steps with.
/// </summary>
internal sealed record DeviceModel(StepKind Kind, int StateRows, bool Jumps, double InitialLogPrice, double JumpMean, double JumpVolatility,
    double[] Coefficients, int[] TableOffsets, double[] Table)
{
    /// <summary>Coefficients per step in <see cref="Coefficients"/>.</summary>
    public const int PerStep = 3;

    /// <summary>The device form of <paramref name="stepper"/>, or null with the reason when no kernel steps it.</summary>
    public static DeviceModel? Of(IPathStepper stepper, out string? unsupported)
    {
        unsupported = null;
        switch (stepper)
        {
            case AffineLogStepper affine:
            {
                var c = affine.Coefficients;
                return Build(StepKind.AffineLog, ((IPathStepper)affine).StateRows, affine.Demand, c.InitialLogPrice, c.JumpMean, c.JumpVolatility, c.JumpCdf,
                    k => (c.A[k], c.B[k], c.C[k]));
            }
            case DriverStepper driver:
            {
                var c = driver.Coefficients;
                return Build(StepKind.Driver, ((IPathStepper)driver).StateRows, driver.Demand, 0, c.JumpMean, c.JumpVolatility, c.JumpCdf,
                    k => (c.SqrtStep[k], c.Compensator[k], 0));
            }
            case LocalVolatilityStepper local:
            {
                var (initialLogPrice, lowest, spacing, variance) = local.Grid;
                var nodes = Enumerable.Range(0, variance.Length / LocalVolatilityStepper.Nodes)
                    .Select(k => variance[(k * LocalVolatilityStepper.Nodes)..((k + 1) * LocalVolatilityStepper.Nodes)]).ToArray();
                return Build(StepKind.LocalVolatility, 1, local.Demand, initialLogPrice, 0, 0, nodes, _ => (lowest, spacing, 0));
            }
            default:
                unsupported = $"no GPU kernel for {stepper.GetType().Name} (supported: Black-76, Merton, Schwartz, local vol and the European driver)";
                return null;
        }
    }

    private static DeviceModel Build(StepKind kind, int stateRows, RandomDemand demand, double initialLogPrice, double jumpMean, double jumpVolatility,
        double[][] table, Func<int, (double, double, double)> coefficients)
    {
        int steps = table.Length;
        var flat = new double[PerStep * steps];
        var offsets = new int[steps + 1];
        for (int k = 0; k < steps; k++)
        {
            (flat[PerStep * k], flat[PerStep * k + 1], flat[PerStep * k + 2]) = coefficients(k);
            offsets[k + 1] = offsets[k] + table[k].Length;
        }
        return new DeviceModel(kind, stateRows, demand.Uniforms > 0, initialLogPrice, jumpMean, jumpVolatility, flat, offsets,
            [.. table.SelectMany(t => t)]);
    }
}
