using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The backward pass of Longstaff &amp; Schwartz (2001), "Valuing American options by simulation: a simple
/// least-squares approach", Rev. Financial Studies 14(1) 113–147. From expiry backwards, on each
/// exercise date the realised (future) cash flows of the in-the-money training paths are regressed on
/// 1, x, x², x³ (x = S/K) by least squares (thin QR, MathNet.Numerics); a path's cash flow becomes the
/// exercise value where that beats the fitted continuation. All values are carried to expiry, so no
/// discounting happens between dates.
/// </summary>
internal static class LongstaffSchwartzRegression
{
    /// <summary>Fewer in-the-money paths than this on a date: no fit, no exercise there.</summary>
    public const int MinimumInTheMoneyPaths = 32;

    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike per unit.</param>
    /// <param name="prices">Training prices on each exercise date: <c>prices[j][path]</c>.</param>
    /// <param name="growthToExpiry">Per exercise date, the factor that values a cash flow there at expiry.</param>
    /// <param name="cancellation">Checked before each date's fit.</param>
    public static ExerciseBoundary Fit(OptionType type, double strike, double[][] prices, double[] growthToExpiry,
        CancellationToken cancellation = default)
    {
        int paths = prices[0].Length;
        int dates = growthToExpiry.Length;
        var boundary = new ExerciseBoundary(dates);
        var cashFlow = new double[paths];
        var exercise = new double[paths];
        VanillaPayoff.Apply(type, strike, prices[dates - 1], cashFlow);
        var inTheMoney = new List<int>(paths);
        var moneyness = new double[paths];
        var continuation = new double[paths];
        double inverseStrike = 1.0 / strike; // as the pricing pass computes x

        for (int j = dates - 2; j >= 0; j--)
        {
            cancellation.ThrowIfCancellationRequested();
            var spot = prices[j].AsSpan();
            VanillaPayoff.Apply(type, strike, spot, exercise);
            inTheMoney.Clear();
            for (int p = 0; p < paths; p++)
                if (exercise[p] > 0) inTheMoney.Add(p);
            if (inTheMoney.Count < MinimumInTheMoneyPaths) continue;

            var basis = Matrix<double>.Build.Dense(inTheMoney.Count, ExerciseBoundary.BasisSize);
            var target = Vector<double>.Build.Dense(inTheMoney.Count);
            for (int i = 0; i < inTheMoney.Count; i++)
            {
                int p = inTheMoney[i];
                double x = moneyness[i] = spot[p] * inverseStrike;
                basis[i, 0] = 1;
                basis[i, 1] = x;
                basis[i, 2] = x * x;
                basis[i, 3] = x * x * x;
                target[i] = cashFlow[p];
            }
            var beta = basis.QR(QRMethod.Thin).Solve(target).ToArray();
            boundary.Set(j, beta);

            // The continuation exactly as the pricing pass evaluates it, so both passes decide alike.
            boundary.Continuation(j, moneyness.AsSpan(0, inTheMoney.Count), continuation);
            for (int i = 0; i < inTheMoney.Count; i++)
            {
                int p = inTheMoney[i];
                double value = exercise[p] * growthToExpiry[j];
                if (value > continuation[i]) cashFlow[p] = value;
            }
        }
        return boundary;
    }
}
