namespace CarbonDerivatives.Engine.Products;

/// <summary>Right of an option: a call pays max(S - K, 0), a put max(K - S, 0).</summary>
public enum OptionType
{
    /// <summary>Right to buy at the strike: pays max(S − K, 0).</summary>
    Call,
    /// <summary>Right to sell at the strike: pays max(K − S, 0).</summary>
    Put,
}
