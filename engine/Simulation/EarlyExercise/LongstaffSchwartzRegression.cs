using System.Diagnostics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The backward pass of Longstaff &amp; Schwartz (2001), "Valuing American options by simulation: a simple
/// least-squares approach", Rev. Financial Studies 14(1) 113–147. From expiry backwards, on each
/// exercise date the realised (future) cash flows of the in-the-money training paths are regressed on
/// 1, u, u², u³ (u the centred, scaled moneyness S/K: <see cref="ContinuationFit"/>) by least squares; a path's cash
/// flow becomes the exercise value where that beats the fitted continuation (<see cref="ExerciseRule"/>). All values
/// are carried to expiry, so no discounting happens between dates.
/// </summary>
/// <remarks>
/// The least squares are the normal equations of the centred, scaled basis, solved by Cholesky: one vectorised pass
/// over the paths gathers Σuᵏ (k ≤ 6) and Σy·uᵏ (k ≤ 3) of the in-the-money paths, where a QR factorisation copied
/// them into a matrix first. Centring keeps the 4×4 system well conditioned; a power of u that adds nothing (a pivot
/// below <see cref="PivotTolerance"/> of its diagonal) and those above it are left out. The sums run in eight fixed
/// lanes (path p in lane p mod 8, lanes added in one order), so the fit has the same bits on every SIMD tier.
/// </remarks>
internal static class LongstaffSchwartzRegression
{
    /// <summary>Fewer in-the-money paths than this on a date: no fit, no exercise there.</summary>
    public const int MinimumInTheMoneyPaths = 32;

    /// <summary>A Cholesky pivot below this fraction of its diagonal means the power is (nearly) spanned by the lower ones.</summary>
    public const double PivotTolerance = 1e-10;

    private const int Lanes = 8;
    private const int PowerSums = 2 * ContinuationFit.BasisSize - 1; // Σuᵏ, k = 0..6
    private const int Sums = PowerSums + ContinuationFit.BasisSize;   // then Σy·uᵏ, k = 0..3

    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike per unit.</param>
    /// <param name="prices">Training prices on each exercise date: <c>prices[j][path]</c>; a multiple of 8 paths.</param>
    /// <param name="growthToExpiry">Per exercise date, the factor that values a cash flow there at expiry.</param>
    /// <param name="cancellation">Checked before each date's fit.</param>
    public static ExerciseBoundary Fit(OptionType type, double strike, double[][] prices, double[] growthToExpiry,
        CancellationToken cancellation = default)
    {
        int paths = prices[0].Length;
        Debug.Assert(paths % Lanes == 0);
        int dates = growthToExpiry.Length;
        var boundary = new ExerciseBoundary(dates);
        var cashFlow = new double[paths];
        VanillaPayoff.Apply(type, strike, prices[dates - 1], cashFlow);
        Span<double> sums = stackalloc double[Sums];

        for (int j = dates - 2; j >= 0; j--)
        {
            cancellation.ThrowIfCancellationRequested();
            var spot = prices[j];
            var rule = new ExerciseRule(type, strike, growthToExpiry[j], default);
            InTheMoneySums(rule, spot, cashFlow, center: 0, inverseScale: 1, sums);
            double count = sums[0];
            if (count < MinimumInTheMoneyPaths) continue;
            double mean = sums[1] / count, variance = sums[2] / count - mean * mean;
            double inverseScale = variance > 0 ? 1 / Math.Sqrt(variance) : 1;
            InTheMoneySums(rule, spot, cashFlow, mean, inverseScale, sums);
            var beta = SolveNormalEquations(sums);
            var fit = new ContinuationFit(mean, inverseScale, beta[0], beta[1], beta[2], beta[3]);
            boundary.Set(j, fit);
            UpdateCashFlows(new ExerciseRule(type, strike, growthToExpiry[j], fit), spot, cashFlow);
        }
        return boundary;
    }

    /// <summary>
    /// Over the in-the-money paths, with u = (S/K − center)·inverseScale and y the cash flow: Σuᵏ (k = 0..6) then
    /// Σy·uᵏ (k = 0..3), in eight fixed lanes.
    /// </summary>
    private static void InTheMoneySums(ExerciseRule rule, double[] spot, double[] cashFlow, double center, double inverseScale, Span<double> sums)
    {
        Span<double> lanes = stackalloc double[Sums * Lanes];
        switch (SimdTiers.Current)
        {
            case SimdTier.Vector512: LaneSums<SimdDouble512>(rule, spot, cashFlow, center, inverseScale, lanes); break;
            case SimdTier.Vector256: LaneSums<SimdDouble256>(rule, spot, cashFlow, center, inverseScale, lanes); break;
            default: LaneSums<SimdDoubleScalar>(rule, spot, cashFlow, center, inverseScale, lanes); break;
        }
        for (int k = 0; k < Sums; k++)
        {
            var l = lanes.Slice(k * Lanes, Lanes);
            sums[k] = ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
        }
    }

