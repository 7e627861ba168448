using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>The simulated dynamics of a <see cref="ValuationModel"/> at a given forward and volatility, and its method name.</summary>
internal static class PathModels
{
    /// <param name="model">The dynamics.</param>
    /// <param name="forward">Futures price today.</param>
    /// <param name="volatility">The market's volatility (Schwartz: the spot's).</param>
    /// <param name="delivery">Years to the future's delivery (Schwartz and compliance dynamics).</param>
    /// <param name="expiry">Years to the option's expiry (where a compliance model is calibrated to the market vol).</param>
    public static IPathModel For(ValuationModel model, double forward, double volatility, double delivery, double expiry) => model switch
    {
        MertonDynamics merton => new MertonJumpDiffusionModel(forward, volatility, merton.Jumps),
        SchwartzDynamics schwartz => Guard.Within("model.schwartz", () => new SchwartzFuturesModel(forward, volatility, schwartz.MeanReversion, delivery)),
        ComplianceDynamics compliance => Compliance(compliance, forward, volatility, delivery, expiry),
        HestonDynamics heston => Guard.Within("model.heston", () => new HestonModel(forward, heston.Parameters.StartVariance(volatility), heston.Parameters)),
        RegimeSwitchingDynamics regimes => Guard.Within("model.regimeSwitching", () => new RegimeSwitchingModel(forward, regimes.Parameters)),
        LocalVolatilityDynamics local => new LocalVolatilityModel(forward, local.Surface, volatility - local.BaseVolatility),
        _ => new Black76Model(forward, volatility),
    };

    /// <summary>
    /// The inputs a path-dependent product of <paramref name="underlying"/> is simulated with: under Black-76 on a market whose
    /// surface is a fitted smile, local volatility from it (<paramref name="volatility"/> the product's implied vol); else as given.
    /// </summary>
    public static PricingInputs WithSmile(PricingInputs inputs, Market.MarketSnapshot market, string underlying, double volatility) =>
        inputs.Model is Black76Dynamics && market.VolSurfaces.TryGetValue(underlying, out var surface) && surface is Market.Smile.SmileSurface smile
            ? inputs with { Model = new LocalVolatilityDynamics(smile, volatility) }
            : inputs;

    /// <summary>The compliance model for a future delivering at the compliance date, β given or calibrated to the ATM vol at <paramref name="expiry"/>.</summary>
    public static CompliancePenaltyModel Compliance(ComplianceDynamics dynamics, double forward, double volatility, double complianceDate, double expiry) =>
        Guard.Within("model.compliance", () => dynamics.TimeChangeExponent is { } beta
            ? new CompliancePenaltyModel(dynamics.Penalty, complianceDate, forward, beta)
            : CompliancePenaltyCalibration.CalibrateToAtmVolatility(dynamics.Penalty, complianceDate, forward, volatility, expiry));

    /// <summary>"black76", "merton", "schwartz", "compliance", "heston", "regime-switching" or "local-vol".</summary>
    public static string Name(ValuationModel model) => model switch
    {
        MertonDynamics => "merton",
        SchwartzDynamics => "schwartz",
        ComplianceDynamics => "compliance",
        HestonDynamics => "heston",
        RegimeSwitchingDynamics => "regime-switching",
        LocalVolatilityDynamics => "local-vol",
        _ => "black76",
    };

    /// <summary>"monte-carlo-black76", "monte-carlo-merton", ... or with another method prefix.</summary>
    public static string MethodName(ValuationModel model, string prefix = "monte-carlo") => $"{prefix}-{Name(model)}";

    /// <summary>Refuses dynamics a product cannot have, naming "model".</summary>
    public static void Refuse(string reason) => Guard.Fail("model", reason);
}
