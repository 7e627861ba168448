namespace CarbonDerivatives.Engine.Specs;

/// <summary>How an expiring contract settles.</summary>
public enum SettlementType
{
    /// <summary>Allowances (or permits) are transferred in the registry.</summary>
    Physical,

    /// <summary>Cash against a final settlement price.</summary>
    Cash,

    /// <summary>An option exercised into its underlying future.</summary>
    IntoFuture,
}

/// <summary>Settlement of a contract.</summary>
/// <param name="Type">Physical, cash, or into the future.</param>
/// <param name="Registry">Registry of a physical delivery (required for physical), e.g. "Union Registry".</param>
/// <param name="DeliveryBusinessDays">Business days after the last trading day by which delivery completes; null when not stated.</param>
/// <param name="Description">Text as the source states it.</param>
public sealed record SettlementSpec(SettlementType? Type, string? Registry = null, int? DeliveryBusinessDays = null,
    string? Description = null);
