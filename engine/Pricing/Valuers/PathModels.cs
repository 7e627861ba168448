using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>The simulated dynamics of a <see cref="ValuationModel"/> at a given forward and volatility, and its method name.</summary>
internal static class PathModels
{
    /// <param name="model">The dynamics.</param>
    /// <param name="forward">Futures price today.</param>
    /// <param name="volatility">The market's volatility (Schwartz: the spot's).</param>
    /// <param name="delivery">Years to the future's delivery (Schwartz and compliance dynamics).</param>
    /// <param name="expiry">Years to the option's expiry (where a compliance model is calibrated to the market vol).</param>
    public static IPathModel For(ValuationModel model, double forward, double volatility, double? delivery = null, double? expiry = null) => model switch
    {
        MertonDynamics merton => new MertonJumpDiffusionModel(forward, volatility, merton.Jumps),
        SchwartzDynamics schwartz => new SchwartzFuturesModel(forward, volatility, schwartz.MeanReversion, delivery ?? NeedsDelivery()),
        ComplianceDynamics compliance => Compliance(compliance, forward, volatility, delivery ?? NeedsDelivery(), expiry ?? delivery!.Value),
        _ => new Black76Model(forward, volatility),
    };

    /// <summary>The compliance model for a future delivering at the compliance date, β given or calibrated to the ATM vol at <paramref name="expiry"/>.</summary>
    public static CompliancePenaltyModel Compliance(ComplianceDynamics dynamics, double forward, double volatility, double complianceDate, double expiry) =>
        dynamics.TimeChangeExponent is { } beta
            ? new CompliancePenaltyModel(dynamics.Penalty, complianceDate, forward, beta)
            : Analytics.CompliancePenaltyCalibration.CalibrateToAtmVolatility(dynamics.Penalty, complianceDate, forward, volatility, expiry);

    private static double NeedsDelivery() =>
        throw new Validation.InvalidInputException("model", "this model needs the future's delivery: it applies to options on one future");

    /// <summary>"monte-carlo-black76", "monte-carlo-merton", "monte-carlo-schwartz", or with another method prefix.</summary>
    public static string Name(ValuationModel model, string prefix = "monte-carlo") => $"{prefix}-{model switch
    {
        MertonDynamics => "merton",
        SchwartzDynamics => "schwartz",
        ComplianceDynamics => "compliance",
        _ => "black76",
    }}";

    /// <summary>Refuses a closed form the dynamics lack, naming "method".</summary>
    public static void RequireBlack76ForClosedForm(ValuationModel model, string product)
    {
        if (model is not Black76Dynamics)
            throw new Validation.InvalidInputException("method", $"{product} have no closed form under {model.GetType().Name}: use Monte Carlo");
    }
}