    /// <summary>Lane l of sum k goes to lanes[k·8 + l]: path p adds to lane p mod 8, in path order.</summary>
    private static void LaneSums<TVec>(ExerciseRule rule, double[] spot, double[] cashFlow, double center, double inverseScale, Span<double> lanes)
        where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0.0);
        var c = TVec.Broadcast(center);
        var s = TVec.Broadcast(inverseScale);
        for (int lane = 0; lane < Lanes; lane += TVec.Count)
        {
            TVec p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero, p5 = zero, p6 = zero;
            TVec y0 = zero, y1 = zero, y2 = zero, y3 = zero;
            for (int i = lane; i < spot.Length; i += Lanes)
            {
                var price = TVec.Load(spot, i);
                var w = TVec.OneWhereGreater(rule.IntrinsicValue(price), zero);
                var u = (rule.Moneyness(price) - c) * s;
                var term = w;
                p0 += term; term *= u;
                p1 += term; term *= u;
                p2 += term; term *= u;
                p3 += term; term *= u;
                p4 += term; term *= u;
                p5 += term; term *= u;
                p6 += term;
                term = w * TVec.Load(cashFlow, i);
                y0 += term; term *= u;
                y1 += term; term *= u;
                y2 += term; term *= u;
                y3 += term;
            }
            int k = 0;
            foreach (var sum in (ReadOnlySpan<TVec>)[p0, p1, p2, p3, p4, p5, p6, y0, y1, y2, y3])
                sum.Store(lanes, k++ * Lanes + lane);
        }
    }

    /// <summary>
    /// β of G·β = r, G[a, b] = Σu^(a+b) and r[a] = Σy·uᵃ, by Cholesky; from the first power whose pivot falls below
    /// <see cref="PivotTolerance"/> of its diagonal, that power and the higher ones get β = 0.
    /// </summary>
    private static double[] SolveNormalEquations(ReadOnlySpan<double> sums)
    {
        const int n = ContinuationFit.BasisSize;
        Span<double> lower = stackalloc double[n * n];
        int degree = 0;
        for (; degree < n; degree++)
        {
            int k = degree;
            for (int m = 0; m < k; m++)
            {
                double dot = sums[k + m];
                for (int q = 0; q < m; q++) dot -= lower[k * n + q] * lower[m * n + q];
                lower[k * n + m] = dot / lower[m * n + m];
            }
            double pivot = sums[2 * k];
            for (int q = 0; q < k; q++) pivot -= lower[k * n + q] * lower[k * n + q];
            if (!(pivot > PivotTolerance * sums[2 * k])) break;
            lower[k * n + k] = Math.Sqrt(pivot);
        }
        var beta = new double[n];
        Span<double> z = stackalloc double[n];
        for (int a = 0; a < degree; a++)
        {
            double v = sums[PowerSums + a];
            for (int q = 0; q < a; q++) v -= lower[a * n + q] * z[q];
            z[a] = v / lower[a * n + a];
        }
        for (int a = degree - 1; a >= 0; a--)
        {
            double v = z[a];
            for (int q = a + 1; q < degree; q++) v -= lower[q * n + a] * beta[q];
            beta[a] = v / lower[a * n + a];
        }
        return beta;
    }

    /// <summary>Where the rule exercises, the path's cash flow becomes its exercise value.</summary>
    private static void UpdateCashFlows(ExerciseRule rule, double[] spot, double[] cashFlow)
    {
        var kernel = new ExerciseUpdate { Rule = rule, Spot = spot, CashFlow = cashFlow };
        SimdLoop.Run(ref kernel, spot.Length);
    }

    private ref struct ExerciseUpdate : ISimdKernel
    {
        public ExerciseRule Rule;
        public ReadOnlySpan<double> Spot;
        public Span<double> CashFlow;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var price = TVec.Load(Spot, i);
                var value = Rule.ExerciseValue(price);
                TVec.WhereGreater(value, Rule.Threshold(price), value, TVec.Load(CashFlow, i)).Store(CashFlow, i);
            }
            return i;
        }
    }
}
