using CarbonDerivatives.Engine.Market.Smile;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>SABR vols against QLNet's independent implementation of Hagan et al. (2002), and the Obłój (2008) refinement's limits.</summary>
public sealed class SabrVolatilityTests
{
    private const double Forward = 72.83; // EUA Dec-27 futures, March 2026

    public static TheoryData<double, double, double, double> ParameterSets => new()
    {
        { 0.46, 1.0, -0.30, 0.80 },                        // lognormal, put skew
        { 0.46 * Math.Sqrt(Forward), 0.5, -0.20, 0.60 },   // CEV 1/2
        { 0.40 * Forward, 0.0, 0.10, 0.40 },               // normal backbone
    };

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Hagan_EqualsQlnet_OnStrikeByExpiryGrid(double alpha, double beta, double rho, double nu)
    {
        var p = new SabrParameters(alpha, beta, rho, nu);
        double[] expiries = [0.1, 0.5, 1.0, 2.0, 5.0];
        int compared = 0;
        foreach (double t in expiries)
            for (int i = 0; i <= 10; i++)
            {
                double strike = Forward * (0.5 + 0.1 * i); // 0.5F … 1.5F, the forward itself at i = 5
                double ours = SabrVolatility.Hagan(Forward, strike, t, p);
                double qlnet = QLNet.Utils.sabrVolatility(strike, Forward, t, alpha, beta, nu, rho);
                Assert.True(Math.Abs(ours - qlnet) < 1e-8, $"K={strike} T={t}: {ours} vs QLNet {qlnet}");
                compared++;
            }
        Assert.Equal(55, compared);
    }

    [Fact]
    public void Obloj_EqualsHagan_AtBetaOneAndAtTheMoney_DiffersInTheWings()
    {
        // At β = 1 both leading terms are ν ln(F/K)/x(z) and the corrections agree; at K = F both are α/F^(1−β)·(1 + T·…).
        var lognormal = new SabrParameters(0.46, 1.0, -0.3, 0.8);
        var cev = new SabrParameters(0.46 * Math.Sqrt(Forward), 0.5, -0.3, 0.8);
        foreach (double strike in new[] { 40.0, 60.0, 72.83, 90.0, 140.0 })
            Assert.Equal(SabrVolatility.Hagan(Forward, strike, 1.0, lognormal), SabrVolatility.Obloj(Forward, strike, 1.0, lognormal), 12);
        Assert.Equal(SabrVolatility.Hagan(Forward, Forward, 1.0, cev), SabrVolatility.Obloj(Forward, Forward, 1.0, cev), 12);
        // Away from the money at β = 1/2 the two expansions differ, by less than a vol point at 0.6F.
        double gap = SabrVolatility.Obloj(Forward, 0.6 * Forward, 1.0, cev) - SabrVolatility.Hagan(Forward, 0.6 * Forward, 1.0, cev);
        Assert.InRange(Math.Abs(gap), 1e-6, 0.01);
    }
}
