using System.Collections.Immutable;
using System.Diagnostics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Price and Greeks (delta, gamma, vega, theta, rho) of every position of a portfolio, aggregated by
/// underlying, by delivery tenor and in total in the reporting currency. Futures are linear (exact
/// delta, no other Greeks). Options use the Black-76 closed form (<see cref="RiskMethod.Analytic"/>,
/// underlyings without jumps) or one shared Monte Carlo pass per underlying
/// (<see cref="SharedPathValuation"/>): pathwise delta and vega, likelihood-ratio gamma, CRN-bump
/// theta, pathwise rho, with CRN-bump delta, gamma and vega reported beside them. Options at expiry or
/// with zero vol are valued by the closed form. A position that cannot be priced reports its error.
/// </summary>
public static class PortfolioRiskEngine
{
    /// <summary>Computes the portfolio's risk.</summary>
    /// <param name="portfolio">Positions and reporting currency.</param>
    /// <param name="market">Futures curves, vol surfaces and the discount curve.</param>
    /// <param name="fx">FX rates into the reporting currency.</param>
    /// <param name="settings">Method, paths, seed, dynamics, bumps.</param>
    /// <param name="progress">Optional fraction done, 0..1, reported as simulation blocks complete.</param>
    /// <param name="cancellation">Stops the simulation within one block.</param>
    /// <exception cref="InvalidInputException">Invalid settings ("settings.*"). Position problems are reported in
    /// <see cref="PositionRisk.Error"/>, not thrown.</exception>
    public static PortfolioRisk Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings = null,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        settings ??= new RiskSettings();
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var resolutions = PositionResolver.ResolveAll(portfolio, market, fx, settings);
        var resolved = resolutions.Where(r => r.Resolved is not null).Select(r => r.Resolved!).ToArray();
        var aggregator = new RiskAggregator();
        var risks = new PositionRisk?[resolutions.Length];

        foreach (var r in resolutions.Where(r => r.Error is not null))
        {
            var i = r.Source.Instrument;
            risks[Array.IndexOf(resolutions, r)] = new PositionRisk(r.Source.Id, i?.Underlying ?? "", i?.FuturesDelivery ?? default,
                (i as Products.FuturesOption)?.Expiry, i?.Currency ?? "", double.NaN, null, null, r.Error);
        }

        var simulated = resolved.Where(p => p.HasTimeValue && (settings.Method == RiskMethod.MonteCarlo || p.Jumps is not null)).ToArray();
        foreach (var p in resolved.Except(simulated))
        {
            var measures = Analytic(p);
            risks[p.Index] = Risk(p, measures, null);
            aggregator.AddExact(p, measures);
        }

        var groups = simulated.GroupBy(p => p.Underlying, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        long totalBlocks = groups.Sum(_ => (settings.Paths / 2 + SimulationPlan.BlockSize / 2 - 1) / (SimulationPlan.BlockSize / 2));
        long done = 0;
        var simulations = ImmutableArray.CreateBuilder<UnderlyingSimulation>();
        foreach (var group in groups)
        {
            var passClock = Stopwatch.StartNew();
            var positions = group.ToArray();
            var (bucketOf, buckets) = aggregator.TenorBuckets(positions);
            var pass = new SharedPathValuation(group.Key, positions, bucketOf, buckets, positions[0].Jumps, settings);
            var moments = pass.Run(() => progress?.Report((double)Interlocked.Increment(ref done) / totalBlocks), cancellation);
            for (int i = 0; i < positions.Length; i++)
            {
                var (measures, bumps) = FromMoments(moments.AsSpan(i * SharedPathValuation.Outputs, SharedPathValuation.Outputs));
                risks[positions[i].Index] = Risk(positions[i], measures, bumps);
            }
            aggregator.AddSimulated(group.Key, positions, moments);
            simulations.Add(new UnderlyingSimulation(group.Key, pass.Paths, positions.Length, pass.Times.Length, passClock.Elapsed));
        }

        var (byUnderlying, byTenor, total) = aggregator.Totals();
        return new PortfolioRisk(portfolio.ReportingCurrency, risks.Select(r => r!).ToImmutableArray(), byUnderlying, byTenor, total,
            simulations.ToImmutable(), clock.Elapsed);
    }

    private static PositionRisk Risk(ResolvedPosition p, RiskMeasures measures, BumpGreeks? bumps) =>
        new(p.Id, p.Underlying, p.Tenor, p.Expiry, p.Currency, p.Fx, measures, bumps, null);

    /// <summary>Closed-form measures of a position in its currency: Black-76 per tonne times the signed quantity.</summary>
    internal static RiskMeasures Analytic(ResolvedPosition p)
    {
        if (p.Exotic is { } exotic) return Revalued(p, exotic);
        if (p.Option is not { } o)
        {
            var zero = GreekEstimate.Exact(0);
            return new RiskMeasures(GreekEstimate.Exact(p.Value(1)), GreekEstimate.Exact(p.Quantity), zero, zero, zero, zero);
        }
        var g = Black76OptionPricer.Greeks(o).Scale(p.Quantity);
        return new RiskMeasures(GreekEstimate.Exact(g.Price), GreekEstimate.Exact(g.Delta), GreekEstimate.Exact(g.Gamma),
            GreekEstimate.Exact(g.Vega), GreekEstimate.Exact(g.Theta), GreekEstimate.Exact(g.Rho));
    }

    /// <summary>An exotic's measures by central differences of its closed form (<see cref="Pricing.RevaluationGreeks"/>).</summary>
    private static RiskMeasures Revalued(ResolvedPosition p, Func<Pricing.MarketShift, double> exotic)
    {
        var g = Pricing.RevaluationGreeks.Compute(s => (p.Quantity * exotic(s), 0), p.Forward, p.ExoticVolatility, maxTimeShift: 1.0 / 365,
            p.ExoticBumps, "finite-difference");
        static GreekEstimate Fd(Pricing.GreekFigure f) => new(f.Value, 0, GreekMethod.FiniteDifference);
        return new RiskMeasures(GreekEstimate.Exact(p.Value(1)), Fd(g.Delta), Fd(g.Gamma), Fd(g.Vega), Fd(g.Theta), Fd(g.Rho));
    }

    /// <summary>Primary measures and the CRN cross-check from the nine output moments of one position or bucket.</summary>
    internal static (RiskMeasures Measures, BumpGreeks Bumps) FromMoments(ReadOnlySpan<SampleMoments> m)
    {
        var copy = m.ToArray();
        GreekEstimate E(int output, GreekMethod method) =>
            new(copy[output].MeanY, Math.Sqrt(copy[output].VarianceY / copy[output].Count), method);
        var measures = new RiskMeasures(E(SharedPathValuation.Price, GreekMethod.MonteCarlo),
            E(SharedPathValuation.DeltaPathwise, GreekMethod.Pathwise), E(SharedPathValuation.GammaLikelihoodRatio, GreekMethod.LikelihoodRatio),
            E(SharedPathValuation.VegaPathwise, GreekMethod.Pathwise), E(SharedPathValuation.ThetaCrn, GreekMethod.CrnBump),
            E(SharedPathValuation.RhoPathwise, GreekMethod.Pathwise));
        var bumps = new BumpGreeks(E(SharedPathValuation.DeltaCrn, GreekMethod.CrnBump), E(SharedPathValuation.GammaCrn, GreekMethod.CrnBump),
            E(SharedPathValuation.VegaCrn, GreekMethod.CrnBump), E(SharedPathValuation.ThetaCrn, GreekMethod.CrnBump));
        return (measures, bumps);
    }
}
