namespace CarbonDerivatives.Engine.Specs;

/// <summary>Mass unit of a quantity.</summary>
public enum MassUnit
{
    /// <summary>Metric tonne, 1,000 kg.</summary>
    Tonne,

    /// <summary>US short ton, 2,000 lb = 907.18474 kg (RGGI allowances, US SO2 allowances).</summary>
    ShortTon,
}

/// <summary>What the mass is of.</summary>
public enum Substance
{
    /// <summary>Carbon dioxide equivalent (all Kyoto gases at their GWP).</summary>
    Co2e,

    /// <summary>Carbon dioxide.</summary>
    Co2,

    /// <summary>Sulphur dioxide.</summary>
    So2,

    /// <summary>Nitrogen oxides.</summary>
    Nox,

    /// <summary>Chemical oxygen demand (water discharge).</summary>
    Cod,

    /// <summary>Ammonia nitrogen (water discharge).</summary>
    Nh3N,
}

/// <summary>
/// Unit of the lot and of the price (currency per unit), e.g. t CO2e, short ton SO2, or t COD per year
/// for a discharge permit that entitles its holder to an annual quantity.
/// </summary>
/// <param name="Mass">Tonne or short ton.</param>
/// <param name="Substance">What is emitted or discharged.</param>
/// <param name="PerYear">True when the right is an annual quantity (discharge permits: t per year).</param>
public sealed record QuantityUnit(MassUnit? Mass, Substance? Substance, bool PerYear = false)
{
    /// <summary>Short text such as "t CO2e" or "short ton SO2" or "t COD/yr".</summary>
    public override string ToString()
    {
        string mass = Mass == MassUnit.ShortTon ? "short ton" : "t";
        string substance = Substance switch
        {
            Specs.Substance.Co2e => "CO2e",
            Specs.Substance.Co2 => "CO2",
            Specs.Substance.So2 => "SO2",
            Specs.Substance.Nox => "NOx",
            Specs.Substance.Cod => "COD",
            Specs.Substance.Nh3N => "NH3-N",
            _ => "?",
        };
        return $"{mass} {substance}{(PerYear ? "/yr" : "")}";
    }
}
