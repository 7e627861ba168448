using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using CarbonDerivatives.Tests.Smile;
using CarbonDerivatives.Tests.Support;
using Xunit;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>
/// The back-end test suite: every back end must pass it (STYLE.md item 9). Each subclass names one back end; the
/// checks are independent references (closed forms), |MC − reference| &lt; 4 SE at fixed seeds. Path counts are small
/// because ILGPU's CPU accelerator emulates the GPU's threads on the CI's two cores.
/// </summary>
public abstract class BackendSuite
{
    /// <summary>The back end under test.</summary>
    protected abstract ISimulationBackend Backend { get; }

    private MonteCarloSettings Settings(long paths, ulong seed, bool antithetic = false, bool control = false) =>
        new() { Paths = paths, Seed = seed, Antithetic = antithetic, ControlVariate = control, Backend = Backend };

    [Theory]
    [InlineData(OptionType.Call, 75.0, false, false)]
    [InlineData(OptionType.Put, 65.0, true, false)]
    [InlineData(OptionType.Call, 70.0, true, true)]
    public void Black76European_WithinFourStandardErrorsOfClosedForm(OptionType type, double strike, bool antithetic, bool control)
    {
        var group = new SimulationGroup(new Black76Model(70, 0.45), TimeGrid.Uniform(0.75, 1), new EuropeanPayoff(type, strike));
        var job = new SimulationJob(Settings(8_192, 181, antithetic, control), [group],
            [MonteCarloSimulator.ValueMeasure(group, 0, control)]);
        var result = job.Run();
        Assert.Equal(Backend.Name, result.Backend);
        McAssert.WithinStandardErrors(Black76.Price(type, 70, strike, 0.75, 0.45, 1.0), result[0]);
    }

    [Fact]
    public void MertonEuropean_WithinFourStandardErrorsOfMertonSeries()
    {
        var model = new MertonJumpDiffusionModel(70.76, 0.33, new LogNormalJumps(6.1, -0.029, 0.083));
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(0.75, 3), new EuropeanPayoff(OptionType.Put, 70),
            Settings(8_192, 182, antithetic: true));
        McAssert.WithinStandardErrors(MertonJumpDiffusion.Price(OptionType.Put, 70.76, 70, 0.75, 0.33, 6.1, -0.029, 0.083, 1.0), estimate);
    }

    [Fact]
    public void SchwartzEuropean_WithinFourStandardErrorsOfClosedForm()
    {
        var model = new SchwartzOneFactorModel(65, 0.8, 80, 0.60);
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(2.0, 8), new EuropeanPayoff(OptionType.Call, 75), Settings(8_192, 183));
        McAssert.WithinStandardErrors(SchwartzOneFactor.OptionPrice(model, OptionType.Call, 75, 2.0, 1.0), estimate);
    }

    [Fact]
    public void GeometricAsian_WithinFourStandardErrorsOfClosedForm()
    {
        var option = new ResolvedAsianOption(OptionType.Call, 70, AverageKind.Geometric, [0.25, 0.5, 0.75, 1.0], [], 70, 0.45, 0.97, 1);
        var estimate = MonteCarloRuns.Asian(option, Settings(8_192, 184, antithetic: true));
        McAssert.WithinStandardErrors(DiscreteGeometricAsian.Price(option), estimate);
    }

    [Fact]
    public void ContinuousBarrier_WithinFourStandardErrorsOfReinerRubinstein()
    {
        var option = new ResolvedBarrierOption(OptionType.Call, 75, BarrierDirection.Down, BarrierKnock.Out, 60, 0, 0.5, 70, 0.45, 0.98, 1);
        var estimate = MonteCarloRuns.Barrier(option, Settings(8_192, 185, control: true), steps: 26);
        McAssert.WithinStandardErrors(ReinerRubinsteinBarrier.PriceContinuous(option), estimate);
    }

    [Fact]
    public void LocalVolEuropean_RepricesTheSurface_WithinFourStandardErrors()
    {
        // Dupire local vol from the EUA Dec-26 SVI fit reprices the smile's own OTM put (Black-76 at the strike's implied vol).
        var surface = VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;
        double forward = SmileQuotes.EuaDec26, expiry = 289 / 365.0, strike = 60;
        var estimate = MonteCarloSimulator.Run(new LocalVolatilityModel(forward, surface), TimeGrid.Uniform(expiry, 30),
            new EuropeanPayoff(OptionType.Put, strike), Settings(8_192, 187, antithetic: true));
        McAssert.WithinStandardErrors(Black76.Price(OptionType.Put, forward, strike, expiry, surface.Volatility(expiry, strike), 1.0), estimate);
    }

    [Fact]
    public void EuropeanPricerOnTheDriver_ValueAndPathwiseDelta_WithinFourStandardErrorsOfBlack76()
    {
        double rate = 0.03, df = Math.Exp(-rate * 0.5);
        var option = new ResolvedFuturesOption(OptionType.Call, 72, 0.5, 70, 0.4, df, 1);
        var valuation = MonteCarloRuns.Option(option, Settings(8_192, 186), greeks: true);
        McAssert.WithinStandardErrors(Black76.Price(OptionType.Call, 70, 72, 0.5, 0.4, df), valuation);
        McAssert.WithinStandardErrors(Black76.Greeks(OptionType.Call, 70, 72, 0.5, 0.4, rate).Delta, valuation.Figure(Figure.Delta));
    }
}

/// <summary>The suite on the managed SIMD CPU back end (the reference).</summary>
public sealed class CpuBackendSuite : BackendSuite
{
    protected override ISimulationBackend Backend => CpuBackend.Instance;
}

/// <summary>The suite on the ILGPU back end, run on ILGPU's CPU accelerator (no GPU needed).</summary>
public sealed class CpuAcceleratorBackendSuite(CpuAcceleratorFixture fixture) : BackendSuite, IClassFixture<CpuAcceleratorFixture>
{
    protected override ISimulationBackend Backend => fixture.Backend;
}
