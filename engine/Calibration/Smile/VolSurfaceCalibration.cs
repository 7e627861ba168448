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
    /// <exception cref="InvalidInputException">"expiries" (empty), "expiries[i].expiry" (not increasing), a quote field
    /// under "expiries[i]" (e.g. "expiries[1].quotes[3].premium"), or "expiries[i].quotes[j]" when its total variance is below the
    /// earlier expiry's at the same moneyness (calendar arbitrage in the quotes).</exception>
    public static VolSurfaceFit Calibrate(IReadOnlyList<ExpiryQuotes> expiries, SmileCalibrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(expiries);
        ArgumentNullException.ThrowIfNull(settings);
        if (expiries.Count == 0) Guard.Fail("expiries", "must not be empty");
        double kMin = double.PositiveInfinity, kMax = double.NegativeInfinity;
        (double[] K, double[] W)? previous = null;
        for (int i = 0; i < expiries.Count; i++)
        {
            var e = expiries[i] ?? throw new InvalidInputException($"expiries[{i}]", "must not be null");
            if (i > 0 && e.Expiry <= expiries[i - 1].Expiry)
                Guard.Fail($"expiries[{i}].expiry", $"must be strictly increasing, got {e.Expiry} after {expiries[i - 1].Expiry}");
            var vols = Guard.Within($"expiries[{i}]", e.ImpliedVolatilities);
            var k = vols.Select(v => Math.Log(v.Strike / e.Forward)).ToArray();
            var w = vols.Select(v => v.Volatility * v.Volatility * e.Expiry).ToArray();
            if (previous is { } p && e.RejectArbitrageableQuotes) CheckCalendar(p.K, p.W, k, w, i);
            previous = (k, w);
            kMin = Math.Min(kMin, k[0]);
            kMax = Math.Max(kMax, k[^1]);
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

    /// <summary>Each quote's total variance against the earlier expiry's at the same log-moneyness (linear in k between its
    /// quotes; not checked outside their range): less is a calendar spread worth less than nothing.</summary>
    private static void CheckCalendar(double[] earlierK, double[] earlierW, double[] k, double[] w, int expiry)
    {
        for (int j = 0; j < k.Length; j++)
        {
            if (k[j] < earlierK[0] || k[j] > earlierK[^1]) continue;
            int s = 0;
            while (s < earlierK.Length - 2 && earlierK[s + 1] < k[j]) s++;
            double weight = (k[j] - earlierK[s]) / (earlierK[s + 1] - earlierK[s]);
            double before = earlierW[s] + weight * (earlierW[s + 1] - earlierW[s]);
            if (w[j] < before * (1 - 1e-9))
                Guard.Fail($"expiries[{expiry}].quotes[{j}]", $"has total variance {w[j]:G6} below expiry {expiry - 1}'s {before:G6} at the same log-moneyness {k[j]:G4}: calendar arbitrage");
        }
    }

    private static SmileFit Fit(ExpiryQuotes quotes, SmileCalibrationSettings settings, SmileConstraint? constraint) =>
        settings.Model == SmileModel.Sabr
            ? SmileFitter.FitSabr(quotes, settings.SabrBeta, settings.Expansion, constraint)
            : SmileFitter.FitSvi(quotes, constraint);
}
