using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// The one place that decides how a product is valued: for each (product, model) its closed form or its
/// simulation, or the reason there is none. A single trade (<see cref="ValuationService"/>) and every position of a
/// book (<see cref="Risk.PortfolioRiskEngine"/>) come through here, so they are priced by the same pricers.
/// </summary>
public static class Pricers
{
    /// <summary>The valuation of one long lot of <paramref name="instrument"/>: a closed form, or a simulation still to run.</summary>
    /// <param name="instrument">The product, with its terms (exercise, price limit).</param>
    /// <param name="tradePrice">Entry price of a futures position per tonne (ignored for options).</param>
    /// <param name="market">The market.</param>
    /// <param name="inputs">Model, method, settings, Greeks.</param>
    /// <param name="cancellation">Stops a Longstaff–Schwartz training pass, which runs while the plan is made.</param>
    /// <exception cref="InvalidInputException">A product term, the market, or a (product, model, method) with no pricer: "method", "model", "correlation".</exception>
    public static PricingPlan Plan(IInstrument instrument, double tradePrice, MarketSnapshot market, PricingInputs inputs,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(inputs);
        bool simulate = inputs.Method == ValuationMethod.MonteCarlo;
        if (simulate) inputs.Grid.Validate(inputs.Limits.MaxSteps);
        var plan = instrument switch
        {
            FuturesOption option when simulate => SimulatedOption(option, market, inputs, cancellation),
            AsianOption asian when simulate => SimulatedAsian(asian, market, inputs),
            BarrierOption barrier when simulate => SimulatedBarrier(barrier, market, inputs),
            SpreadOption spread when simulate => SimulatedSpread(spread, market, inputs),
            _ => Closed(instrument, tradePrice, market, inputs),
        };
        // Each underlying its own random numbers (a spread: those of its first leg's), alone or in a book.
        string? underlying = instrument switch
        {
            SpreadOption spread => spread.Leg1?.Underlying,
            IAllowanceInstrument single => single.Underlying,
            _ => null,
        };
        return plan is SimulatedPlan simulated && underlying is not null
            ? new SimulatedPlan(simulated.Parts, simulated.Figures, simulated.Currency, simulated.Method) { Streams = StreamTags.ForUnderlying(underlying) }
            : plan;
    }

    /// <summary>The request's field that carries the product: errors in its terms are named under it ("instrument.strike").</summary>
    public const string InstrumentField = "instrument";

    private static T Resolved<T>(Func<T> resolve) => Guard.Within(InstrumentField, resolve);

    private static void FailInstrument(string field, string reason) => Guard.Fail(Guard.Scoped(InstrumentField, field), reason);

