using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Monte Carlo valuations of resolved products, one call each: the plan <see cref="Pricers"/> makes for the product
/// under <see cref="PricingInputs.Model"/>, run on its own (what <see cref="ValuationService"/> does for a request).
/// Figures per lot, discounted, in the product's currency (the valuation's currency field is left empty).
/// </summary>
public static class MonteCarloPricer
{
    /// <summary>A futures option: European (pathwise Greeks under Black-76 and Merton), American/Bermudan (Longstaff–Schwartz), or price-limited.</summary>
    public static Valuation Value(ResolvedFuturesOption option, PricingInputs inputs, CancellationToken cancellation = default) =>
        Run(Pricers.SimulatedOption(option, "", inputs, cancellation), inputs, cancellation);

    /// <summary>An average-price option.</summary>
    public static Valuation Value(ResolvedAsianOption option, PricingInputs inputs, CancellationToken cancellation = default) =>
        Run(Pricers.SimulatedAsian(option, "", inputs), inputs, cancellation);

    /// <summary>A barrier option.</summary>
    public static Valuation Value(ResolvedBarrierOption option, PricingInputs inputs, CancellationToken cancellation = default) =>
        Run(Pricers.SimulatedBarrier(option, "", inputs), inputs, cancellation);

    /// <summary>A spread option on Black-76 or Merton legs (<paramref name="jumps"/>: one entry per leg, null for none).</summary>
    public static Valuation Value(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?> jumps, PricingInputs inputs,
        CancellationToken cancellation = default) =>
        Run(SpreadSimulation.Plan(option, jumps, inputs, "", PathModels.MethodName(inputs.Model)), inputs, cancellation);

    private static Valuation Run(PricingPlan plan, PricingInputs inputs, CancellationToken cancellation) => plan switch
    {
        SimulatedPlan simulated => simulated.Run(inputs.MonteCarlo, inputs.Limits, cancellation),
        ClosedFormPlan closed => closed.Valuation,
        _ => throw new InvalidOperationException($"unknown plan {plan.GetType().Name}"),
    };
}
