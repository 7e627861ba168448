using System.Collections.Immutable;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Sums position figures into underlying, tenor and book aggregates in the reporting currency. Closed-form figures
/// add exactly; a simulated position adds the measures of its figures, so each aggregate of simulated positions is
/// one measure of the book's job, read path by path: its standard error is that of the sum itself, whatever the
/// correlation between the positions. A position's terms go into its narrowest aggregate only (its tenor); an
/// underlying's measure sums its tenors' measures and the book's sums the underlyings' (<see cref="Measure.Sum"/>),
/// so each output is read once per block rather than once per aggregate.
/// </summary>
internal sealed class RiskAggregator
{
    private readonly Dictionary<string, Bucket> _byUnderlying = new(StringComparer.Ordinal);
    private readonly Dictionary<TenorKey, Bucket> _byTenor = [];
    private readonly Bucket _total = new();

    /// <summary>Adds a closed-form position: its valuation for the whole position, in its own currency.</summary>
    public void AddExact(BookPosition p, Valuation own)
    {
        foreach (var c in BucketContribution.Of(p))
            foreach (var bucket in BucketsOf(c))
                bucket.AddExact(c.Slot, own.Figure(c.Figure).Scale(c.Factor * p.Fx));
    }

    /// <summary>Adds a simulated position: the measures of its figures over the job's parts, whole position, reporting currency.</summary>
    public void AddSimulated(BookPosition p, SimulatedPlan plan, IReadOnlyList<int> partIds)
    {
        foreach (var c in BucketContribution.Of(p))
        {
            var figure = plan.Figures[c.Figure];
            var terms = SimulatedPlan.Translate(figure.Measure, partIds).Scale(c.Factor * p.Lots * p.Fx).Terms;
            var buckets = BucketsOf(c).ToArray();
            buckets[0].AddTerms(c.Slot, terms);
            foreach (var bucket in buckets) bucket.Simulated(c.Slot, figure.Method);
        }
    }

    /// <summary>Counts a priced position, its delta in tonnes and its vega by expiry (from its own-currency figures).</summary>
    public void AddStatistics(BookPosition p, Valuation own)
    {
        foreach (var c in BucketContribution.Of(p))
        {
            if (c.Slot is not (RiskSlot.Delta or RiskSlot.Vega or RiskSlot.Price)) continue;
            foreach (var bucket in BucketsOf(c))
            {
                if (c.Slot == RiskSlot.Price) bucket.Count++;
                else if (c.Slot == RiskSlot.Delta) bucket.DeltaTonnes += own.Figure(c.Figure).Value;
                else if (p.Expiry is { } expiry) bucket.AddVega(expiry, own.Figure(c.Figure).Value * p.Fx);
            }
        }
    }

    /// <summary>Adds one job measure per simulated aggregate slot.</summary>
    public void AddMeasures(JobBuilder builder)
    {
        foreach (var tenor in _byTenor.Values) tenor.AddMeasures(builder, []);
        foreach (var (code, underlying) in _byUnderlying)
            underlying.AddMeasures(builder, [.. _byTenor.Where(t => t.Key.Underlying == code).Select(t => t.Value)]);
        _total.AddMeasures(builder, [.. _byUnderlying.Values]);
    }

    /// <summary>The aggregates, with the simulated slots read from <paramref name="result"/>.</summary>
    public (ImmutableSortedDictionary<string, RiskTotals>, ImmutableSortedDictionary<TenorKey, RiskTotals>, RiskTotals) Totals(SimulationResult? result) =>
        (_byUnderlying.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.ToTotals(result), StringComparer.Ordinal),
         _byTenor.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.ToTotals(result)),
         _total.ToTotals(result));

    /// <summary>The aggregates a contribution counts in, narrowest first.</summary>
    private IEnumerable<Bucket> BucketsOf(BucketContribution c) => c.Scope switch
    {
        BucketScope.All => [TenorBucket(c.Leg.TenorKey), UnderlyingBucket(c.Leg.Underlying), _total],
        BucketScope.UnderlyingAndTotal => [UnderlyingBucket(c.Leg.Underlying), _total],
        _ => [_total],
    };

    private Bucket UnderlyingBucket(string code) =>
        _byUnderlying.TryGetValue(code, out var b) ? b : _byUnderlying[code] = new Bucket();

    private Bucket TenorBucket(TenorKey key) =>
        _byTenor.TryGetValue(key, out var b) ? b : _byTenor[key] = new Bucket();

    /// <summary>Running sums of one aggregate: exact values, simulated terms and their measure, statistics.</summary>
    private sealed class Bucket
    {
        private const int Slots = 6;
        private readonly double[] _exact = new double[Slots];
        private readonly List<MeasureTerm>[] _terms = [.. Enumerable.Range(0, Slots).Select(_ => new List<MeasureTerm>())];
        private readonly GreekMethod[] _method = new GreekMethod[Slots];
        private readonly int[] _measure = [.. Enumerable.Repeat(-1, Slots)];
        private readonly bool[] _simulated = new bool[Slots];
        private readonly SortedDictionary<DateOnly, double> _vegaByExpiry = [];

        public int Count { get; set; }

        public double DeltaTonnes { get; set; }

        public void AddExact(RiskSlot slot, GreekEstimate figure)
        {
            _exact[(int)slot] += figure.Value;
            if (figure.Method != GreekMethod.Analytic && !_simulated[(int)slot]) _method[(int)slot] = figure.Method;
        }

        public void AddTerms(RiskSlot slot, IEnumerable<MeasureTerm> terms) => _terms[(int)slot].AddRange(terms);

        /// <summary>The slot holds a simulated figure (its own terms or its children's), read with <paramref name="method"/>.</summary>
        public void Simulated(RiskSlot slot, GreekMethod method)
        {
            _method[(int)slot] = method;
            _simulated[(int)slot] = true;
        }

        public void AddVega(DateOnly expiry, double vega) => _vegaByExpiry[expiry] = _vegaByExpiry.GetValueOrDefault(expiry) + vega;

        /// <summary>One measure per simulated slot: its own terms plus the measures of <paramref name="children"/> (added earlier).</summary>
        public void AddMeasures(JobBuilder builder, IReadOnlyList<Bucket> children)
        {
            for (int s = 0; s < Slots; s++)
            {
                var components = children.Select(c => c._measure[s]).Where(m => m >= 0).ToArray();
                if (_terms[s].Count > 0 || components.Length > 0) _measure[s] = builder.AddMeasure(Measure.Sum([.. _terms[s]], components));
            }
        }

        public RiskTotals ToTotals(SimulationResult? result)
        {
            GreekEstimate E(int s) => _measure[s] < 0
                ? new(_exact[s], 0, _method[s])
                : new(_exact[s] + result![_measure[s]].Value, result[_measure[s]].StandardError, _method[s]);
            return new RiskTotals(new RiskMeasures(E(0), E(1), E(2), E(3), E(4), E(5)), DeltaTonnes, _vegaByExpiry.ToImmutableSortedDictionary(), Count);
        }
    }
}