    /// <summary>
    /// The closed form (or tree) of one long lot of <paramref name="instrument"/> under the inputs' model: what scenario
    /// revaluation needs. Throws, naming "method" or "model", where the product has none under that model.
    /// </summary>
    public static IClosedFormPricer ClosedForm(IInstrument instrument, double tradePrice, MarketSnapshot market, PricingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(inputs);
        var model = inputs.Model;
        switch (instrument)
        {
            case AllowanceFuture future:
                Resolved(() => { future.Validate(market.ValuationDate); return Guard.Positive(tradePrice, "tradePrice"); });
                return new FuturePricer(market.FuturesCurveFor(future.Underlying).Price(future.Delivery), tradePrice, future.LotSize, future.Currency);
            case AllowancePosition holding:
                Resolved(() => { holding.Validate(market.ValuationDate); return 0; });
                double years = market.TimeTo(holding.FuturesDelivery);
                return new AllowanceHoldingPricer(holding.Quantity, market.FuturesCurveFor(holding.Underlying).Price(holding.FuturesDelivery),
                    holding.ForwardPrice, years, market.DiscountFor(holding.Currency).DiscountFactor(years), holding.ConvenienceYield, holding.Currency);
            case PermitHolding permits:
                Resolved(() => { permits.Validate(market.ValuationDate); return 0; });
                return new PermitHoldingPricer(permits, market.FuturesCurveFor(permits.Underlying).Price(permits.PriceDate), market.ValuationDate);
            case FuturesOption option:
                var o = Resolved(() => option.Resolve(market));
                if (o.PriceLimit is not null) Guard.Fail("method", "daily price limits are simulated: use Monte Carlo");
                if (o.Exercise.Style != ExerciseStyle.European)
                {
                    if (o.Expiry <= 0) FailInstrument("expiry", "the option expires today: exercise it for its intrinsic value");
                    RequireBlack76(model, "American and Bermudan options");
                    return new BinomialTreePricer(o, option.Currency);
                }
                return model switch
                {
                    MertonDynamics merton => new MertonFuturesOptionPricer(o, merton.Jumps, option.Currency),
                    SchwartzDynamics schwartz => new SchwartzFuturesOptionPricer(o, schwartz.MeanReversion, option.Currency),
                    ComplianceDynamics compliance => new ComplianceFuturesOptionPricer(o, compliance, option.Currency),
                    HestonDynamics heston => new HestonFuturesOptionPricer(o, heston.Parameters, option.Currency),
                    RegimeSwitchingDynamics regimes => new RegimeSwitchingFuturesOptionPricer(o, regimes.Parameters, option.Currency),
                    _ => new Black76FuturesOptionPricer(o, option.Currency),
                };
            case AsianOption asian:
                RequireBlack76(model, "Asian options");
                return new Black76AsianPricer(Resolved(() => asian.Resolve(market)), asian.Currency);
            case BarrierOption barrier:
                RequireBlack76(model, "barrier options");
                return new Black76BarrierPricer(Resolved(() => barrier.Resolve(market)), barrier.Currency);
            case SpreadOption spread:
                RequireBlack76(model, "spread options");
                return new Black76SpreadPricer(ResolveSpread(spread, market, inputs), spread.Currency);
            default:
                throw new InvalidInputException("instrument", "must be a futures option, Asian, barrier or spread option, an allowance future, an allowance holding or a permit holding");
        }
    }

    private static ClosedFormPlan Closed(IInstrument instrument, double tradePrice, MarketSnapshot market, PricingInputs inputs) =>
        new(ClosedForm(instrument, tradePrice, market, inputs).Valuation(inputs.Greeks));

    // Path-dependent products on a smile surface (early exercise, daily price limits, barriers, Asians) are simulated under its
    // local volatility (PathModels.WithSmile); a European exercise without limits keeps its strike's vol, which the smile's
    // Europeans already price exactly.
    private static PricingPlan SimulatedOption(FuturesOption option, MarketSnapshot market, PricingInputs inputs, CancellationToken cancellation)
    {
        var o = Resolved(() => option.Resolve(market));
        bool pathDependent = o.Exercise.Style != ExerciseStyle.European || o.PriceLimit is not null;
        return SimulatedOption(o, option.Currency, pathDependent ? PathModels.WithSmile(inputs, market, option.Underlying, o.Volatility) : inputs, cancellation);
    }

    private static PricingPlan SimulatedAsian(AsianOption asian, MarketSnapshot market, PricingInputs inputs)
    {
        var o = Resolved(() => asian.Resolve(market));
        return SimulatedAsian(o, asian.Currency, PathModels.WithSmile(inputs, market, asian.Underlying, o.Volatility));
    }

    private static SimulatedPlan SimulatedBarrier(BarrierOption barrier, MarketSnapshot market, PricingInputs inputs)
    {
        var o = Resolved(() => barrier.Resolve(market));
        return SimulatedBarrier(o, barrier.Currency, PathModels.WithSmile(inputs, market, barrier.Underlying, o.Volatility));
    }

