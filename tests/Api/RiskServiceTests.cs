using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>RiskService over the real server: sensitivities (analytic and streamed Monte Carlo), ladders, stress, VaR.</summary>
[Collection("server")]
public sealed class RiskServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    // The default snapshot: EUA Dec-26 at 70.76 EUR, UKA Dec-26 at 42.10 GBP, valued 2026-03-02.
    private const double EuaDec26 = 70.76, UkaDec26 = 42.10, GbpInEur = 1.17;

    private static Position Option(string id, string underlying, OptionRight right, double strike, double lots, PositionSide side, string currency = "EUR") => new()
    {
        Id = id, Lots = lots, Side = side,
        Instrument = new Instrument
        {
            FuturesOption = new FuturesOption
            {
                Underlying = underlying, Right = right, Strike = strike, Expiry = "2026-12-16", FuturesDelivery = "2026-12-21",
                LotSize = 1000, Currency = currency,
            },
        },
    };

    private static Position Future(string id, double lots, PositionSide side, double tradePrice = 65) => new()
    {
        Id = id, Lots = lots, Side = side,
        Instrument = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = "2026-12-21", LotSize = 1000, Currency = "EUR", TradePrice = tradePrice } },
    };

    private static RiskInputs Inputs(params Position[] positions) => new()
    {
        Portfolio = new Portfolio { ReportingCurrency = "EUR", Positions = { positions } },
        Market = new MarketSource { SnapshotId = "default" },
        FxRates = { ["GBP"] = GbpInEur },
    };

    private static RiskInputs Book() => Inputs(
        Option("c75", "EUA", OptionRight.Call, 75, 10, PositionSide.Long),
        Option("p60", "EUA", OptionRight.Put, 60, 4, PositionSide.Short),
        Future("f1", 3, PositionSide.Long),
        Option("uka", "UKA", OptionRight.Call, 45, 5, PositionSide.Long, "GBP"));

    private async Task<(SensitivitiesResult Result, int ProgressMessages)> Sensitivities(RiskInputs inputs, DateTime? deadline = null)
    {
        using var call = _client.Sensitivities(new SensitivitiesRequest { Inputs = inputs }, deadline: deadline);
        int progress = 0;
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.Progress is not null) progress++;
            else result = update.Result;
        }
        return (result!, progress);
    }

    [Fact]
    public async Task Sensitivities_Analytic_PositionsMatchBlack76AndTotalsAddUpInEur()
    {
        var (result, _) = await Sensitivities(Book());
        Assert.Equal("EUR", result.ReportingCurrency);
        Assert.All(result.Positions, p => Assert.Null(p.Error));

        // Each option's delta is lots x side x lot x DF x (N(d1) for a call, N(d1) - 1 for a put), Black-76 on the default
        // snapshot's forward, discount factor and term-structure vol at the option's expiry.
        foreach (var (id, lots, underlying, right, strike) in new[] { ("c75", 10.0, "EUA", OptionRight.Call, 75.0), ("p60", -4.0, "EUA", OptionRight.Put, 60.0),
                     ("uka", 5.0, "UKA", OptionRight.Call, 45.0) })
        {
            double delta = lots * 1000 * Black76Delta(underlying, right, strike);
            Assert.Equal(delta, result.Positions.Single(p => p.PositionId == id).Measures.Delta.Value, 1e-9 * Math.Abs(delta));
        }
        Assert.Equal(3000, result.Positions.Single(p => p.PositionId == "f1").Measures.Delta.Value, 1e-9);
        Assert.Equal(3000 * (EuaDec26 - 65), result.Positions.Single(p => p.PositionId == "f1").Measures.Price.Value, 1e-6);

        // Totals in EUR: the sum of positions converted at their FX rate.
        double sum = result.Positions.Sum(p => p.Measures.Price.Value * p.FxRate);
        Assert.Equal(sum, result.Total.Measures.Price.Value, 1e-6 * Math.Abs(sum));
        Assert.Equal(GbpInEur, result.Positions.Single(p => p.PositionId == "uka").FxRate, 12);
        Assert.Equal(["EUA", "UKA"], result.ByUnderlying.Keys.Order());
    }

    /// <summary>DF·N(d1) (call) or DF·(N(d1) − 1) (put) per tonne of a Dec-26 option expiring 2026-12-16 on the default snapshot.</summary>
    private static double Black76Delta(string underlying, OptionRight right, double strike)
    {
        var market = CarbonDerivatives.Api.Snapshots.DefaultMarket.Snapshot().Market;
        double t = market.TimeTo(new DateOnly(2026, 12, 16)), f = market.FuturesCurveFor(underlying).Price(new DateOnly(2026, 12, 21));
        double vol = market.VolSurfaceFor(underlying).Volatility(t, strike), df = market.Discount.DiscountFactor(t);
        double d1 = (Math.Log(f / strike) + 0.5 * vol * vol * t) / (vol * Math.Sqrt(t));
        return df * (MathNet.Numerics.Distributions.Normal.CDF(0, 1, d1) - (right == OptionRight.Put ? 1 : 0));
    }

    [Fact]
    public async Task Sensitivities_MonteCarlo_StreamsProgressAndAgreesWithAnalyticWithinFourSE()
    {
        var (analytic, _) = await Sensitivities(Book());
        var inputs = Book();
        inputs.Settings = new RiskSettings { Method = PricingMethod.MonteCarlo, Paths = 400_000, Seed = 5 };
        var (mc, progress) = await Sensitivities(inputs);
        Assert.True(progress >= 1, "a long job streams progress before its result");
        Assert.Equal(2, mc.Simulations.Count); // one shared pass per underlying
        foreach (var p in mc.Positions)
        {
            var a = analytic.Positions.Single(x => x.PositionId == p.PositionId).Measures;
            foreach (var (name, m, r) in new[] { ("price", p.Measures.Price, a.Price), ("delta", p.Measures.Delta, a.Delta), ("vega", p.Measures.Vega, a.Vega) })
                Assert.True(Math.Abs(m.Value - r.Value) <= 4 * m.StandardError + 1e-9 * Math.Abs(r.Value),
                    $"{p.PositionId} {name}: {m.Value} ± {m.StandardError} vs {r.Value}");
        }
    }

    [Fact]
    public async Task Sensitivities_OnTheGpuBackend_SameFiguresAsTheCpuAndTheReplySaysWhichRan()
    {
        RiskSettings On(SimulationBackend backend) => new()
        {
            Method = PricingMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = 4_096, Seed = 5, Backend = backend },
        };
        var cpuInputs = Book();
        cpuInputs.Settings = On(SimulationBackend.Cpu);
        var gpuInputs = Book();
        gpuInputs.Settings = On(SimulationBackend.Gpu);
        var (cpu, _) = await Sensitivities(cpuInputs);
        var (gpu, _) = await Sensitivities(gpuInputs);
        Assert.All(cpu.Simulations, s => Assert.Equal("cpu", s.Backend));
        Assert.All(gpu.Simulations, s => Assert.StartsWith("gpu (", s.Backend));
        Assert.Equal(cpu.Total.Measures.Price.Value, gpu.Total.Measures.Price.Value);
        Assert.Equal(cpu.Total.Measures.Delta.Value, gpu.Total.Measures.Delta.Value);
    }

    [Fact]
    public async Task Sensitivities_OneBadPosition_ReportedAndTheOthersStillPriced()
    {
        var (result, _) = await Sensitivities(Inputs(Option("ok", "EUA", OptionRight.Call, 75, 1, PositionSide.Long),
            Option("bad", "XYZ", OptionRight.Call, 75, 1, PositionSide.Long)));
        Assert.Null(result.Positions.Single(p => p.PositionId == "ok").Error);
        var bad = result.Positions.Single(p => p.PositionId == "bad").Error;
        Assert.Contains("XYZ", bad.Field);
        Assert.Equal(1, result.Total.Positions);
    }

    [Fact]
    public async Task Sensitivities_EmptyPortfolio_InvalidArgumentNamingPositions()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(Inputs()));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("inputs.portfolio.positions", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Sensitivities_DuplicateIds_InvalidArgumentNamingTheSecond()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(Inputs(Future("x", 1, PositionSide.Long), Future("x", 2, PositionSide.Short))));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("inputs.portfolio.positions[1].id", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Sensitivities_PathsOverBudget_ResourceExhaustedNamingInputsSettingsPaths()
    {
        var inputs = Book();
        inputs.Settings = new RiskSettings { Method = PricingMethod.MonteCarlo, Paths = 60_000_000, Seed = 1 };
        var e = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(inputs));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single();
        Assert.Equal("inputs.settings.paths", violation.Subject);
        Assert.Equal("requested 60,000,000 paths, over the budget of 50,000,000 paths", violation.Description);
    }

    [Fact]
    public async Task Sensitivities_LargeMonteCarloPastDeadline_DeadlineExceeded()
    {
        var inputs = Book();
        inputs.Settings = new RiskSettings { Method = PricingMethod.MonteCarlo, Paths = 40_000_000, Seed = 1 };
        var e = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(inputs, DateTime.UtcNow.AddMilliseconds(200)));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
    }

    [Fact]
    public async Task ScenarioLadder_LongFuture_LinearInThePriceShock()
    {
        using var call = _client.ScenarioLadder(new ScenarioLadderRequest { Inputs = Inputs(Future("f", 2, PositionSide.Long)), PriceShocks = { -0.5, 0, 0.1 } });
        ScenarioLadderResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        Assert.Equal([0.0], result!.VolShocks);
        Assert.Equal(2000 * EuaDec26 * -0.5, result.Total.Rows[0].Pnl[0], 1e-6);
        Assert.Equal(0, result.Total.Rows[1].Pnl[0], 1e-9);
        Assert.Equal(2000 * EuaDec26 * 0.1, result.Total.Rows[2].Pnl[0], 1e-6);
    }

    [Fact]
    public async Task ScenarioLadder_NoPriceShocks_InvalidArgumentNamingPriceShocks()
    {
        using var call = _client.ScenarioLadder(new ScenarioLadderRequest { Inputs = Inputs(Future("f", 1, PositionSide.Long)) });
        var e = await Assert.ThrowsAsync<RpcException>(async () => { await foreach (var _ in call.ResponseStream.ReadAllAsync()) { } });
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("price_shocks", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task StressTest_CatalogueAndCustom_PnlOfAShortFuture()
    {
        var catalogue = await _client.ListStressScenariosAsync(new ListStressScenariosRequest());
        Assert.Contains(catalogue.Scenarios, s => s.Name.Contains("2006"));
        var custom = new StressScenario { Name = "regulatory jump", PriceShocks = { ["EUA"] = 0.25 } };
        var response = await _client.StressTestAsync(new StressTestRequest
        {
            Inputs = Inputs(Future("f", 4, PositionSide.Short)), CustomScenarios = { custom },
            CatalogueScenarios = { catalogue.Scenarios[0].Name },
        });
        Assert.Equal(2, response.Results.Count);
        Assert.Equal(-4000 * EuaDec26 * 0.25, response.Results.Single(r => r.Scenario.Name == "regulatory jump").Pnl, 1e-6);
    }

    [Fact]
    public async Task StressTest_UnknownCatalogueName_InvalidArgument()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.StressTestAsync(new StressTestRequest
        {
            Inputs = Inputs(Future("f", 1, PositionSide.Long)), CatalogueScenarios = { "no such crash" },
        }).ResponseAsync);
        Assert.Equal("catalogue_scenarios[0]", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task ValueAtRisk_SingleFuture_VarAndEsMatchTheLognormalClosedForms()
    {
        // One long future: the 1-day loss is lot·F·(1 − e^{σ√h·Z − σ²h/2}); its 99% quantile and the mean beyond it
        // are closed forms: VaR = lot·F·(1 − e^{σ√h·z − σ²h/2}), ES = lot·F·(1 − Φ(z − σ√h)/(1 − α)), z = Φ⁻¹(1 − α).
        const double vol = 0.4, h = 1.0 / 252;
        using var call = _client.ValueAtRisk(new ValueAtRiskRequest
        {
            Inputs = Inputs(Future("f", 1, PositionSide.Long)), Confidences = { 0.99 }, Scenarios = 200_000, Seed = 3, Volatilities = { ["EUA"] = vol },
        });
        ValueAtRiskResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        var figure = result!.Figures.Single();
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.01);
        double s = vol * Math.Sqrt(h);
        double expected = 1000 * EuaDec26 * (1 - Math.Exp(s * z - 0.5 * s * s));
        double shortfall = 1000 * EuaDec26 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z - s) / 0.01);
        Assert.True(Math.Abs(figure.ValueAtRisk - expected) < 4 * figure.ValueAtRiskStandardError,
            $"VaR {figure.ValueAtRisk} ± {figure.ValueAtRiskStandardError} vs {expected}");
        Assert.True(Math.Abs(figure.ExpectedShortfall - shortfall) < 4 * figure.ExpectedShortfallStandardError,
            $"ES {figure.ExpectedShortfall} ± {figure.ExpectedShortfallStandardError} vs {shortfall}");
    }

    [Fact]
    public async Task ValueAtRisk_Historical_WorstWindowAndItsBootstrapStandardError()
    {
        // Returns of 0 on 99 days and ln 0.9 on one: at 99.5% (k = 1 of 100 windows) VaR and ES are the worst loss,
        // 10% of the future's value. Its bootstrap SE has a closed form: the blocks are 5 windows long (max(4h, ⌈100^⅓⌉)),
        // 20 of them per resample, each covering the shock with probability 5/100; a resample holds the shock with
        // probability q = 1 − 0.95²⁰, so VaR is the loss L with probability q and 0 otherwise: SE = L·√(q(1 − q)),
        // estimated from 200 resamples (±3%).
        var returns = new ReturnSeries { Underlying = "EUA" };
        returns.LogReturns.AddRange(Enumerable.Repeat(0.0, 99).Append(Math.Log(0.9)));
        using var call = _client.ValueAtRisk(new ValueAtRiskRequest
        {
            Inputs = Inputs(Future("f", 1, PositionSide.Long)), Method = VarMethod.Historical, Confidences = { 0.995 }, Returns = { returns },
        });
        ValueAtRiskResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        Assert.Equal(VarMethod.Historical, result!.Method);
        Assert.Equal(100, result.Scenarios);
        var figure = result.Figures.Single();
        double loss = 1000 * EuaDec26 * 0.1, q = 1 - Math.Pow(0.95, 20);
        Assert.Equal(loss, figure.ValueAtRisk, 1e-9 * loss);
        Assert.Equal(loss, figure.ExpectedShortfall, 1e-9 * loss);
        Assert.Equal(loss * Math.Sqrt(q * (1 - q)), figure.ValueAtRiskStandardError, 0.1 * loss * Math.Sqrt(q * (1 - q)));
        Assert.Equal(figure.ValueAtRiskStandardError, figure.ExpectedShortfallStandardError, 1e-9 * loss);
    }

    [Fact]
    public async Task ValueAtRisk_CurveHistory_ACalendarSpreadsVarGrowsAsItsTenorsDecorrelate_BadSeriesNamed()
    {
        // Long Dec-26, short Dec-27 against 300 days of returns: the Dec-27 series is the Dec-26 one plus noise, more of
        // it in the second history, so its tenors are less correlated and the spread riskier.
        var spread = Future("s27", 1, PositionSide.Short);
        spread.Instrument.Future.Delivery = "2027-12-20";
        ValueAtRiskRequest Request(double noise) => new()
        {
            Inputs = Inputs(Future("l26", 1, PositionSide.Long), spread), Confidences = { 0.99 }, Scenarios = 100_000, Seed = 9,
            Volatilities = { ["EUA"] = 0.46 },
            CurveHistory =
            {
                new ReturnSeries { Underlying = "EUA 2026-12-21", LogReturns = { Enumerable.Range(0, 300).Select(i => 0.02 * Math.Sin(i * 1.3)) } },
                new ReturnSeries { Underlying = "EUA 2027-12-20", LogReturns = { Enumerable.Range(0, 300).Select(i => 0.02 * Math.Sin(i * 1.3) + noise * Math.Cos(i * 2.9)) } },
            },
        };
        async Task<VarFigure> Figure(ValueAtRiskRequest request)
        {
            using var call = _client.ValueAtRisk(request);
            ValueAtRiskResult? result = null;
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
            return result!.Figures.Single();
        }
        var close = await Figure(Request(0.002));
        var loose = await Figure(Request(0.01));
        Assert.True(loose.ValueAtRisk > close.ValueAtRisk + 4 * (close.ValueAtRiskStandardError + loose.ValueAtRiskStandardError),
            $"decorrelated {loose.ValueAtRisk:F1} vs correlated {close.ValueAtRisk:F1}");

        async Task<string> Refused(ValueAtRiskRequest request)
        {
            var e = await Assert.ThrowsAsync<RpcException>(async () => await Figure(request));
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            return e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;
        }
        var twice = Request(0.01);
        twice.CurveHistory[1].Underlying = "EUA 2026-12-21";
        Assert.Equal("curve_history[1].underlying", await Refused(twice));
        var misaligned = Request(0.01);
        misaligned.CurveHistory[1].LogReturns.RemoveAt(0);
        Assert.Equal("curve_history[EUA 2027-12-20]", await Refused(misaligned));
    }
}
