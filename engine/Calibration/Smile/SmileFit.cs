using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>The fit of one expiry's smile.</summary>
/// <param name="Slice">The fitted slice.</param>
/// <param name="ParameterNames">Names of the fitted parameters, in the order of <paramref name="Parameters"/>.</param>
/// <param name="Parameters">Values of every model parameter (β included for SABR even when fixed).</param>
/// <param name="RmsVolPoints">Root-mean-square of model minus quoted vol, in vol points (1 = 1%), unweighted.</param>
/// <param name="MaxErrorVolPoints">Largest |model − quote| in vol points.</param>
/// <param name="ConditionNumber">Condition number of JᵀWJ at the optimum (J the Jacobian of the vega-weighted vol residuals in the
/// fitted parameters): large values mean the quotes barely tell some parameters apart.</param>
/// <param name="Residuals">Model minus quoted vol per quote, in vol points.</param>
public sealed record SmileFit(SmileSlice Slice, ImmutableArray<string> ParameterNames, ImmutableArray<double> Parameters,
    double RmsVolPoints, double MaxErrorVolPoints, double ConditionNumber, ImmutableArray<double> Residuals)
{
    /// <summary>The fitted model.</summary>
    public SmileModel Model => Slice is SabrSlice ? SmileModel.Sabr : SmileModel.Svi;
}
