using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Bumps of the Greeks read off simulated European paths: the CRN cross-checks of delta, gamma and vega, and the
/// theta step (the path read δ days before expiry). The same for a single trade and a book.
/// </summary>
public sealed record SensitivityBumps
{
    /// <summary>Relative futures-price bump h of the CRN delta and gamma (0.01 = 1%).</summary>
    public double RelativePriceBump { get; init; } = 0.01;

    /// <summary>Absolute vol bump dσ of the CRN vega (0.01 = one vol point).</summary>
    public double VolBump { get; init; } = 0.01;

    /// <summary>Calendar days δ of the CRN theta.</summary>
    public int ThetaDays { get; init; } = 1;

    /// <summary>δ in years.</summary>
    public double ThetaYears => ThetaDays / 365.0;

    /// <exception cref="InvalidInputException">"settings.relativePriceBump", "settings.volBump" or "settings.thetaDays".</exception>
    public void Validate()
    {
        Guard.InRange(RelativePriceBump, 1e-6, 0.5, "settings.relativePriceBump");
        Guard.InRange(VolBump, 1e-6, 0.5, "settings.volBump");
        Guard.InRange(ThetaDays, 1, 365, "settings.thetaDays");
    }
}
