namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A closed form (or a deterministic lattice) for one resolved product under one model: its value per lot under
/// any market move — what revaluation Greeks, scenario ladders, stress tests and VaR read — and its valuation.
/// </summary>
public interface IClosedFormPricer
{
    /// <summary>"analytic-black76", "analytic-merton", "binomial-crr", ...</summary>
    string Method { get; }

    /// <summary>Value of one long lot after <paramref name="shift"/>, in the product's currency.</summary>
    double Value(MarketShift shift);

    /// <summary>Value of one long lot after each leg's own shift (a spread); a one-underlying product takes the first.</summary>
    double Value(MarketShift leg1, MarketShift leg2) => Value(leg1);

    /// <summary>Value and, when asked for, Greeks of one long lot.</summary>
    Valuation Valuation(bool greeks);
}
