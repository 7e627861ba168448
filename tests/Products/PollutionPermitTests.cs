using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Products;

/// <summary>Pollution-permit mechanics: validity, banking, remaining years and value, worked by hand.</summary>
public sealed class PollutionPermitTests
{
    // 10 t of NOx a year from 2024, valid 5 years (the 国办发〔2014〕38号 re-verification period): 2024..2028.
    private static readonly PollutionPermit Nox = new("nox", 10, 2024, 5, Bankable: false);

    [Fact]
    public void Validity_RunsFromTheVintageForItsYears()
    {
        Assert.Equal(2028, Nox.LastYear);
        Assert.False(Nox.UsableIn(2023));
        Assert.True(Nox.UsableIn(2024) && Nox.UsableIn(2028));
        Assert.False(Nox.UsableIn(2029));
        Assert.Equal(3, Nox.RemainingYears(new DateOnly(2026, 3, 2))); // 2026, 2027, 2028
        Assert.Equal(5, Nox.RemainingYears(new DateOnly(2020, 1, 1))); // before the vintage: all five
        Assert.Equal(0, Nox.RemainingYears(new DateOnly(2029, 1, 1)));
        // At the Zhejiang index of Nov 2019, NOx 5,316 CNY per t-yr: 10 t x 3 years x 5,316.
        Assert.Equal(10 * 3 * 5316.0, Nox.Value(new DateOnly(2026, 3, 2), 5316));
    }

    [Fact]
    public void Banking_CarriesUnusedQuantity_OnlyWhenAllowed()
    {
        // Not bankable: each year its 10 t, whatever was used before.
        Assert.Equal(10, Nox.AvailableIn(2026, usedBefore: 4));
        var banked = Nox with { Bankable = true };
        // Bankable: 2024..2026 granted 30 t; 4 used in 2024-25 leaves 26 for 2026.
        Assert.Equal(26, banked.AvailableIn(2026, usedBefore: 4));
        Assert.Equal(0, banked.AvailableIn(2029, usedBefore: 0)); // expired: banking never outlives the validity
        Assert.Equal("usedBefore", Assert.Throws<InvalidInputException>(() => banked.AvailableIn(2025, usedBefore: 11)).Field);
    }

    [Fact]
    public void BadTerms_NameTheField()
    {
        Assert.Equal("substance", Assert.Throws<InvalidInputException>(() => (Nox with { Substance = "co2" }).Validate()).Field);
        Assert.Equal("annualQuantity", Assert.Throws<InvalidInputException>(() => (Nox with { AnnualQuantity = -1 }).Validate()).Field);
        Assert.Equal("validityYears", Assert.Throws<InvalidInputException>(() => (Nox with { ValidityYears = 0 }).Validate()).Field);
    }
}
