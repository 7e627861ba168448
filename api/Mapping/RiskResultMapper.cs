using System.Globalization;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Risk;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Engine risk results to proto messages: the one place for that direction.</summary>
internal static class RiskResultMapper
{
    public static Proto.SensitivitiesResult Sensitivities(PortfolioRisk risk, double totalMs, Func<string, string?> instrumentPath)
    {
        var result = new Proto.SensitivitiesResult
        {
            ReportingCurrency = risk.ReportingCurrency,
            Total = Totals(risk.Total),
            Timing = new Proto.Timing { TotalMs = totalMs, EngineMs = risk.Elapsed.TotalMilliseconds },
        };
        result.Positions.AddRange(risk.Positions.Select(p => Position(p, instrumentPath)));
        foreach (var (underlying, totals) in risk.ByUnderlying) result.ByUnderlying[underlying] = Totals(totals);
        foreach (var (currency, delta) in risk.FxDelta) result.FxDelta[currency] = delta;
        result.ByTenor.AddRange(risk.ByTenor.Select(t => new Proto.TenorTotals
        {
            Underlying = t.Key.Underlying, Delivery = Date(t.Key.Delivery), Totals = Totals(t.Value),
        }));
        result.Simulations.AddRange(risk.Simulations.Select(s => new Proto.SimulationInfo
        {
            Underlying = s.Underlying, Paths = s.Paths, Positions = s.Positions, ElapsedMs = s.Elapsed.TotalMilliseconds, Groups = s.Groups, Backend = s.Backend,
        }));
        return result;
    }

    public static Proto.ScenarioLadderResult Ladder(ScenarioLadderResult ladder, double totalMs, Func<string, string?> instrumentPath)
    {
        var result = new Proto.ScenarioLadderResult { Total = Grid(ladder.ProfitAndLoss), Timing = new Proto.Timing { TotalMs = totalMs } };
        result.PriceShocks.AddRange(ladder.PriceShocks);
        result.VolShocks.AddRange(ladder.VolShocks);
        foreach (var (underlying, grid) in ladder.ByUnderlying) result.ByUnderlying[underlying] = Grid(grid);
        result.Errors.AddRange(ladder.Errors.Select(e => Error(e, instrumentPath)));
        return result;
    }

    public static Proto.StressTestResponse Stress(StressReport report, string reportingCurrency, double totalMs, Func<string, string?> instrumentPath)
    {
        var response = new Proto.StressTestResponse { ReportingCurrency = reportingCurrency, Timing = new Proto.Timing { TotalMs = totalMs } };
        foreach (var r in report.Results)
        {
            var item = new Proto.StressResult { Scenario = Scenario(r.Scenario), Pnl = r.ProfitAndLoss };
            foreach (var (underlying, pnl) in r.ByUnderlying) item.ByUnderlying[underlying] = pnl;
            response.Results.Add(item);
        }
        response.Errors.AddRange(report.Errors.Select(e => Error(e, instrumentPath)));
        return response;
    }

    public static Proto.ValueAtRiskResult ValueAtRisk(VarResult var, Proto.VarMethod method, string reportingCurrency, double totalMs,
        Func<string, string?> instrumentPath)
    {
        var result = new Proto.ValueAtRiskResult
        {
            ReportingCurrency = reportingCurrency, HorizonDays = var.HorizonDays, Method = method, Scenarios = var.Scenarios,
            MeanPnl = var.MeanProfitAndLoss, Timing = new Proto.Timing { TotalMs = totalMs },
        };
        result.Figures.AddRange(var.Figures.Select(f => new Proto.VarFigure
        {
            Confidence = f.Confidence, ValueAtRisk = f.ValueAtRisk, ValueAtRiskStandardError = f.ValueAtRiskStandardError,
            ExpectedShortfall = f.ExpectedShortfall, ExpectedShortfallStandardError = f.ExpectedShortfallStandardError,
        }));
        result.Errors.AddRange(var.Errors.Select(e => Error(e, instrumentPath)));
        return result;
    }

    public static Proto.StressScenario Scenario(StressScenario scenario)
    {
        var message = new Proto.StressScenario
        {
            Name = scenario.Name, Description = scenario.Description, VolShock = scenario.VolShock, Days = scenario.Days,
            SkewShock = scenario.SkewShock, SmileShock = scenario.SmileShock,
        };
        foreach (var (underlying, shock) in scenario.PriceShocks) message.PriceShocks[underlying] = shock;
        foreach (var (underlying, slope) in scenario.SlopeShocks) message.SlopeShocks[underlying] = slope;
        return message;
    }

    private static Proto.PositionRisk Position(PositionRisk p, Func<string, string?> instrumentPath)
    {
        var message = new Proto.PositionRisk
        {
            PositionId = p.PositionId, Underlying = p.Underlying, Tenor = p.Tenor == default ? "" : Date(p.Tenor),
            Expiry = p.Expiry is { } expiry ? Date(expiry) : "", Currency = p.Currency, FxRate = double.IsFinite(p.FxRate) ? p.FxRate : 0,
        };
        if (p.Measures is { } m) message.Measures = Measures(m);
        if (p.CrnBumps is { } b)
            message.CrnBumps = new Proto.RiskMeasures { Delta = Greek(b.Delta), Gamma = Greek(b.Gamma), Vega = Greek(b.Vega), Theta = Greek(b.Theta) };
        if (p.Error is { } e) message.Error = Error(e, instrumentPath);
        if (p.SpreadGreeks is { } legs) message.SpreadGreeks = SpreadGreeks(legs);
        return message;
    }

