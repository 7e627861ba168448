using System.Diagnostics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Values futures options and futures positions: closed forms by default (Black-76, Merton series with
/// finite-difference Greeks), Monte Carlo on demand (Greeks by <see cref="MonteCarloOptionGreeks"/>).
/// Every simulation is bounded by the <see cref="SimulationLimits"/> given at construction.
/// </summary>
public sealed class ValuationService(SimulationLimits limits) : IValuationService
{
    public Valuation Value(ValuationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        double quantity = Guard.Finite(request.Quantity, "quantity");
        if (quantity == 0) Guard.Fail("quantity", "must not be zero");
        var valuation = request.Instrument switch
        {
            FuturesOption option => ValueOption(option, request, cancellation),
            AllowanceFuture future => ValueFuture(future, request),
            _ => throw new InvalidInputException("instrument", "must be a futures option or an allowance future"),
        };
        return valuation with
        {
            Value = valuation.Value * quantity,
            StandardError = valuation.StandardError * Math.Abs(quantity),
            Greeks = valuation.Greeks?.Scale(quantity),
        };
    }

    /// <summary>A futures position, margined daily: value LotSize·(F − trade price), delta LotSize.</summary>
    private static Valuation ValueFuture(AllowanceFuture future, ValuationRequest request)
    {
        future.Validate(request.Market.ValuationDate);
        double trade = Guard.Positive(request.TradePrice, "tradePrice");
        double forward = request.Market.FuturesCurveFor(future.Underlying).Price(future.Delivery);
        var zero = new GreekFigure(0, 0, "analytic");
        var greeks = request.Greeks
            ? new ValuationGreeks(new GreekFigure(future.LotSize, 0, "analytic"), zero, zero, zero, zero)
            : null;
        return new Valuation(future.LotSize * (forward - trade), 0, future.Currency, "analytic-futures", 0, greeks);
    }

    private Valuation ValueOption(FuturesOption option, ValuationRequest request, CancellationToken cancellation)
    {
        var resolved = option.Resolve(request.Market);
        return (request.Method, request.Model) switch
        {
            (ValuationMethod.Analytic, Black76Dynamics) => new Valuation(Black76OptionPricer.Price(resolved), 0, option.Currency,
                "analytic-black76", 0, request.Greeks ? AnalyticGreeks(Black76OptionPricer.Greeks(resolved)) : null),
            (ValuationMethod.Analytic, MertonDynamics merton) => MertonAnalytic(resolved, merton.Jumps, option.Currency, request.Greeks),
            (ValuationMethod.MonteCarlo, _) => MonteCarlo(resolved, request, option.Currency, cancellation),
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

    private Valuation MonteCarlo(ResolvedFuturesOption o, ValuationRequest request, string currency, CancellationToken cancellation)
    {
        IPathModel model = request.Model switch
        {
            MertonDynamics merton => new MertonJumpDiffusionModel(o.Forward, o.Volatility, merton.Jumps),
            _ => new Black76Model(o.Forward, o.Volatility),
        };
        string name = request.Model is MertonDynamics ? "monte-carlo-merton" : "monte-carlo-black76";
        var price = MonteCarloFuturesOptionPricer.Price(o, model, request.Steps, request.Settings, limits, cancellation);
        var greeks = request.Greeks ? MonteCarloOptionGreeks.Compute(o, model, price, request.Steps, request.Settings, limits, cancellation) : null;
        return new Valuation(price.Value, price.StandardError, currency, name, price.Paths, greeks);
    }
}
