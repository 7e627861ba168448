namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The random numbers for one step of one path block, each a structure-of-arrays span of
/// <c>count x blockSize</c> values (factor-major). Antithetic partners are already in place.
/// </summary>
public readonly ref struct StepRandoms
{
    public StepRandoms(ReadOnlySpan<double> brownian, ReadOnlySpan<double> uniforms)
    {
        Brownian = brownian;
        Uniforms = uniforms;
    }

    /// <summary>Standard normal Brownian increments, already divided by sqrt(dt).</summary>
    public ReadOnlySpan<double> Brownian { get; }

    /// <summary>Uniforms in (0, 1), e.g. for Poisson jump counts and sizes by inversion.</summary>
    public ReadOnlySpan<double> Uniforms { get; }
}
