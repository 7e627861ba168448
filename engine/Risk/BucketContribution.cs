using CarbonDerivatives.Engine.Pricing;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>Which aggregates a contribution enters.</summary>
internal enum BucketScope
{
    /// <summary>Its tenor, its underlying and the book.</summary>
    All,
    /// <summary>Its underlying and the book (a calendar spread's cross-gamma: part of the underlying's parallel gamma, of neither tenor).</summary>
    UnderlyingAndTotal,
    /// <summary>The book only (the cross-gamma of a spread between two underlyings).</summary>
    TotalOnly,
}

/// <summary>What one figure of a position adds to one slot of the aggregates of one of its legs: the figure times a factor.</summary>
internal readonly record struct BucketContribution(BookLeg Leg, RiskSlot Slot, Figure Figure, double Factor, BucketScope Scope = BucketScope.All)
{
    /// <summary>
    /// A one-leg product adds its price and Greeks to its leg. A spread adds its value, theta and rho to its first leg,
    /// each leg's own delta, gamma and vega to that leg, and 2·cross-gamma to the parallel gamma of an underlying that
    /// holds both legs (else of the book only).
    /// </summary>
    public static IEnumerable<BucketContribution> Of(BookPosition p)
    {
        var first = p.Legs[0];
        yield return new(first, RiskSlot.Price, Figure.Value, 1);
        yield return new(first, RiskSlot.Theta, Figure.Theta, 1);
        yield return new(first, RiskSlot.Rho, Figure.Rho, 1);
        if (p.Legs.Count == 1)
        {
            yield return new(first, RiskSlot.Delta, Figure.Delta, 1);
            yield return new(first, RiskSlot.Gamma, Figure.Gamma, 1);
            yield return new(first, RiskSlot.Vega, Figure.Vega, 1);
            yield break;
        }
        var second = p.Legs[1];
        yield return new(first, RiskSlot.Delta, Figure.Delta1, 1);
        yield return new(first, RiskSlot.Gamma, Figure.Gamma1, 1);
        yield return new(first, RiskSlot.Vega, Figure.Vega1, 1);
        yield return new(second, RiskSlot.Delta, Figure.Delta2, 1);
        yield return new(second, RiskSlot.Gamma, Figure.Gamma2, 1);
        yield return new(second, RiskSlot.Vega, Figure.Vega2, 1);
        yield return new(first, RiskSlot.Gamma, Figure.CrossGamma, 2,
            first.Underlying == second.Underlying ? BucketScope.UnderlyingAndTotal : BucketScope.TotalOnly);
    }
}
