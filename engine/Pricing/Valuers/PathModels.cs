using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>The simulated dynamics of a <see cref="ValuationModel"/> at a given forward and volatility, and its method name.</summary>
internal static class PathModels
{
    /// <param name="model">The dynamics.</param>
    /// <param name="forward">Futures price today.</param>
    /// <param name="volatility">The market's volatility (Schwartz: the spot's).</param>
    /// <param name="delivery">Years to the future's delivery (needed by Schwartz dynamics).</param>
    public static IPathModel For(ValuationModel model, double forward, double volatility, double? delivery = null) => model switch
    {
        MertonDynamics merton => new MertonJumpDiffusionModel(forward, volatility, merton.Jumps),
        SchwartzDynamics schwartz => new SchwartzFuturesModel(forward, volatility, schwartz.MeanReversion,
            delivery ?? throw new Validation.InvalidInputException("model", "Schwartz dynamics need the future's delivery: they apply to options on one future")),
        _ => new Black76Model(forward, volatility),
    };

    /// <summary>"monte-carlo-black76", "monte-carlo-merton", "monte-carlo-schwartz", or with another method prefix.</summary>
    public static string Name(ValuationModel model, string prefix = "monte-carlo") => $"{prefix}-{model switch
    {
        MertonDynamics => "merton",
        SchwartzDynamics => "schwartz",
        _ => "black76",
    }}";

    /// <summary>Refuses a closed form the dynamics lack, naming "method".</summary>
    public static void RequireBlack76ForClosedForm(ValuationModel model, string product)
    {
        if (model is not Black76Dynamics)
            throw new Validation.InvalidInputException("method", $"{product} have no closed form under {model.GetType().Name}: use Monte Carlo");
    }
}