    internal static PricingPlan SimulatedOption(ResolvedFuturesOption o, string currency, PricingInputs inputs, CancellationToken cancellation)
    {
        var model = inputs.Model;
        if (o.PriceLimit is not null)
        {
            if (o.Expiry <= 0) FailInstrument("expiry", "the option expires today: its value is the discounted intrinsic value, no simulation needed");
            return FuturesOptionSimulation.PriceLimited(o, model, inputs, currency);
        }
        if (o.Exercise.Style != ExerciseStyle.European)
        {
            if (o.Expiry <= 0) FailInstrument("expiry", "the option expires today: exercise it for its intrinsic value");
            return FuturesOptionSimulation.LongstaffSchwartz(o, model, inputs, currency, cancellation);
        }
        // No time value to simulate (at expiry, or a diffusion without vol and no jumps): the closed form is exact.
        bool timeValue = o.Expiry > 0 && (o.Volatility > 0 || model is MertonDynamics or ComplianceDynamics or HestonDynamics or RegimeSwitchingDynamics);
        if (!timeValue) return new ClosedFormPlan(new Black76FuturesOptionPricer(o, currency).Valuation(inputs.Greeks));
        return model switch
        {
            Black76Dynamics => EuropeanSimulation.Plan(o, null, inputs, currency, PathModels.MethodName(model)),
            MertonDynamics merton when o.Volatility > 0 => EuropeanSimulation.Plan(o, merton.Jumps, inputs, currency, PathModels.MethodName(model)),
            _ => FuturesOptionSimulation.European(o, model, inputs, currency),
        };
    }

    internal static PricingPlan SimulatedAsian(ResolvedAsianOption o, string currency, PricingInputs inputs) => o.FixingTimes.Length == 0
        ? new ClosedFormPlan(new Black76AsianPricer(o, currency).Valuation(inputs.Greeks)) // every fixing is past: the value is known
        : AsianSimulation.Plan(o, inputs.Model, inputs, currency);

    internal static SimulatedPlan SimulatedBarrier(ResolvedBarrierOption o, string currency, PricingInputs inputs)
    {
        if (o.Expiry <= 0) FailInstrument("expiry", "the option expires today: its value is known, no simulation needed");
        return BarrierSimulation.Plan(o, inputs.Model, inputs, currency);
    }

    private static SimulatedPlan SimulatedSpread(SpreadOption spread, MarketSnapshot market, PricingInputs inputs)
    {
        var o = ResolveSpread(spread, market, inputs);
        // Legs on a smile surface follow its local volatility, so each leg's marginal reprices the smile (Black-76 only).
        SmileSurface? Smile(string underlying) =>
            inputs.Model is Black76Dynamics && market.VolSurfaces.TryGetValue(underlying, out var surface) ? surface as SmileSurface : null;
        SmileSurface?[] smiles = [Smile(spread.Leg1.Underlying), Smile(spread.Leg2.Underlying)];
        if (smiles.Any(s => s is not null))
            return LocalVolatilitySpreadSimulation.Plan(o, smiles, inputs, spread.Currency, PathModels.MethodName(new LocalVolatilityDynamics(smiles.First(s => s is not null)!, 0)));
        LogNormalJumps? jumps = inputs.Model is MertonDynamics merton ? merton.Jumps : null;
        return SpreadSimulation.Plan(o, [jumps, jumps], inputs, spread.Currency, PathModels.MethodName(inputs.Model));
    }

    private static ResolvedSpreadOption ResolveSpread(SpreadOption spread, MarketSnapshot market, PricingInputs inputs)
    {
        if (inputs.Model is not (Black76Dynamics or MertonDynamics)) PathModels.Refuse("spread options are simulated under Black-76 or Merton legs");
        if (inputs.Correlation is null) Guard.Fail("correlation", "is required for a spread option: a number, or a term-structure decay for a calendar spread");
        double rho = Guard.Within("correlation", () => inputs.Correlation.For(spread, market));
        return Resolved(() => spread.Resolve(market, rho));
    }

    private static void RequireBlack76(ValuationModel model, string product)
    {
        if (model is not Black76Dynamics)
            Guard.Fail("method", $"{product} have no closed form under {model.GetType().Name}: use Monte Carlo");
    }
}
