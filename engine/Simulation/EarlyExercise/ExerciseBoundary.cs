using System.Numerics.Tensors;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The fitted continuation value per exercise date of a Longstaff–Schwartz regression:
/// C_j(x) = β0 + β1·x + β2·x² + β3·x³ with x = S/K, in the units of the payoff valued at expiry.
/// Where too few in-the-money training paths existed to fit, the date is inactive (never exercise there).
/// The last date (expiry) has no continuation.
/// </summary>
internal sealed class ExerciseBoundary
{
    /// <summary>Basis functions 1, x, x², x³.</summary>
    public const int BasisSize = 4;

    private readonly double[] _coefficients;
    private readonly bool[] _active;

    public ExerciseBoundary(int exerciseCount)
    {
        _coefficients = new double[exerciseCount * BasisSize];
        _active = new bool[exerciseCount];
    }

    /// <summary>Whether exercise before expiry is considered on date <paramref name="j"/>.</summary>
    public bool IsActive(int j) => _active[j];

    /// <summary>β0..β3 of date <paramref name="j"/>.</summary>
    public ReadOnlySpan<double> Coefficients(int j) => _coefficients.AsSpan(j * BasisSize, BasisSize);

    public void Set(int j, ReadOnlySpan<double> coefficients)
    {
        coefficients.CopyTo(_coefficients.AsSpan(j * BasisSize, BasisSize));
        _active[j] = true;
    }

    /// <summary>Continuation values C_j(x) for every x of <paramref name="moneyness"/> (Horner's rule).</summary>
    public void Continuation(int j, ReadOnlySpan<double> moneyness, Span<double> continuation)
    {
        var beta = Coefficients(j);
        continuation.Fill(beta[3]);
        for (int k = 2; k >= 0; k--) Simd.SimdMath.MultiplyAdd(continuation, moneyness, beta[k], continuation);
    }
}