    private static Proto.RiskTotals Totals(RiskTotals totals)
    {
        var message = new Proto.RiskTotals { Measures = Measures(totals.Measures), DeltaTonnes = totals.DeltaTonnes, Positions = totals.Positions };
        foreach (var (expiry, vega) in totals.VegaByExpiry) message.VegaByExpiry[Date(expiry)] = vega;
        return message;
    }

    private static Proto.RiskMeasures Measures(RiskMeasures m) => new()
    {
        Price = Greek(m.Price), Delta = Greek(m.Delta), Gamma = Greek(m.Gamma), Vega = Greek(m.Vega), Theta = Greek(m.Theta), Rho = Greek(m.Rho),
    };

    /// <summary>One engine Greek estimate as a proto Greek.</summary>
    public static Proto.Greek Greek(GreekEstimate g) => new() { Value = g.Value, StandardError = g.StandardError, Method = g.Method.Name() };

    /// <summary>A spread option's per-leg Greeks.</summary>
    public static Proto.SpreadGreeks SpreadGreeks(Engine.Analytics.SpreadGreeks s) => new()
    {
        Delta1 = Greek(s.Delta1), Delta2 = Greek(s.Delta2), Gamma1 = Greek(s.Gamma1), Gamma2 = Greek(s.Gamma2),
        CrossGamma = Greek(s.CrossGamma), Vega1 = Greek(s.Vega1), Vega2 = Greek(s.Vega2), Correlation = Greek(s.CorrelationSensitivity),
    };

    private static Proto.LadderGrid Grid(System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<double>> rows)
    {
        var grid = new Proto.LadderGrid();
        foreach (var row in rows) grid.Rows.Add(new Proto.LadderRow { Pnl = { row } });
        return grid;
    }

    public static Proto.MarginResponse Margin(Engine.Risk.Margin.SpanMarginResult span, Engine.Risk.Margin.ExpectedShortfallMarginResult? es,
        double totalMs, Func<string, string?> instrumentPath)
    {
        var response = new Proto.MarginResponse { ReportingCurrency = span.ReportingCurrency, Total = span.Total, Timing = new Proto.Timing { TotalMs = totalMs } };
        response.Underlyings.AddRange(span.Underlyings.Select(UnderlyingMargin));
        if (span.Driving is { } driving)
        {
            response.DrivingUnderlying = driving.Underlying;
            response.DrivingScenario = Scenario(driving.DrivingScenario);
        }
        if (es is not null)
            response.ExpectedShortfall = new Proto.ExpectedShortfallMarginResult
            {
                Margin = es.Margin, ValueAtRisk = es.ValueAtRisk, Windows = es.Windows, StressWindows = es.StressWindows,
                WorstWindowEnd = Date(es.WorstWindowEnd), WorstLoss = es.WorstLoss,
            };
        response.Errors.AddRange(span.Errors.Select(e => Error(e, instrumentPath)));
        return response;
    }

    /// <summary>One underlying's SPAN-style margin.</summary>
    public static Proto.UnderlyingMargin UnderlyingMargin(Engine.Risk.Margin.UnderlyingMargin u) => new()
    {
        Underlying = u.Underlying, ScanRisk = u.ScanRisk, DrivingScenario = Scenario(u.DrivingScenario), ScenarioLosses = { u.ScenarioLosses },
        CalendarSpreadCharge = u.CalendarSpreadCharge, DeliveryCharge = u.DeliveryCharge, InterCommodityCredit = u.InterCommodityCredit,
        ShortOptionMinimum = u.ShortOptionMinimum, NetDeltaTonnes = u.NetDeltaTonnes, Total = u.Total,
    };

    /// <summary>Scan parameters as the wire carries them.</summary>
    public static Proto.ScanParameters Scan(Engine.Risk.Margin.ScanParameters p) => new()
    {
        PriceScanRange = p.PriceScanRange, VolScanRange = p.VolScanRange, CalendarSpreadChargePerTonne = p.CalendarSpreadChargePerTonne,
        DeliveryChargePerTonne = p.DeliveryChargePerTonne, ShortOptionMinimumPerTonne = p.ShortOptionMinimumPerTonne, ExtremeMultiple = p.ExtremeMultiple,
        ExtremeCoverFraction = p.ExtremeCoverFraction, DeliveryWindowDays = p.DeliveryWindowDays,
    };

    private static Proto.RiskArrayScenario Scenario(Engine.Risk.Margin.RiskArrayScenario s) =>
        new() { Number = s.Number, PriceMove = s.PriceMove, VolMove = s.VolMove, Weight = s.Weight, Description = s.Description };

    private static Proto.ErrorInfo Error(PositionError e, Func<string, string?> instrumentPath) =>
        new() { Code = "INVALID_ARGUMENT", Message = $"position {e.PositionId}: {e.Message}", Field = Errors.RiskFieldPath.Resolve(e.Field, instrumentPath) };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
