using CarbonDerivatives.Engine.Specs;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

public class ContractSpecLibraryTests
{
    private static readonly string[] Expected =
    [
        "ICE-EUA-FUT", "ICE-EUA-OPT", "EEX-EUA-FUT", "ICE-UKA-FUT", "ICE-CCA-FUT", "ICE-RGGI-FUT", "SEEE-CEA", "HBEX-HBEA",
        "CBGEX-CCER", "US-SO2-ALLOWANCE", "ZJ-COD-PERMIT", "ZJ-NOX-PERMIT",
    ];

    [Fact]
    public void LoadDirectory_ShippedSpecs_AllValidate()
    {
        var load = ShippedSpecs.Load;
        Assert.True(load.Errors.IsEmpty, string.Join(Environment.NewLine, load.Errors));
        Assert.Equal(Expected.Order(StringComparer.Ordinal), load.Library.Specs.Keys);
    }

    [Fact]
    public void ShippedSpecs_EachCitesADatedSource()
    {
        foreach (var spec in ShippedSpecs.Library.Specs.Values)
        {
            Assert.NotEmpty(spec.Sources);
            Assert.All(spec.Sources, s => Assert.True(s.Accessed is not null && !string.IsNullOrWhiteSpace(s.Url), spec.Code));
        }
    }

    [Fact]
    public void ShippedSpecs_StateTheConventionsOfMarketsMd()
    {
        // Facts from shared MARKETS.md: EUA 1,000 t, EUR 0.01 = EUR 10 a lot; CEA +-10% listed, +-30% block;
        // RGGI in short tons; a discharge permit is a quantity per year.
        var library = ShippedSpecs.Library;
        var eua = library.Get("ICE-EUA-FUT");
        Assert.Equal((1000.0, "EUR", 0.01, 10.0), (eua.LotSize, eua.Currency!, eua.Tick!.Size, eua.Tick.Value));
        Assert.Null(eua.PriceLimits);
        var cea = library.Get("SEEE-CEA");
        Assert.Equal((0.10, 0.30), (cea.PriceLimits!.Fraction, cea.PriceLimits.BlockFraction!.Value));
        Assert.Equal(MassUnit.ShortTon, library.Get("ICE-RGGI-FUT").Unit!.Mass);
        Assert.True(library.Get("ZJ-COD-PERMIT").Unit!.PerYear);
        Assert.Equal(UnderlyingType.DischargePermit, library.Get("ZJ-COD-PERMIT").Underlying!.Type);
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameSpec()
    {
        foreach (var spec in ShippedSpecs.Library.Specs.Values)
        {
            var read = ContractSpecJson.Read(ContractSpecJson.Write(spec));
            Assert.Empty(read.Errors);
            Assert.Equal(ContractSpecJson.Write(spec), ContractSpecJson.Write(read.Spec!));
        }
    }

    [Fact]
    public void LoadDirectory_BrokenAndDuplicateFiles_ReportsPerFileAndKeepsTheRest()
    {
        string dir = Path.Combine(Path.GetTempPath(), "carbon-specs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            string eua = File.ReadAllText(Path.Combine(ShippedSpecs.Directory, "ice-eua-futures.json"));
            File.WriteAllText(Path.Combine(dir, "a.json"), eua);
            File.WriteAllText(Path.Combine(dir, "b.json"), eua); // same code again
            File.WriteAllText(Path.Combine(dir, "c.json"), "{\n  \"code\": \"X\",\n  \"lotSize\": ,\n}");
            File.WriteAllText(Path.Combine(dir, "d.json"), File.ReadAllText(Path.Combine(ShippedSpecs.Directory, "ice-eua-options.json"))
                .Replace("\"ICE-EUA-FUT\"", "\"NO-SUCH-FUT\""));
            var load = ContractSpecLibrary.LoadDirectory(dir, ShippedSpecs.ValidFrom);
            Assert.Equal(["ICE-EUA-FUT"], load.Library.Specs.Keys);
            Assert.Contains(load.Errors, e => e.File == "b.json" && e.Error.Path == "code");
            Assert.Contains(load.Errors, e => e.File == "c.json" && e.Error.Line == 3);
            Assert.Contains(load.Errors, e => e.File == "d.json" && e.Error.Path == "option.underlyingFuture");
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }
}
