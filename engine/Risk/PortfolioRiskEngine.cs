using System.Collections.Immutable;
using System.Diagnostics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Price and Greeks of every position of a portfolio, aggregated by underlying, by delivery tenor and in total in
/// the reporting currency: the same pricers as a single trade (<see cref="Pricers"/>) plus aggregation. Closed-form
/// positions are valued at once; every simulated position goes into one <see cref="SimulationJob"/> for the whole
/// book (European options of one expiry and driver share one group), whose measures give each position's figures
/// — the same numbers <see cref="ValuationService"/> gives that position alone — and each aggregate's, with the
/// standard error of the sum itself. A position that cannot be priced reports its error; the others still price.
/// </summary>
public static class PortfolioRiskEngine
{
    /// <summary>Computes the portfolio's risk.</summary>
    /// <param name="portfolio">Positions and reporting currency.</param>
    /// <param name="market">Futures curves, vol surfaces and the discount curves.</param>
    /// <param name="fx">FX rates into the reporting currency.</param>
    /// <param name="settings">Method, dynamics per underlying, simulation settings.</param>
    /// <param name="limits">Bounds of the book's simulation (every simulated position counts); the defaults when null.</param>
    /// <param name="progress">Optional fraction done, 0..1, reported as simulation blocks complete.</param>
    /// <param name="cancellation">Stops the simulation within one block.</param>
    /// <exception cref="InvalidInputException">Invalid settings ("settings.*"). Position problems are reported in
    /// <see cref="PositionRisk.Error"/>, not thrown.</exception>
    public static PortfolioRisk Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings = null,
        SimulationLimits? limits = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var prepared = Prepare(portfolio, market, fx, settings, limits, cancellation);
        SimulationResult? result = null;
        if (prepared.Job is { } job)
        {
            long blocks = job.Layout.BlockCount, done = 0;
            result = job.Run(() => progress?.Report((double)Interlocked.Increment(ref done) / blocks), cancellation);
        }
        return prepared.Finish(result, clock.Elapsed);
    }

    /// <summary>
    /// The book checked and planned: the closed-form positions valued, the simulated ones assembled into one job
    /// (null when there is nothing to simulate). Running the job's blocks anywhere, in any cut, and merging them gives
    /// what <see cref="Compute"/> gives.
    /// </summary>
    /// <exception cref="InvalidInputException">Invalid settings ("settings.*").</exception>
    public static PreparedPortfolioRisk Prepare(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings = null,
        SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        settings ??= new RiskSettings();
        settings.Validate();
        limits ??= SimulationLimits.Default;
        var resolutions = PositionResolver.ResolveAll(portfolio, market, fx, settings, limits);
        var failed = new List<(int Index, PositionRisk Risk)>();
        var aggregator = new RiskAggregator();
        var builder = new JobBuilder();
        var simulated = new List<(BookPosition Position, SimulatedPlan Plan, IReadOnlyDictionary<Figure, int> Measures)>();
        var exact = new List<(BookPosition Position, Valuation Own)>();

        for (int i = 0; i < resolutions.Length; i++)
        {
            var r = resolutions[i];
            var resolution = r.Resolved is { } p
                ? PositionResolver.Guarded(r.Source, () =>
                {
                    switch (Pricers.Plan(p.Instrument, p.TradePrice, market, p.Inputs, cancellation))
                    {
                        case SimulatedPlan plan:
                            var ids = plan.AddParts(builder);
                            simulated.Add((p, plan, plan.Figures.ToDictionary(f => f.Key,
                                f => builder.AddMeasure(SimulatedPlan.Translate(f.Value.Measure, ids).Scale(p.Lots)))));
                            aggregator.AddSimulated(p, plan, ids);
                            break;
                        case ClosedFormPlan closed:
                            exact.Add((p, closed.Valuation.Scale(p.Lots)));
                            break;
                    }
                    return r;
                })
                : r;
            if (resolution.Error is { } error) failed.Add((i, Failed(r.Source, error)));
        }

        SimulationJob? job = null;
        if (!builder.IsEmpty)
        {
            aggregator.AddMeasures(builder);
            job = Guard.Within("settings", () => builder.Build(settings.MonteCarlo, limits));
        }
        return new PreparedPortfolioRisk(job, (result, elapsed) =>
        {
            var risks = new PositionRisk?[resolutions.Length];
            foreach (var (i, risk) in failed) risks[i] = risk;
            foreach (var (p, own) in exact)
            {
                risks[p.Index] = Risk(p, own);
                aggregator.AddExact(p, own);
                aggregator.AddStatistics(p, own);
            }
            foreach (var (p, plan, measures) in simulated)
            {
                var own = plan.Read(f => result![measures[f]], result!.Paths);
                risks[p.Index] = Risk(p, own);
                aggregator.AddStatistics(p, own);
            }
            var (byUnderlying, byTenor, total) = aggregator.Totals(result);
            var simulations = simulated.GroupBy(s => s.Position.Underlying, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new UnderlyingSimulation(g.Key, result!.Paths, g.Count(), g.Sum(s => s.Plan.Parts.Count), result.Elapsed, result.Backend))
                .ToImmutableArray();
            return new PortfolioRisk(portfolio.ReportingCurrency, [.. risks.Select(r => r!)], byUnderlying, byTenor, total, simulations, elapsed);
        });
    }

    private static PositionRisk Risk(BookPosition p, Valuation own) =>
        new(p.Id, p.Underlying, p.Tenor, p.Expiry, p.Currency, p.Fx, RiskMeasures.Of(own), own.CrnBumps, null) { SpreadGreeks = own.SpreadGreeks };

    private static PositionRisk Failed(Position source, PositionError error)
    {
        var (underlying, tenor) = source.Instrument switch
        {
            Products.SpreadOption s => (s.Leg1.Underlying, s.Leg1.FuturesDelivery),
            Products.IAllowanceInstrument a => (a.Underlying, a.FuturesDelivery),
            _ => ("", default(DateOnly)),
        };
        return new PositionRisk(source.Id, underlying ?? "", tenor, (source.Instrument as Products.FuturesOption)?.Expiry,
            source.Instrument?.Currency ?? "", double.NaN, null, null, error);
    }
}
