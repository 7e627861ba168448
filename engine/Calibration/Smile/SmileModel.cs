namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>The model fitted to each expiry's smile.</summary>
public enum SmileModel
{
    /// <summary>SABR (Hagan 2002 or Obłój 2008 expansion), β fixed or fitted.</summary>
    Sabr,

    /// <summary>Raw SVI in total variance.</summary>
    Svi,
}
