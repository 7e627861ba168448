using System.Collections.Immutable;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Sums position figures into underlying, tenor and portfolio buckets in the reporting currency.
/// Closed-form figures add exactly; a simulated underlying adds its bucket sums as sampled on the
/// shared paths (so their SE accounts for the correlation between positions); different underlyings
/// draw from independent streams, so their variances add.
/// </summary>
internal sealed class RiskAggregator
{
    private readonly Dictionary<string, Bucket> _byUnderlying = new(StringComparer.Ordinal);
    private readonly Dictionary<TenorKey, Bucket> _byTenor = [];
    private readonly Bucket _total = new();

    /// <summary>Tenor bucket of each position of one underlying, and the bucket count (tenors + 1 for the underlying total).</summary>
    public (int[] BucketOf, int Buckets) TenorBuckets(IReadOnlyList<ResolvedPosition> positions)
    {
        var tenors = positions.Select(p => p.Tenor).Distinct().Order().ToList();
        return (positions.Select(p => tenors.IndexOf(p.Tenor)).ToArray(), tenors.Count + 1);
    }

    /// <summary>Adds a closed-form position (measures in its own currency).</summary>
    public void AddExact(ResolvedPosition p, RiskMeasures measures)
    {
        var reporting = measures.Scale(p.Fx);
        foreach (var bucket in BucketsOf(p))
        {
            bucket.AddStatistics(p, measures);
            bucket.AddFigures(reporting);
        }
    }

    /// <summary>
    /// Adds the simulated positions of one underlying from the moments of its pass: per position (own
    /// currency), then per bucket in <see cref="TenorBuckets"/> order with the underlying total last
    /// (reporting currency).
    /// </summary>
    public void AddSimulated(string underlying, IReadOnlyList<ResolvedPosition> positions, SampleMoments[] moments)
    {
        const int outputs = SharedPathValuation.Outputs;
        for (int i = 0; i < positions.Count; i++)
        {
            var own = PortfolioRiskEngine.FromMoments(moments.AsSpan(i * outputs, outputs)).Measures;
            foreach (var bucket in BucketsOf(positions[i])) bucket.AddStatistics(positions[i], own);
        }
        RiskMeasures Figures(int bucket) =>
            PortfolioRiskEngine.FromMoments(moments.AsSpan((positions.Count + bucket) * outputs, outputs)).Measures;
        var tenors = positions.Select(p => p.Tenor).Distinct().Order().ToList();
        for (int t = 0; t < tenors.Count; t++) TenorBucket(new TenorKey(underlying, tenors[t])).AddFigures(Figures(t));
        var all = Figures(tenors.Count);
        UnderlyingBucket(underlying).AddFigures(all);
        _total.AddFigures(all);
    }

    /// <summary>The buckets as immutable results.</summary>
    public (ImmutableSortedDictionary<string, RiskTotals>, ImmutableSortedDictionary<TenorKey, RiskTotals>, RiskTotals) Totals() =>
        (_byUnderlying.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.ToTotals(), StringComparer.Ordinal),
         _byTenor.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.ToTotals()),
         _total.ToTotals());

    private IEnumerable<Bucket> BucketsOf(ResolvedPosition p) =>
        [UnderlyingBucket(p.Underlying), TenorBucket(new TenorKey(p.Underlying, p.Tenor)), _total];

    private Bucket UnderlyingBucket(string code) =>
        _byUnderlying.TryGetValue(code, out var b) ? b : _byUnderlying[code] = new Bucket();

    private Bucket TenorBucket(TenorKey key) =>
        _byTenor.TryGetValue(key, out var b) ? b : _byTenor[key] = new Bucket();

    /// <summary>Running sums of one bucket: values, variances, the method of each figure, and statistics.</summary>
    private sealed class Bucket
    {
        private readonly double[] _value = new double[6], _variance = new double[6];
        private readonly GreekMethod[] _method = new GreekMethod[6];
        private readonly SortedDictionary<DateOnly, double> _vegaByExpiry = [];
        private double _deltaTonnes;
        private int _count;

        public void AddStatistics(ResolvedPosition p, RiskMeasures ownCurrency)
        {
            _count++;
            _deltaTonnes += ownCurrency.Delta.Value;
            if (p.Expiry is { } expiry)
                _vegaByExpiry[expiry] = _vegaByExpiry.GetValueOrDefault(expiry) + ownCurrency.Vega.Value * p.Fx;
        }

        public void AddFigures(RiskMeasures reporting)
        {
            GreekEstimate[] figures = [reporting.Price, reporting.Delta, reporting.Gamma, reporting.Vega, reporting.Theta, reporting.Rho];
            for (int i = 0; i < figures.Length; i++)
            {
                _value[i] += figures[i].Value;
                _variance[i] += figures[i].StandardError * figures[i].StandardError;
                if (figures[i].Method != GreekMethod.Analytic) _method[i] = figures[i].Method;
            }
        }

        public RiskTotals ToTotals()
        {
            GreekEstimate E(int i) => new(_value[i], Math.Sqrt(_variance[i]), _method[i]);
            return new RiskTotals(new RiskMeasures(E(0), E(1), E(2), E(3), E(4), E(5)), _deltaTonnes,
                _vegaByExpiry.ToImmutableSortedDictionary(), _count);
        }
    }
}
