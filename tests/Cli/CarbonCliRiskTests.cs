extern alias cli;
using cli::CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Google.Protobuf;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>`carbon risk ...` against the real server, with the shipped sample requests.</summary>
[Collection("server")]
public sealed class CarbonCliRiskTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    private static string Sample(string name) => Path.Combine(Samples, name);

    private async Task<(int ExitCode, string Json, string Table, string Errors)> Run(params string[] args)
    {
        var (code, json, table, errors) = await CliRunner.RunAsync(server.Address, 200, args);
        return (code, json, table, errors);
    }

    private static T Parse<T>(string json) where T : IMessage<T>, new() => JsonParser.Default.Parse<T>(json);

    [Fact]
    public async Task Sensitivities_SampleJson_SameTotalsAsADirectStreamedCall()
    {
        var (code, json, _, _) = await Run("risk", "sensitivities", Sample("risk-sensitivities.json"), "--json");
        Assert.Equal(0, code);
        var viaCli = Parse<SensitivitiesResult>(json);

        var request = Parse<SensitivitiesRequest>(await File.ReadAllTextAsync(Sample("risk-sensitivities.json")));
        using var call = new RiskService.RiskServiceClient(server.Channel).Sensitivities(request);
        SensitivitiesResult? direct = null;
        while (await call.ResponseStream.MoveNext(default)) direct ??= call.ResponseStream.Current.Result;
        Assert.Equal(direct!.Total.Measures.Price.Value, viaCli.Total.Measures.Price.Value);
        Assert.Equal(5, viaCli.Positions.Count);
        Assert.All(viaCli.Positions, p => Assert.Null(p.Error));
    }

    [Fact]
    public async Task Sensitivities_Table_ShowsEveryPositionAndTheTotal()
    {
        var (code, _, table, _) = await Run("risk", "sensitivities", Sample("risk-sensitivities.json"));
        Assert.Equal(0, code);
        foreach (string id in new[] { "eua-c75", "eua-p60", "eua-dec27", "uka-c45", "cca-p28", "total (EUR)" }) Assert.Contains(id, table);
    }

    [Fact]
    public async Task Ladder_SampleGrid_SevenPriceShocksByThreeVolShocksAndNoPnlUnshocked()
    {
        var (code, json, _, _) = await Run("risk", "ladder", Sample("risk-ladder.json"), "--json");
        Assert.Equal(0, code);
        var result = Parse<ScenarioLadderResult>(json);
        Assert.Equal(7, result.Total.Rows.Count);
        Assert.All(result.Total.Rows, r => Assert.Equal(3, r.Pnl.Count));
        // Zero price shock (row 3) and zero vol shock (column 1) is today's market: full revaluation gives no P&L.
        Assert.Equal(0, result.Total.Rows[3].Pnl[1], 1e-6);
        // A long-call, long-futures book gains when all prices rise 50%.
        Assert.True(result.Total.Rows[6].Pnl[1] > 0);

        var (_, _, table, _) = await Run("risk", "ladder", Sample("risk-ladder.json"));
        Assert.Contains("P&L, total", table);
        Assert.Contains("-50%", table);
    }

    [Fact]
    public async Task Stress_SampleWithACustomScenario_ReportsItBesideTheChosenCatalogueScenarios()
    {
        var (code, json, _, _) = await Run("risk", "stress", Sample("risk-stress.json"), "--json");
        Assert.Equal(0, code);
        var response = Parse<StressTestResponse>(json);
        Assert.Contains(response.Results, r => r.Scenario.Name == "msr-tightening" && r.Pnl > 0);
        // A book long EUA calls and futures loses in the 2006 collapse.
        Assert.Contains(response.Results, r => r.Scenario.Name == "EUA April 2006 collapse" && r.Pnl < 0);
        Assert.Equal(4, response.Results.Count);

        var (_, scenariosJson, _, _) = await Run("risk", "scenarios", "--json");
        var catalogue = Parse<ListStressScenariosResponse>(scenariosJson);
        Assert.NotEmpty(catalogue.Scenarios);
        var (_, _, table, _) = await Run("risk", "scenarios");
        Assert.Contains(catalogue.Scenarios[0].Name, table);
    }

    [Fact]
    public async Task Margin_Sample_ComponentsAddUpToTheTotalAndTheTableNamesTheDrivingScenario()
    {
        var (code, json, _, _) = await Run("risk", "margin", Sample("risk-margin.json"), "--json");
        Assert.Equal(0, code);
        var response = Parse<MarginResponse>(json);
        Assert.Equal(["CCA", "EUA", "UKA"], response.Underlyings.Select(u => u.Underlying));
        Assert.Equal(response.Underlyings.Sum(u => u.Total), response.Total, 1e-9);
        Assert.All(response.Underlyings, u => Assert.Equal(Math.Max(u.ScanRisk + u.CalendarSpreadCharge + u.DeliveryCharge - u.InterCommodityCredit,
            u.ShortOptionMinimum), u.Total, 1e-9));
        var (_, _, table, _) = await Run("risk", "margin", Sample("risk-margin.json"));
        Assert.Contains($"driven by {response.DrivingUnderlying}, scenario {response.DrivingScenario.Number}", table);
    }

    [Fact]
    public async Task Var_Sample_ExpectedShortfallAtLeastVaRAtEveryLevel()
    {
        var (code, json, _, _) = await Run("risk", "var", Sample("risk-var.json"), "--json");
        Assert.Equal(0, code);
        var result = Parse<ValueAtRiskResult>(json);
        Assert.Equal([0.95, 0.975, 0.99], result.Figures.Select(f => f.Confidence));
        Assert.All(result.Figures, f => Assert.True(f.ExpectedShortfall >= f.ValueAtRisk));
        Assert.Equal(10, result.HorizonDays);
    }

    [Fact]
    public async Task Sensitivities_EmptyPortfolio_ExitCodeTwoAndTheFieldNamed()
    {
        string file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"inputs":{"portfolio":{"reportingCurrency":"EUR"},"market":{"snapshotId":"default"}}}""");
        var (code, _, _, errors) = await Run("risk", "sensitivities", file);
        File.Delete(file);
        Assert.Equal(2, code);
        Assert.Contains("positions", errors);
    }

    [Fact]
    public async Task Sensitivities_OneBadPosition_OthersStillReportedAndExitCodeOne()
    {
        var request = Parse<SensitivitiesRequest>(await File.ReadAllTextAsync(Sample("risk-sensitivities.json")));
        request.Inputs.Portfolio.Positions[1].Instrument.FuturesOption.Underlying = "XYZ";
        string file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, JsonFormatter.Default.Format(request));
        var (code, _, table, _) = await Run("risk", "sensitivities", file);
        File.Delete(file);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("eua-p60: INVALID_ARGUMENT", table);
        Assert.Contains("eua-c75", table);
    }

    [Fact]
    public void ShockList_OrdersByCodeWithSignedPercentages() =>
        Assert.Equal("EUA -63%, UKA +12.5%", RiskRows.ShockList(new Dictionary<string, double> { ["UKA"] = 0.125, ["EUA"] = -0.63 }));

    [Fact]
    public async Task Portfolio_SaveListGetDelete_AndRiskByItsId()
    {
        Assert.Equal(0, (await Run("portfolio", "save", "cli-book", Sample("portfolio-book.json"))).ExitCode);
        Assert.Contains("cli-book", (await Run("portfolio", "list")).Table);
        var (code, json, _, _) = await Run("portfolio", "get", "cli-book");
        Assert.Equal(0, code);
        Assert.Equal(Parse<Portfolio>(await File.ReadAllTextAsync(Sample("portfolio-book.json"))), Parse<Portfolio>(json));

        string request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, """{"inputs":{"portfolioId":"cli-book","market":{"snapshotId":"default"},"fxRates":{"GBP":1.17,"USD":0.92}}}""");
        var byId = Parse<SensitivitiesResult>((await Run("risk", "sensitivities", request, "--json")).Json);
        var inline = Parse<SensitivitiesResult>((await Run("risk", "sensitivities", Sample("risk-sensitivities.json"), "--json")).Json);
        File.Delete(request);
        Assert.Equal(inline.Total.Measures.Price.Value, byId.Total.Measures.Price.Value);

        Assert.Equal(0, (await Run("portfolio", "delete", "cli-book")).ExitCode);
        Assert.Equal(ExitCodes.Failure, (await Run("portfolio", "get", "cli-book")).ExitCode); // NOT_FOUND
    }
}
