using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>The simulated dynamics of a <see cref="ValuationModel"/> at a given forward and volatility, and its method name.</summary>
internal static class PathModels
{
    public static IPathModel For(ValuationModel model, double forward, double volatility) => model switch
    {
        MertonDynamics merton => new MertonJumpDiffusionModel(forward, volatility, merton.Jumps),
        _ => new Black76Model(forward, volatility),
    };

    /// <summary>"monte-carlo-black76", "monte-carlo-merton", or with another method prefix.</summary>
    public static string Name(ValuationModel model, string prefix = "monte-carlo") =>
        $"{prefix}-{(model is MertonDynamics ? "merton" : "black76")}";

    /// <summary>Refuses a closed form the dynamics lack, naming "method".</summary>
    public static void RequireBlack76ForClosedForm(ValuationModel model, string product)
    {
        if (model is not Black76Dynamics)
            throw new Validation.InvalidInputException("method", $"{product} have no closed form under {model.GetType().Name}: use Monte Carlo");
    }
}
