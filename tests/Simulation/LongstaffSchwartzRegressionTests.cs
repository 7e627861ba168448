using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Simulation.Simd;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The backward fit's least squares (normal equations of the centred, scaled basis, Cholesky) against an independent
/// solution: MathNet's thin QR on the raw basis 1, x, x², x³, the fit the engine used before.
/// </summary>
public class LongstaffSchwartzRegressionTests
{
    [Theory]
    [InlineData(OptionType.Put, 80.0, 0.45)]
    [InlineData(OptionType.Call, 80.0, 0.45)]
    [InlineData(OptionType.Put, 76.0, 0.10)] // narrow: x ≈ 0.85–1, where raw powers are nearly collinear
    public void Fit_ContinuationEqualsQrLeastSquares(OptionType type, double strike, double volatility)
    {
        var (today, expiry) = TwoDates(strike: 80, volatility, paths: 8_192, seed: 5);
        var boundary = LongstaffSchwartzRegression.Fit(type, strike, [today, expiry], [1.0, 1.0]);

        var inTheMoney = Enumerable.Range(0, today.Length).Where(p => Intrinsic(type, strike, today[p]) > 0).ToArray();
        Assert.True(inTheMoney.Length > 500, $"{inTheMoney.Length} in-the-money paths");
        var basis = Matrix<double>.Build.Dense(inTheMoney.Length, 4, (i, k) => Math.Pow(today[inTheMoney[i]] / strike, k));
        var target = Vector<double>.Build.Dense(inTheMoney.Length, i => Intrinsic(type, strike, expiry[inTheMoney[i]]));
        var beta = basis.QR(QRMethod.Thin).Solve(target);

        Assert.True(boundary.IsActive(0));
        var fit = boundary.Fit(0);
        foreach (int p in inTheMoney.Where((_, i) => i % 37 == 0))
        {
            double x = today[p] / strike;
            double qr = beta[0] + x * (beta[1] + x * (beta[2] + x * beta[3]));
            double engine = Evaluate(fit, x);
            Assert.True(Math.Abs(engine - qr) <= 1e-8 * (1 + Math.Abs(qr)), $"x = {x}: engine {engine:R}, QR {qr:R}");
        }
    }

    [Fact]
    public void Fit_AllInTheMoneyPathsAtOnePrice_FitsTheirMeanCashFlow()
    {
        var today = Enumerable.Repeat(70.0, 64).ToArray();
        var expiry = Enumerable.Range(0, 64).Select(p => 60.0 + p % 8).ToArray(); // put payoffs 20 - p mod 8: mean 16.5
        var boundary = LongstaffSchwartzRegression.Fit(OptionType.Put, 80, [today, expiry], [1.0, 1.0]);

        Assert.True(boundary.IsActive(0));
        Assert.Equal(16.5, Evaluate(boundary.Fit(0), 70.0 / 80), 12);
    }

    [Fact]
    public void Fit_TooFewInTheMoneyPaths_LeavesTheDateInactive()
    {
        var today = Enumerable.Range(0, 64).Select(p => p < 31 ? 70.0 : 90.0).ToArray();
        var boundary = LongstaffSchwartzRegression.Fit(OptionType.Put, 80, [today, today], [1.0, 1.0]);

        Assert.False(boundary.IsActive(0));
    }

    private static double Evaluate(ContinuationFit fit, double x)
    {
        Span<double> value = [0.0];
        fit.Evaluate(SimdDoubleScalar.Broadcast(x)).Store(value, 0);
        return value[0];
    }

    private static double Intrinsic(OptionType type, double strike, double price) =>
        Math.Max(type == OptionType.Call ? price - strike : strike - price, 0);

    /// <summary>Prices at half a year and at one year of a driftless lognormal, from a seeded System.Random.</summary>
    private static (double[] Today, double[] Expiry) TwoDates(double strike, double volatility, int paths, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double half = volatility * Math.Sqrt(0.5);
        var today = new double[paths];
        var expiry = new double[paths];
        for (int p = 0; p < paths; p++)
        {
            today[p] = strike * Math.Exp(half * Normal() - half * half / 2);
            expiry[p] = today[p] * Math.Exp(half * Normal() - half * half / 2);
        }
        return (today, expiry);
    }
}
