using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The fitted continuation value per exercise date of a Longstaff–Schwartz regression (<see cref="ContinuationFit"/>),
/// in the units of the payoff valued at expiry. Where too few in-the-money training paths existed to fit, the date
/// is inactive (never exercise there). The last date (expiry) has no continuation.
/// </summary>
internal sealed class ExerciseBoundary
{
    private readonly ContinuationFit[] _fits;
    private readonly bool[] _active;

    public ExerciseBoundary(int exerciseCount)
    {
        _fits = new ContinuationFit[exerciseCount];
        _active = new bool[exerciseCount];
    }

    /// <summary>Whether exercise before expiry is considered on date <paramref name="j"/>.</summary>
    public bool IsActive(int j) => _active[j];

    /// <summary>The fit of date <paramref name="j"/> (meaningful where <see cref="IsActive"/>).</summary>
    public ContinuationFit Fit(int j) => _fits[j];

    public void Set(int j, ContinuationFit fit)
    {
        _fits[j] = fit;
        _active[j] = true;
    }
}

/// <summary>
/// C(x) = β0 + β1·u + β2·u² + β3·u³ with u = (x − c)·s, x = S/K the moneyness, c and 1/s the mean and standard
/// deviation of the in-the-money training moneyness: centred and scaled, the normal equations of the fit are well
/// conditioned (on raw powers of x ≈ 1 they are nearly singular).
/// </summary>
internal readonly record struct ContinuationFit(double Center, double InverseScale, double B0, double B1, double B2, double B3)
{
    /// <summary>Regressors 1, u, u², u³.</summary>
    public const int BasisSize = 4;

    /// <summary>C at moneyness <paramref name="x"/> (Horner's rule, fused): the same bits on every tier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVec Evaluate<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var u = (x - TVec.Broadcast(Center)) * TVec.Broadcast(InverseScale);
        var c = TVec.MultiplyAdd(TVec.Broadcast(B3), u, TVec.Broadcast(B2));
        c = TVec.MultiplyAdd(c, u, TVec.Broadcast(B1));
        return TVec.MultiplyAdd(c, u, TVec.Broadcast(B0));
    }
}
