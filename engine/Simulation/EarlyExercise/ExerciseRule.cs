using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The exercise decision of one date, one definition for the backward fit and the pricing pass, so that both
/// decide alike bit for bit: exercise where the exercise value (valued at expiry) exceeds max(C(S/K), 0), the fitted
/// continuation floored at zero (an out-of-the-money path is never exercised).
/// </summary>
internal readonly struct ExerciseRule(OptionType type, double strike, double growthToExpiry, ContinuationFit fit)
{
    private readonly bool _call = type == OptionType.Call;
    private readonly double _strike = strike, _inverseStrike = 1.0 / strike, _growth = growthToExpiry;
    private readonly ContinuationFit _fit = fit;

    /// <summary>max(ω(S − K), 0) valued at expiry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVec ExerciseValue<TVec>(TVec price) where TVec : struct, ISimdDouble<TVec> =>
        IntrinsicValue(price) * TVec.Broadcast(_growth);

    /// <summary>max(ω(S − K), 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVec IntrinsicValue<TVec>(TVec price) where TVec : struct, ISimdDouble<TVec> => Payoffs.VanillaPayoff.Of(_call, _strike, price);

    /// <summary>S/K.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVec Moneyness<TVec>(TVec price) where TVec : struct, ISimdDouble<TVec> => price * TVec.Broadcast(_inverseStrike);

    /// <summary>The value the exercise value must exceed: max(C(S/K), 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVec Threshold<TVec>(TVec price) where TVec : struct, ISimdDouble<TVec> =>
        TVec.Max(_fit.Evaluate(Moneyness(price)), TVec.Broadcast(0.0));
}
