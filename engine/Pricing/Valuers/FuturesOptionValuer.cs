using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>
/// Futures options: European by closed form (Black-76, Merton series) or Monte Carlo; American and
/// Bermudan on a binomial tree or by Longstaff–Schwartz; under a daily price limit by Monte Carlo beside
/// the limit-free value. Figures per lot.
/// </summary>
internal static class FuturesOptionValuer
{
    /// <summary>Exercise opportunities for Longstaff–Schwartz when the request leaves steps at 1.</summary>
    private const int DefaultExerciseSteps = 50;

    public static Valuation Value(FuturesOption option, ValuationRequest request, SimulationLimits limits, CancellationToken cancellation)
    {
        var resolved = option.Resolve(request.Market);
        double delivery = request.Market.TimeTo(option.FuturesDelivery);
        var exercise = (request.Exercise ?? OptionExercise.European).Resolve(request.Market, option.Expiry);
        if (request.DailyPriceLimit is { } limit)
        {
            if (exercise.Style != ExerciseStyle.European) Guard.Fail("exercise.style", "daily price limits are simulated for European options only");
            return WithPriceLimit(resolved, limit, delivery, request, option, limits, cancellation);
        }
        if (exercise.Style != ExerciseStyle.European) return EarlyExercise(resolved, exercise, delivery, request, option.Currency, limits, cancellation);
        return (request.Method, request.Model) switch
        {
            (ValuationMethod.Analytic, Black76Dynamics) => new Valuation(Black76OptionPricer.Price(resolved), 0, option.Currency,
                "analytic-black76", 0, request.Greeks ? AnalyticGreeks(Black76OptionPricer.Greeks(resolved)) : null),
            (ValuationMethod.Analytic, MertonDynamics merton) => MertonAnalytic(resolved, merton.Jumps, option.Currency, request.Greeks),
            (ValuationMethod.Analytic, SchwartzDynamics or ComplianceDynamics) => ClosedForm(resolved, request.Model, delivery, option.Currency, request.Greeks),
            (ValuationMethod.MonteCarlo, SchwartzDynamics or ComplianceDynamics) => MonteCarloByRevaluation(resolved, delivery, request, option.Currency, limits, cancellation),
            (ValuationMethod.MonteCarlo, _) => MonteCarlo(resolved, request, option.Currency, limits, cancellation),
            _ => throw new InvalidInputException("method", $"unsupported method {request.Method} for model {request.Model.GetType().Name}"),
        };
    }

    private static ValuationGreeks AnalyticGreeks(Black76Greeks g) => new(
        new GreekFigure(g.Delta, 0, "analytic"), new GreekFigure(g.Gamma, 0, "analytic"), new GreekFigure(g.Vega, 0, "analytic"),
        new GreekFigure(g.Theta, 0, "analytic"), new GreekFigure(g.Rho, 0, "analytic"));

    private static Valuation MertonAnalytic(ResolvedFuturesOption o, LogNormalJumps jumps, string currency, bool greeks)
    {
        double rate = o.Expiry > 0 ? -Math.Log(o.DiscountFactor) / o.Expiry : 0;
        double Price(double forward, double vol, double expiry, double r) => o.LotSize * MertonJumpDiffusion.Price(o.Type, forward, o.Strike,
            expiry, vol, jumps.Intensity, jumps.MeanLogJump, jumps.LogJumpVolatility, Math.Exp(-r * expiry));
        double value = Price(o.Forward, o.Volatility, o.Expiry, rate);
        return new Valuation(value, 0, currency, "analytic-merton", 0,
            greeks ? FiniteDifferenceGreeks.Compute(Price, o.Forward, o.Volatility, o.Expiry, rate) : null);
    }

    /// <summary>
    /// A closed form V(F, σ, τ, r) per tonne with Greeks by finite differences (time passing shortens the expiry
    /// and the delivery alike): Schwartz is Black-76 at the future's damped vol √(Var(0, τ)/τ), vega per unit
    /// of the spot σ; the compliance model is its Gaussian integral, vega per unit of the market vol it is
    /// calibrated to (0 with a given β).
    /// </summary>
    private static Valuation ClosedForm(ResolvedFuturesOption o, ValuationModel model, double delivery, string currency, bool greeks)
    {
        double rate = o.Expiry > 0 ? -Math.Log(o.DiscountFactor) / o.Expiry : 0, gap = delivery - o.Expiry;
        double PerTonne(double forward, double vol, double expiry, double df) => model switch
        {
            SchwartzDynamics s => Black76.Price(o.Type, forward, o.Strike, expiry,
                new SchwartzFuturesModel(forward, vol, s.MeanReversion, expiry + gap).BlackVolatility(expiry), df),
            ComplianceDynamics c => CompliancePenalty.OptionPrice(PathModels.Compliance(c, forward, vol, expiry + gap, expiry), o.Type, o.Strike, expiry, df),
            _ => throw new InvalidOperationException($"no closed form here for {model.GetType().Name}"),
        };
        double Price(double forward, double vol, double expiry, double r) => o.LotSize * PerTonne(forward, vol, expiry, Math.Exp(-r * expiry));
        return new Valuation(Price(o.Forward, o.Volatility, o.Expiry, rate), 0, currency, PathModels.Name(model, "analytic"), 0,
            greeks ? FiniteDifferenceGreeks.Compute(Price, o.Forward, o.Volatility, o.Expiry, rate) : null);
    }

