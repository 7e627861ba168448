using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Least-squares fit of a pricing model's parameters to implied-volatility quotes: bounded Levenberg–Marquardt (MathNet)
/// on vega-weighted price errors (model − market)/vega, which are the vol errors to first order and need no implied-vol
/// solve per iteration; from several starts, the best kept. Each quote is priced out of the money (calls above the
/// forward, puts below). The report gives the RMS and worst error in vol points from true implied vols of the fit.
/// </summary>
internal static class OptionQuoteFitter
{
    /// <summary>Fewest quotes a fit accepts (at least as many as parameters is also required).</summary>
    public const int MinQuotes = 3;

    /// <summary>Most quotes a fit accepts.</summary>
    public const int MaxQuotes = 500;

    /// <param name="quotes">The quotes; each validated and named "quotes[i]".</param>
    /// <param name="price">Undiscounted model price per unit of an option (type, quote) at the parameters.</param>
    /// <param name="starts">Starting points.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="cancellation">Stops the fit (checked at every residual evaluation).</param>
    public static QuoteFit Fit(IReadOnlyList<OptionQuote> quotes, Func<double[], OptionType, OptionQuote, double> price,
        IReadOnlyList<double[]> starts, double[] lower, double[] upper, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        if (quotes.Count > MaxQuotes) Guard.Fail("quotes", $"takes at most {MaxQuotes} quotes, got {quotes.Count}");
        if (quotes.Count < Math.Max(MinQuotes, lower.Length)) Guard.Fail("quotes", $"needs at least {Math.Max(MinQuotes, lower.Length)} quotes, got {quotes.Count}");
        for (int i = 0; i < quotes.Count; i++)
        {
            if (quotes[i] is null) Guard.Fail($"quotes[{i}]", "is missing");
            quotes[i].Validate($"quotes[{i}]");
        }
        var types = quotes.Select(q => q.Strike >= q.Forward ? OptionType.Call : OptionType.Put).ToArray();
        var market = quotes.Select((q, i) => Black76.Price(types[i], q.Forward, q.Strike, q.Expiry, q.Volatility, 1)).ToArray();
        var vega = quotes.Select(q => Math.Max(Vega(q), 1e-8 * q.Forward)).ToArray();

        Vector<double> Residuals(Vector<double> p, Vector<double> index)
        {
            cancellation.ThrowIfCancellationRequested();
            var parameters = p.ToArray();
            return Vector<double>.Build.Dense(index.Count, i => (price(parameters, types[i], quotes[i]) - market[i]) / vega[i]);
        }
        var x = Vector<double>.Build.Dense(quotes.Count, i => i);
        var y = Vector<double>.Build.Dense(quotes.Count);
        var low = Vector<double>.Build.DenseOfArray(lower);
        var high = Vector<double>.Build.DenseOfArray(upper);
        double[]? best = null;
        double bestCost = double.PositiveInfinity;
        foreach (var start in starts)
        {
            var model = ObjectiveFunction.NonlinearModel(Residuals, x, y, accuracyOrder: 2);
            var result = new LevenbergMarquardtMinimizer(1e-3, 1e-15, 1e-15, 1e-15, 150)
                .FindMinimum(model, Vector<double>.Build.DenseOfArray(start), low, high);
            var point = result.MinimizingPoint.ToArray();
            double cost = Residuals(result.MinimizingPoint, x).L2Norm();
            if (cost < bestCost) (best, bestCost) = (point, cost);
        }
        var errors = quotes.Select((q, i) => 100 * (ImpliedVolatility(price(best!, types[i], q), types[i], q) - q.Volatility)).ToArray();
        return new QuoteFit(best!, Math.Sqrt(errors.Average(e => e * e)), errors.Max(Math.Abs), errors);
    }

    private static double Vega(OptionQuote q)
    {
        double sd = q.Volatility * Math.Sqrt(q.Expiry), d1 = (Math.Log(q.Forward / q.Strike) + 0.5 * sd * sd) / sd;
        return q.Forward * NormalDistribution.Density(d1) * Math.Sqrt(q.Expiry);
    }

    private static double ImpliedVolatility(double modelPrice, OptionType type, OptionQuote q)
    {
        double intrinsic = Math.Max(type == OptionType.Call ? q.Forward - q.Strike : q.Strike - q.Forward, 0);
        double cap = type == OptionType.Call ? q.Forward : q.Strike;
        return Black76.ImpliedVolatility(type, Math.Clamp(modelPrice, intrinsic, cap * (1 - 1e-15)), q.Forward, q.Strike, q.Expiry, 1);
    }
}

/// <summary>A fit's parameters and its vol errors.</summary>
/// <param name="Parameters">The fitted parameter vector (the caller's order).</param>
/// <param name="RmsVolPoints">Root-mean-square of model minus quoted implied vol, in vol points (1 = 1%).</param>
/// <param name="MaxVolPoints">Largest absolute error, vol points.</param>
/// <param name="ErrorsVolPoints">Model minus quote per quote, vol points.</param>
internal sealed record QuoteFit(double[] Parameters, double RmsVolPoints, double MaxVolPoints, double[] ErrorsVolPoints);
