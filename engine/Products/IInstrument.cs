namespace CarbonDerivatives.Engine.Products;

/// <summary>Anything the valuation service prices: a contract in lots, in one currency, with terms to check.</summary>
public interface IInstrument
{
    /// <summary>Units of the underlying per lot; &gt; 0.</summary>
    double LotSize { get; }

    /// <summary>ISO code of the price currency.</summary>
    string Currency { get; }

    /// <summary>Checks the terms against <paramref name="valuationDate"/>; throws
    /// <see cref="Validation.InvalidInputException"/> naming the field.</summary>
    void Validate(DateOnly valuationDate);
}
