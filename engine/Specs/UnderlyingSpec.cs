namespace CarbonDerivatives.Engine.Specs;

/// <summary>The kind of right the contract delivers.</summary>
public enum UnderlyingType
{
    /// <summary>An emission allowance under a cap-and-trade programme (EUA, UKA, CCA, RGA, CEA, SO2 ...).</summary>
    Allowance,

    /// <summary>An offset credit from a reduction project (e.g. China CCER).</summary>
    Offset,

    /// <summary>A pollution-discharge permit (e.g. a Chinese provincial 排污权 for COD, NH3-N, SO2, NOx).</summary>
    DischargePermit,
}

/// <summary>
/// What a contract delivers.
/// </summary>
/// <param name="MarketCode">Key of the underlying's futures curve and vol surface in a market snapshot (e.g. "EUA").</param>
/// <param name="Type">Allowance, offset or discharge permit.</param>
/// <param name="Programme">Scheme the right belongs to, e.g. "EU ETS".</param>
/// <param name="Jurisdiction">Issuing jurisdiction, e.g. "EU", "UK", "California/Quebec", "Zhejiang, CN".</param>
/// <param name="Registry">Registry the right is held and delivered in, e.g. "Union Registry"; null when not stated.</param>
/// <param name="Phase">Compliance phase, e.g. "Phase 4 (2021-2030)"; null when not applicable.</param>
/// <param name="Vintage">Vintage year when the contract is vintage-specific; null otherwise.</param>
public sealed record UnderlyingSpec(
    string? MarketCode,
    UnderlyingType? Type,
    string? Programme,
    string? Jurisdiction,
    string? Registry = null,
    string? Phase = null,
    int? Vintage = null);
