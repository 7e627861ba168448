using CarbonDerivatives.Engine.Numerics;
namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Brownian increments of one path block from randomised Sobol' points: point indices are fixed by
/// the block (so blocks are independent of threads), each replicate XORs its own random digital shift
/// into every coordinate, the inverse normal CDF maps coordinates to normals, and a Brownian bridge
/// per factor turns them into increments. Dimension d = (bridge order j) × factors + factor.
/// </summary>
internal sealed class QuasiRandomBlockSource
{
    private readonly SobolSequence _sobol;
    private readonly BrownianBridge _bridge;
    private readonly uint[][] _shifts;
    private readonly int _factors, _steps, _width;
    private readonly uint[] _points;
    private readonly double[] _uniforms;
    private readonly double[] _normals;   // [factor][step][width]
    private readonly double[] _pathScratch;

    public QuasiRandomBlockSource(SobolSequence sobol, BrownianBridge bridge, uint[][] shifts, int factors, int width)
    {
        _sobol = sobol;
        _bridge = bridge;
        _shifts = shifts;
        _factors = factors;
        _steps = bridge.Size;
        _width = width;
        _points = new uint[width];
        _uniforms = new double[width];
        _normals = new double[factors * _steps * width];
        _pathScratch = new double[(_steps + 1) * width];
    }

    /// <summary>Digital shifts for <paramref name="replicates"/> replicates of <paramref name="dimensions"/> dimensions.</summary>
    public static uint[][] Shifts(ulong seed, int replicates, int dimensions)
    {
        var shifts = new uint[replicates][];
        for (int r = 0; r < replicates; r++)
        {
            shifts[r] = new uint[dimensions];
            for (int d = 0; d < dimensions; d++)
                shifts[r][d] = (uint)(SplitMix64.Key(seed, 0x5EED_0000UL + (ulong)r, (ulong)d) >> 32);
        }
        return shifts;
    }

    /// <summary>Generates the increments of Sobol' points [firstPoint, firstPoint + width) for a replicate.</summary>
    public void Generate(int replicate, long firstPoint)
    {
        var shift = _shifts[replicate];
        for (int f = 0; f < _factors; f++)
        {
            var factorNormals = _normals.AsSpan(f * _steps * _width, _steps * _width);
            for (int j = 0; j < _steps; j++)
            {
                int dimension = j * _factors + f;
                _sobol.FillDimension(dimension, firstPoint, _points);
                for (int i = 0; i < _width; i++) _uniforms[i] = SobolSequence.ToUniform(_points[i], shift[dimension]);
                InverseNormal.Inverse(_uniforms, factorNormals.Slice(j * _width, _width));
            }
            _bridge.Transform(factorNormals, _pathScratch, _width);
        }
    }

    /// <summary>The standardised increments of step <paramref name="step"/> for factor <paramref name="factor"/>.</summary>
    public ReadOnlySpan<double> Increments(int factor, int step) =>
        _normals.AsSpan((factor * _steps + step) * _width, _width);
}
