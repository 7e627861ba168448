using System.Text.RegularExpressions;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Models;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Heston and regime-switching parameters between the protos and the engine, errors named by request path.</summary>
internal static partial class DynamicsMapper
{
    /// <summary>Heston parameters; errors under <paramref name="path"/> ("model.heston.vol_of_vol").</summary>
    public static HestonParameters Heston(Proto.HestonModel heston, string path) =>
        FieldPath.Translate(path, () => new HestonParameters(heston.MeanReversion, heston.LongRunVariance, heston.VolOfVol, heston.Correlation,
            heston.HasInitialVariance ? heston.InitialVariance : null));

    public static Proto.HestonModel ToProto(HestonParameters p)
    {
        var heston = new Proto.HestonModel { MeanReversion = p.MeanReversion, LongRunVariance = p.LongRunVariance, VolOfVol = p.VolOfVol, Correlation = p.Correlation };
        if (p.InitialVariance is { } v0) heston.InitialVariance = v0;
        return heston;
    }

    /// <summary>Regime-switching parameters; errors under <paramref name="path"/>, a matrix entry as "transition[1].probabilities[0]".</summary>
    public static RegimeSwitchingParameters RegimeSwitching(Proto.RegimeSwitchingModel model, string path)
    {
        try
        {
            return FieldPath.Translate(path, () => new RegimeSwitchingParameters(model.Volatilities, model.Drifts.Count == 0 ? null : model.Drifts,
                [.. model.Transition.Select(row => (IReadOnlyList<double>)row.Probabilities)], model.PeriodsPerYear == 0 ? 252 : model.PeriodsPerYear,
                model.InitialProbabilities.Count == 0 ? null : model.InitialProbabilities));
        }
        catch (Engine.Validation.InvalidInputException e)
        {
            throw new Engine.Validation.InvalidInputException(MatrixEntry().Replace(e.Field, "transition[$1].probabilities[$2]"), e.Reason);
        }
    }

    public static Proto.RegimeSwitchingModel ToProto(RegimeSwitchingParameters p) => new()
    {
        Volatilities = { p.Volatilities },
        Drifts = { p.Drifts },
        Transition = { p.Transition.Select(Row) },
        PeriodsPerYear = p.PeriodsPerYear,
        InitialProbabilities = { p.InitialProbabilities },
    };

    public static Proto.TransitionRow Row(double[] probabilities) => new() { Probabilities = { probabilities } };

    /// <summary>Conditions worth a warning in a reply that do not stop it.</summary>
    public static IEnumerable<string> Warnings(Engine.Pricing.ValuationModel model, string path = "model")
    {
        if (model is Engine.Pricing.HestonDynamics { Parameters: { FellerConditionHolds: false } p })
            yield return $"{path}.heston: the Feller condition 2·kappa·theta >= xi^2 fails ({2 * p.MeanReversion * p.LongRunVariance:G4} < " +
                $"{p.VolOfVol * p.VolOfVol:G4}): the variance touches zero; the prices stand (Fourier integral, QE simulation)";
    }

    [GeneratedRegex(@"transition\[(\d+)\]\[(\d+)\]")]
    private static partial Regex MatrixEntry();
}
