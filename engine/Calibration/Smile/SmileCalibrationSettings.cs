using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>How <see cref="VolSurfaceCalibration"/> fits a surface.</summary>
/// <param name="Model">Smile model of every expiry.</param>
/// <param name="SabrBeta">SABR β, fixed; null fits it.</param>
/// <param name="Expansion">SABR vol formula.</param>
/// <param name="RemoveArbitrage">When the unconstrained fit has arbitrage, refit with the no-arbitrage penalties
/// (<see cref="SmileConstraint"/>), expiry by expiry, each against the refitted one before it.</param>
public sealed record SmileCalibrationSettings(SmileModel Model = SmileModel.Svi, double? SabrBeta = 1.0,
    SabrExpansion Expansion = SabrExpansion.Hagan2002, bool RemoveArbitrage = true);