    /// <summary>Monte Carlo of the future under Schwartz or compliance dynamics; Greeks by CRN revaluation (the Black/Merton vega identity does not hold).</summary>
    private static Valuation MonteCarloByRevaluation(ResolvedFuturesOption o, double delivery, ValuationRequest request, string currency,
        SimulationLimits limits, CancellationToken cancellation)
    {
        Revalued Run(MarketShift s)
        {
            var shifted = o.Shifted(s);
            var model = PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry);
            return Revalued.Of(MonteCarloFuturesOptionPricer.Price(shifted, model, request.Steps, request.Settings, limits, cancellation));
        }
        return Revaluation.Of(Run, o.Forward, o.Volatility, o.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo, "crn-bump", request.Greeks,
            currency, PathModels.Name(request.Model));
    }

    private static Valuation MonteCarlo(ResolvedFuturesOption o, ValuationRequest request, string currency, SimulationLimits limits,
        CancellationToken cancellation)
    {
        var model = PathModels.For(request.Model, o.Forward, o.Volatility);
        var price = MonteCarloFuturesOptionPricer.Price(o, model, request.Steps, request.Settings, limits, cancellation);
        var greeks = request.Greeks ? MonteCarloOptionGreeks.Compute(o, model, price, request.Steps, request.Settings, limits, cancellation) : null;
        return new Valuation(price.Value, price.StandardError, currency, PathModels.Name(request.Model), price.Paths, greeks);
    }

    /// <summary>American/Bermudan: the CRR tree (closed-form method, Black-76) or Longstaff–Schwartz (Monte Carlo, any model).</summary>
    private static Valuation EarlyExercise(ResolvedFuturesOption o, ResolvedExercise exercise, double delivery, ValuationRequest request, string currency,
        SimulationLimits limits, CancellationToken cancellation)
    {
        if (o.Expiry <= 0) Guard.Fail("expiry", "the option expires today: exercise it for its intrinsic value");
        double maxShift = Math.Min(o.Expiry, exercise.Times.Count > 0 ? exercise.Times[0] : o.Expiry) / 2;
        if (request.Method == ValuationMethod.Analytic)
        {
            PathModels.RequireBlack76ForClosedForm(request.Model, "American and Bermudan options");
            Revalued Tree(MarketShift s) => Revalued.ClosedForm(BinomialFuturesOptionPricer.Price(o.Shifted(s), exercise.Shifted(s)));
            return Revaluation.Of(Tree, o.Forward, o.Volatility, maxShift, RevaluationGreeks.Bumps.Tree, "binomial-bump", request.Greeks,
                currency, "binomial-crr");
        }

        int steps = request.Steps > 1 ? request.Steps : DefaultExerciseSteps;
        Revalued Lsm(MarketShift s)
        {
            var shifted = o.Shifted(s);
            return Revalued.Of(AmericanFuturesOptionPricer.PriceLongstaffSchwartz(shifted, exercise.Shifted(s),
                PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry), steps, request.Settings, limits, cancellation));
        }
        return Revaluation.Of(Lsm, o.Forward, o.Volatility, maxShift, RevaluationGreeks.Bumps.MonteCarlo, "crn-bump", request.Greeks,
            currency, PathModels.Name(request.Model, "longstaff-schwartz"));
    }

    private static Valuation WithPriceLimit(ResolvedFuturesOption o, double limit, double delivery, ValuationRequest request, FuturesOption option,
        SimulationLimits limits, CancellationToken cancellation)
    {
        if (request.Method != ValuationMethod.MonteCarlo) Guard.Fail("method", "daily price limits are simulated: use Monte Carlo");
        int days = request.TradingDays ?? Weekdays(request.Market.ValuationDate, option.Expiry);
        IPathModel Model(ResolvedFuturesOption shifted, MarketShift s) =>
            PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry);
        (double, double) Limited(MarketShift s)
        {
            var shifted = o.Shifted(s);
            var estimate = PriceLimitPricer.PriceWithLimits(shifted, Model(shifted, s), limit, days, request.Settings, limits, cancellation);
            return (estimate.Value, estimate.StandardError);
        }
        var price = PriceLimitPricer.Price(o, Model(o, MarketShift.None), limit, days, request.Settings, limits, cancellation);
        var greeks = request.Greeks
            ? RevaluationGreeks.Compute(Limited, o.Forward, o.Volatility, o.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo, "crn-bump")
            : null;
        return new Valuation(price.WithLimits.Value, price.WithLimits.StandardError, option.Currency,
            PathModels.Name(request.Model, "monte-carlo-price-limits"), price.WithLimits.Paths, greeks,
            new ValueWithStandardError(price.WithoutLimits.Value, price.WithoutLimits.StandardError));
    }

    /// <summary>Weekdays after <paramref name="from"/> up to and including <paramref name="to"/> (at least 1).</summary>
    private static int Weekdays(DateOnly from, DateOnly to)
    {
        int days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days++;
        return Math.Max(days, 1);
    }
}
