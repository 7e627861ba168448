using CarbonDerivatives.Engine.Products;
using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>What a spec lists: a future, an option on a future, or a spot contract.</summary>
public enum ContractKind
{
    /// <summary>A futures contract with a listing cycle and an expiry rule.</summary>
    Future,

    /// <summary>An option on a future of another spec (<see cref="ContractSpec.Option"/>).</summary>
    Option,

    /// <summary>A spot (continuous) contract: no expiry, no listing cycle.</summary>
    Spot,
}

/// <summary>
/// A contract specification as a product designer writes it (JSON schema "carbon-spec/1",
/// specs/schema/contract-spec.schema.json). Read by <see cref="ContractSpecJson"/>, checked by
/// <see cref="ContractSpecValidator"/> (every field, all errors at once). Optional parts are null when
/// the contract has none (e.g. no <see cref="PriceLimits"/> for ICE EUA futures) or when the fact could
/// not be verified (then <see cref="Notes"/> says so). Properties the schema requires are nullable here
/// only so a missing one is reported by the validator with its path rather than by the JSON reader.
/// </summary>
public sealed record ContractSpec
{
    /// <summary>The value of <see cref="SchemaVersion"/> this engine reads.</summary>
    public const string CurrentSchemaVersion = "carbon-spec/1";

    /// <summary>Schema version; must be <see cref="CurrentSchemaVersion"/>.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>Unique code of the spec, upper case letters, digits and '-' (e.g. "ICE-EUA-FUT").</summary>
    public string? Code { get; init; }

    /// <summary>Human-readable name, e.g. "ICE Endex EUA Futures".</summary>
    public string? Name { get; init; }

    /// <summary>Listing venue, e.g. "ICE Endex".</summary>
    public string? Exchange { get; init; }

    /// <summary>Future, option or spot.</summary>
    public ContractKind? Kind { get; init; }

    /// <summary>What is delivered: allowance, offset or discharge permit, its registry and vintage.</summary>
    public UnderlyingSpec? Underlying { get; init; }

    /// <summary>ISO 4217 code of the price currency (three upper-case letters).</summary>
    public string? Currency { get; init; }

    /// <summary>Quantity per lot in <see cref="Unit"/> (1,000 t CO2e for an EUA future; for an option,
    /// the quantity of the future it exercises into); &gt; 0.</summary>
    public double LotSize { get; init; }

    /// <summary>Unit the lot size and prices refer to (price is currency per unit).</summary>
    public QuantityUnit? Unit { get; init; }

    /// <summary>Minimum price fluctuation and its value per lot; required for futures and options, null for a
    /// spot market whose source states none.</summary>
    public TickSpec? Tick { get; init; }

    /// <summary>Business-day calendar of the expiry rule and of trading days.</summary>
    public CalendarCode? Calendar { get; init; }

    /// <summary>Which contract months are listed (futures and options; null for spot).</summary>
    public ListingCycle? Listing { get; init; }

    /// <summary>How the last trading day (option expiry) follows from the contract month (null for spot).</summary>
    public ExpiryRule? ExpiryRule { get; init; }

    /// <summary>Physical delivery of allowances or cash settlement.</summary>
    public SettlementSpec? Settlement { get; init; }

    /// <summary>Daily price limits; null when the contract has none.</summary>
    public PriceLimitSpec? PriceLimits { get; init; }

    /// <summary>Trading session; null when not stated by the source.</summary>
    public TradingHoursSpec? TradingHours { get; init; }

    /// <summary>Position limits in lots; null when not stated by the source.</summary>
    public PositionLimitSpec? PositionLimits { get; init; }

    /// <summary>Margin parameters per lot; null when not stated (the spec lab then reports only the margin needed).</summary>
    public MarginSpec? Margin { get; init; }

    /// <summary>Option terms; required when <see cref="Kind"/> is <see cref="ContractKind.Option"/>, absent otherwise.</summary>
    public OptionTerms? Option { get; init; }

    /// <summary>Where the facts come from, with the date each was read; at least one.</summary>
    public ImmutableArray<SourceCitation> Sources { get; init; } = [];

    /// <summary>Free text: caveats, facts left out because they could not be verified.</summary>
    public string? Notes { get; init; }
}
