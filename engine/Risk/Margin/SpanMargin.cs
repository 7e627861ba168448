using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// SPAN-style portfolio margin. Each underlying is a combined commodity: its positions are revalued in full (the
/// closed forms of <see cref="PortfolioRevaluation"/>) under the 16 classic risk-array scenarios of
/// <see cref="RiskArrayScenario.Classic"/>, every delivery moved alike, and the largest weighted loss is its scan risk.
/// Because the scan moves the curve in parallel, matched long and short deliveries get the inter-month spread charge
/// back; deliveries inside the delivery window a delivery-month charge; opposite net deltas in two underlyings of the
/// spread table a credit; short options a floor. Underlyings add up (no credit but the table's). Time is held at the
/// valuation date, as a one-day risk array does.
/// </summary>
public static class SpanMargin
{
    /// <summary>Computes the margin.</summary>
    /// <exception cref="InvalidInputException">Invalid settings ("underlyings[CODE].*", "interCommoditySpreads[i].*");
    /// "underlyings[CODE]" when the portfolio holds an underlying without scan parameters;
    /// "positions[ID].instrument.currency" when one underlying's positions are in different currencies.</exception>
    public static SpanMarginResult Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, SpanSettings settings,
        RiskSettings? riskSettings = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var revaluation = new PortfolioRevaluation(portfolio, market, fx, riskSettings);
        var codes = revaluation.Underlyings;
        var parameters = codes.Select(c => ParametersFor(c, settings, revaluation)).ToArray();
        var fxOf = ReportingRates(revaluation);
        var deltas = revaluation.TenorDeltas();
        int n = codes.Length;

        var scan = new (double Risk, RiskArrayScenario Scenario, ImmutableArray<double> Losses)[n];
        var calendar = new double[n];
        var delivery = new double[n];
        var netDelta = new double[n];
        for (int u = 0; u < n; u++)
        {
            scan[u] = ScanRisk(revaluation, u, parameters[u]);
            double longs = 0, shorts = 0;
            for (int k = 0; k < deltas.Length; k++)
            {
                if (revaluation.TenorUnderlying[k] != u) continue;
                if (deltas[k] > 0) longs += deltas[k]; else shorts -= deltas[k];
                if (revaluation.Tenors[k].Delivery.DayNumber - market.ValuationDate.DayNumber <= parameters[u].DeliveryWindowDays)
                    delivery[u] += Math.Abs(deltas[k]) * parameters[u].DeliveryChargePerTonne * fxOf[u];
            }
            calendar[u] = Math.Min(longs, shorts) * parameters[u].CalendarSpreadChargePerTonne * fxOf[u];
            netDelta[u] = longs - shorts;
        }
        var credits = InterCommodityCredits(settings.InterCommoditySpreads, codes, netDelta, scan.Select(s => s.Risk).ToArray());
        var shortMinimum = new double[n];
        foreach (var (p, _, u) in revaluation.Positions)
            if (p.Expiry is not null && p.Lots < 0) // a short option: futures and holdings have no expiry
                shortMinimum[u] += -p.Lots * p.Instrument.LotSize * parameters[u].ShortOptionMinimumPerTonne * p.Fx;

        var margins = Enumerable.Range(0, n).Select(u => new UnderlyingMargin(codes[u], scan[u].Risk, scan[u].Scenario, scan[u].Losses,
            calendar[u], delivery[u], credits[u], shortMinimum[u], netDelta[u],
            Math.Max(scan[u].Risk + calendar[u] + delivery[u] - credits[u], shortMinimum[u]))).ToImmutableArray();
        return new SpanMarginResult(portfolio.ReportingCurrency, margins, margins.Sum(m => m.Total), revaluation.Errors);
    }

    /// <summary>The weighted loss of each scenario moving underlying <paramref name="u"/> alone; the largest, at least 0.</summary>
    private static (double Risk, RiskArrayScenario Scenario, ImmutableArray<double> Losses) ScanRisk(PortfolioRevaluation revaluation, int u,
        ScanParameters parameters)
    {
        var scenarios = RiskArrayScenario.Classic(parameters.ExtremeMultiple, parameters.ExtremeCoverFraction);
        var factors = new double[revaluation.Underlyings.Length];
        var vols = new double[factors.Length];
        Array.Fill(factors, 1.0);
        var losses = ImmutableArray.CreateBuilder<double>(scenarios.Length);
        foreach (var s in scenarios)
        {
            factors[u] = 1 + s.PriceMove * parameters.PriceScanRange;
            vols[u] = s.VolMove * parameters.VolScanRange;
            losses.Add(-revaluation.ProfitAndLoss(factors, vols, 0) * s.Weight);
        }
        var all = losses.MoveToImmutable();
        int worst = 0;
        for (int i = 1; i < all.Length; i++) if (all[i] > all[worst]) worst = i;
        return (Math.Max(all[worst], 0), scenarios[worst], all);
    }

    /// <summary>
    /// Credits of the spread table, rows in order: opposite net deltas form min(|Δ₁|/t₁, |Δ₂|/t₂) spreads (of the tonnes
    /// not yet used), and each leg is credited rate × spread tonnes × its scan risk per tonne of net delta.
    /// </summary>
    private static double[] InterCommodityCredits(ImmutableArray<InterCommoditySpread> table, ImmutableArray<string> codes, double[] netDelta,
        double[] scanRisk)
    {
        var credits = new double[codes.Length];
        var unused = netDelta.Select(Math.Abs).ToArray();
        foreach (var row in table)
        {
            int a = codes.IndexOf(row.Underlying1), b = codes.IndexOf(row.Underlying2);
            if (a < 0 || b < 0 || netDelta[a] * netDelta[b] >= 0) continue;
            double spreads = Math.Min(unused[a] / row.Tonnes1, unused[b] / row.Tonnes2);
            credits[a] += row.CreditRate * spreads * row.Tonnes1 * scanRisk[a] / Math.Abs(netDelta[a]);
            credits[b] += row.CreditRate * spreads * row.Tonnes2 * scanRisk[b] / Math.Abs(netDelta[b]);
            unused[a] -= spreads * row.Tonnes1;
            unused[b] -= spreads * row.Tonnes2;
        }
        return credits;
    }

    private static ScanParameters ParametersFor(string code, SpanSettings settings, PortfolioRevaluation revaluation)
    {
        if (settings.Underlyings.TryGetValue(code, out var parameters)) return parameters;
        var held = revaluation.Positions.Where(p => p.Position.Legs.Any(l => l.Underlying == code)).Select(p => p.Position.Id).Take(3);
        Guard.Fail($"underlyings[{code}]", $"no scan parameters for {code}, held by positions {string.Join(", ", held)}");
        return null;
    }

    /// <summary>Reporting-currency units per unit of each underlying's contract currency: one currency per underlying.</summary>
    private static double[] ReportingRates(PortfolioRevaluation revaluation)
    {
        var currency = new string?[revaluation.Underlyings.Length];
        var rate = new double[currency.Length];
        foreach (var (p, _, _) in revaluation.Positions)
            foreach (var leg in p.Legs)
            {
                int u = revaluation.Underlyings.IndexOf(leg.Underlying);
                if (currency[u] is null) (currency[u], rate[u]) = (p.Currency, p.Fx);
                else if (currency[u] != p.Currency)
                    Guard.Fail($"positions[{p.Id}].instrument.currency",
                        $"{leg.Underlying} positions are in {currency[u]} and {p.Currency}: a combined commodity is margined in one currency");
            }
        return rate;
    }
}
