using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>
/// The portfolio pass on the ILGPU back end: a book's job (every position's groups, two underlyings on their own
/// streams) runs on the device's paths and gives every position's price and Greeks bit for bit as on the CPU.
/// </summary>
public sealed class PortfolioPassTests(CpuAcceleratorFixture fixture) : IClassFixture<CpuAcceleratorFixture>
{
    [Fact]
    public void BookRisk_OnTheCpuAccelerator_EqualsTheCpuBitForBit()
    {
        var monthly = FixingSchedule.Generate(new DateOnly(2026, 4, 30), new DateOnly(2026, 11, 30), FixingFrequency.Monthly);
        var book = new Portfolio("EUR",
        [
            Long("eua-call", Option("EUA", OptionType.Call, 75, new DateOnly(2026, 12, 16), Dec26), 2),
            Long("eua-put", Option("EUA", OptionType.Put, 65, new DateOnly(2026, 9, 14), Dec27)),
            Long("uka-call", Option("UKA", OptionType.Call, 45, new DateOnly(2026, 12, 16), Dec26)),
            Long("eua-asian", new AsianOption("EUA", OptionType.Call, 72, monthly, Dec26, 1000, "EUR")),
            Long("uka-barrier", new BarrierOption("UKA", OptionType.Call, 45, BarrierDirection.Up, BarrierKnock.Out, 60, 1, new DateOnly(2026, 12, 16),
                Dec26, 1000, "GBP")),
        ]);
        var cpu = Settings(ValuationMethod.MonteCarlo, 2_048, seed: 11);
        var gpu = cpu with { MonteCarlo = cpu.MonteCarlo with { Backend = fixture.Backend } };
        var expected = PortfolioRiskEngine.Compute(book, EuaMarket(), Fx, cpu);
        var actual = PortfolioRiskEngine.Compute(book, EuaMarket(), Fx, gpu);
        Assert.All(actual.Positions, p => Assert.Null(p.Error));
        Assert.All(actual.Simulations, s => Assert.Equal(fixture.Backend.Name, s.Backend));
        Assert.All(expected.Simulations, s => Assert.Equal("cpu", s.Backend));
        for (int i = 0; i < expected.Positions.Length; i++)
        {
            var (e, a) = (expected.Positions[i].Measures!, actual.Positions[i].Measures!);
            foreach (var (x, y) in new[] { (e.Price, a.Price), (e.Delta, a.Delta), (e.Gamma, a.Gamma), (e.Vega, a.Vega), (e.Theta, a.Theta), (e.Rho, a.Rho) })
            {
                Assert.Equal(x.Value, y.Value);
                Assert.Equal(x.StandardError, y.StandardError);
            }
        }
    }
}
