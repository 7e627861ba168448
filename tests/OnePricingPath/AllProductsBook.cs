using System.Collections.Immutable;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.OnePricingPath;

/// <summary>
/// A book holding every product kind the engine prices — a future, European calls and puts, American and Bermudan
/// options, a CEA option under a daily price limit, an Asian option, daily and continuous barriers, an EUA–UKA spread
/// and an EUA calendar spread — on the risk fixtures' market, with the four models and the two methods.
/// </summary>
internal static class AllProductsBook
{
    public static readonly DateOnly Expiry = new(2026, 12, 16);

    public static readonly ValuationModel[] Models =
    [
        new Black76Dynamics(),
        new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083)),
        new SchwartzDynamics(1.5),
        new ComplianceDynamics(100, null),
    ];

    public static IReadOnlyList<Position> Positions()
    {
        var monthly = FixingSchedule.Generate(new DateOnly(2026, 4, 30), new DateOnly(2026, 11, 30), FixingFrequency.Monthly);
        var daily = Enumerable.Range(1, 20).Select(i => Today.AddDays(7 * i)).ToArray();
        return
        [
            new Position("future", new AllowanceFuture("EUA", Dec26, 1000, "EUR"), 3, PositionSide.Long, TradePrice: 65),
            new Position("call", Option("EUA", OptionType.Call, 75, Expiry, Dec26), 2, PositionSide.Long),
            new Position("put", Option("EUA", OptionType.Put, 70, new DateOnly(2026, 9, 14), Dec26), 2, PositionSide.Short),
            new Position("call-same-expiry", Option("EUA", OptionType.Call, 90, Expiry, Dec26), 1, PositionSide.Long),
            new Position("american", Option("EUA", OptionType.Put, 80, Expiry, Dec26) with { Exercise = OptionExercise.American }, 1, PositionSide.Long),
            new Position("bermudan", Option("EUA", OptionType.Call, 72, Expiry, Dec26) with
            {
                Exercise = OptionExercise.Bermudan(new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 15)),
            }, 1, PositionSide.Short),
            new Position("cea-limit", Option("CEA", OptionType.Call, 68, new DateOnly(2026, 4, 15), Dec26) with
            {
                PriceLimits = new DailyPriceLimit(0.10, CalendarCode.China),
            }, 4, PositionSide.Long),
            new Position("asian", new AsianOption("EUA", OptionType.Call, 72, monthly, Dec26, 1000, "EUR"), 1, PositionSide.Long),
            new Position("barrier-daily", new BarrierOption("EUA", OptionType.Put, 70, BarrierDirection.Down, BarrierKnock.Out, 55, 0, daily[^1], Dec26,
                1000, "EUR", BarrierMonitoring.Daily), 1, PositionSide.Long),
            new Position("barrier-continuous", new BarrierOption("UKA", OptionType.Call, 45, BarrierDirection.Up, BarrierKnock.Out, 60, 1, Expiry, Dec26,
                1000, "GBP"), 1, PositionSide.Short),
            new Position("spread", new SpreadOption(new SpreadLeg("EUA", Dec26), new SpreadLeg("UKA", Dec26, ConversionFactor: 1.17), OptionType.Call, 15,
                Expiry, 1000, "EUR"), 1, PositionSide.Long, Correlation: new FixedCorrelation(0.7)),
            new Position("calendar", SpreadOption.Calendar("EUA", Dec26, Dec27, OptionType.Call, 0, Expiry, 1000, "EUR"), 1, PositionSide.Long,
                Correlation: new DecayingCorrelation(0.1)),
        ];
    }

    public static MonteCarloSettings Simulation => new() { Paths = 8_192, Seed = 3, Antithetic = true };

    /// <summary>The book's settings: one model for every underlying.</summary>
    public static RiskSettings Settings(ValuationModel model, ValuationMethod method) => new()
    {
        Method = method,
        MonteCarlo = Simulation,
        DefaultModel = model,
        Grid = new GridSettings { ExerciseSteps = 20 },
    };

    /// <summary>The single-trade request of a position, priced as the book prices it.</summary>
    public static ValuationRequest Request(Position p, ValuationModel model, ValuationMethod method) => new()
    {
        Instrument = p.Instrument,
        TradePrice = p.TradePrice ?? 0,
        Quantity = p.Lots * p.Sign,
        Market = EuaMarket(),
        Model = model,
        Method = method,
        MonteCarlo = Simulation,
        Grid = new GridSettings { ExerciseSteps = 20 },
        Greeks = true,
        Correlation = p.Correlation,
    };

    public static Portfolio Book() => new("EUR", Positions());

    public static ImmutableArray<PositionRisk> Risk(ValuationModel model, ValuationMethod method) =>
        PortfolioRiskEngine.Compute(Book(), EuaMarket(), Fx, Settings(model, method)).Positions;
}
