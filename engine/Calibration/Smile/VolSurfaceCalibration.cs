using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// Fits a smile to each expiry's quotes, joins them into a <see cref="SmileSurface"/>, checks it for butterfly and calendar
/// arbitrage over the quoted log-moneyness range widened by half its width each side, and when asked refits with the
/// no-arbitrage penalties.
/// </summary>
public static class VolSurfaceCalibration
{
    /// <exception cref="InvalidInputException">"expiries" (empty), "expiries[i].expiry" (not increasing), or a quote field
    /// under "expiries[i]" (e.g. "expiries[1].quotes[3].premium").</exception>
    public static VolSurfaceFit Calibrate(IReadOnlyList<ExpiryQuotes> expiries, SmileCalibrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(expiries);
        ArgumentNullException.ThrowIfNull(settings);
        if (expiries.Count == 0) Guard.Fail("expiries", "must not be empty");
        double kMin = double.PositiveInfinity, kMax = double.NegativeInfinity;
        for (int i = 0; i < expiries.Count; i++)
        {
            var e = expiries[i] ?? throw new InvalidInputException($"expiries[{i}]", "must not be null");
            if (i > 0 && e.Expiry <= expiries[i - 1].Expiry)
                Guard.Fail($"expiries[{i}].expiry", $"must be strictly increasing, got {e.Expiry} after {expiries[i - 1].Expiry}");
            foreach (var (strike, _) in Guard.Within($"expiries[{i}]", e.ImpliedVolatilities))
            {
                kMin = Math.Min(kMin, Math.Log(strike / e.Forward));
                kMax = Math.Max(kMax, Math.Log(strike / e.Forward));
            }
        }
        double widen = 0.5 * (kMax - kMin);
        double from = kMin - widen, to = kMax + widen;

        var fits = expiries.Select(e => Fit(e, settings, null)).ToImmutableArray();
        var surface = new SmileSurface(fits.Select(f => f.Slice));
        var unconstrained = ArbitrageCheck.Check(surface, from, to);
        if (unconstrained.IsArbitrageFree || !settings.RemoveArbitrage)
            return new VolSurfaceFit(surface, fits, unconstrained, unconstrained, false);

        var refits = ImmutableArray.CreateBuilder<SmileFit>(expiries.Count);
        foreach (var e in expiries)
            refits.Add(Fit(e, settings, new SmileConstraint(from, to, refits.Count > 0 ? refits[^1].Slice : null)));
        var constrained = new SmileSurface(refits.Select(f => f.Slice));
        return new VolSurfaceFit(constrained, refits.MoveToImmutable(), ArbitrageCheck.Check(constrained, from, to), unconstrained, true);
    }

    private static SmileFit Fit(ExpiryQuotes quotes, SmileCalibrationSettings settings, SmileConstraint? constraint) =>
        settings.Model == SmileModel.Sabr
            ? SmileFitter.FitSabr(quotes, settings.SabrBeta, settings.Expansion, constraint)
            : SmileFitter.FitSvi(quotes, constraint);
}
