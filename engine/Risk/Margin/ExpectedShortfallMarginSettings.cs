using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// A VaR-style initial margin as CCPs compute it: expected shortfall at <see cref="Confidence"/> of the portfolio's
/// <see cref="HorizonDays"/>-day P&amp;L over the last <see cref="LookbackDays"/> daily returns together with a stress period.
/// </summary>
public sealed record ExpectedShortfallMarginSettings
{
    /// <summary>Confidence of the expected shortfall; in [0.99, 0.997].</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Margin period of risk in trading days; in [2, 5].</summary>
    public int HorizonDays { get; init; } = 2;

    /// <summary>Most recent daily returns in the lookback; in [250, 5000].</summary>
    public int LookbackDays { get; init; } = 750;

    /// <summary>First day of the stress period (inclusive); with <see cref="StressTo"/>, or neither.</summary>
    public DateOnly? StressFrom { get; init; }

    /// <summary>Last day of the stress period (inclusive).</summary>
    public DateOnly? StressTo { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidInputException">"confidence", "horizonDays", "lookbackDays", "stressFrom" or "stressTo".</exception>
    public void Validate()
    {
        Guard.InRange(Confidence, 0.99, 0.997, "confidence");
        Guard.InRange(HorizonDays, 2, 5, "horizonDays");
        Guard.InRange(LookbackDays, 250, 5000, "lookbackDays");
        if (StressFrom.HasValue != StressTo.HasValue)
            Guard.Fail(StressFrom.HasValue ? "stressTo" : "stressFrom", "a stress period needs both its first and its last day");
        if (StressFrom > StressTo) Guard.Fail("stressTo", $"must not precede stressFrom {StressFrom:yyyy-MM-dd}, got {StressTo:yyyy-MM-dd}");
    }
}
