namespace CarbonDerivatives.Engine.Products;

/// <summary>Right of an option: a call pays max(S - K, 0), a put max(K - S, 0).</summary>
public enum OptionType
{
    Call,
    Put,
}
