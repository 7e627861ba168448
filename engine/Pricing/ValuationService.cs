using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Values every product the engine prices through <see cref="Pricers"/> (closed forms by default, Monte Carlo on
/// demand), and scales the figures to the requested quantity. Every simulation is bounded by the
/// <see cref="SimulationLimits"/> given at construction.
/// </summary>
public sealed class ValuationService(SimulationLimits limits) : IValuationService
{
    public Valuation Value(ValuationRequest request, CancellationToken cancellation = default) => Prepare(request, cancellation).Run(cancellation);

    public PreparedValuation Prepare(ValuationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        double quantity = Guard.Finite(request.Quantity, "quantity");
        if (quantity == 0) Guard.Fail("quantity", "must not be zero");
        var plan = Plan(request, cancellation);
        switch (plan)
        {
            case SimulatedPlan simulated:
                var (job, measures) = simulated.Build(request.MonteCarlo, limits);
                return new PreparedValuation(job, result => simulated.Read(result!, measures).Scale(quantity));
            case ClosedFormPlan closed:
                return new PreparedValuation(null, _ => closed.Valuation.Scale(quantity));
            default:
                throw new InvalidOperationException($"unknown plan {plan.GetType().Name}");
        }
    }

    /// <summary>The valuation plan of one lot of the request's instrument.</summary>
    public PricingPlan Plan(ValuationRequest request, CancellationToken cancellation = default) =>
        Pricers.Plan(request.Instrument, request.TradePrice, request.Market, Inputs(request), cancellation);

    /// <summary>What the pricers need from the request.</summary>
    public PricingInputs Inputs(ValuationRequest request) => new()
    {
        Model = request.Model,
        Method = request.Method,
        MonteCarlo = request.MonteCarlo,
        Grid = request.Grid,
        Greeks = request.Greeks,
        Limits = limits,
        Correlation = request.Correlation,
    };
}
