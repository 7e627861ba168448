using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using CarbonDerivatives.Tests.Data;
using Google.Protobuf;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>`carbon model ...` against the real server on the shipped Guangdong pilot history.</summary>
[Collection("server")]
public sealed class CarbonCliModelTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Compare_OnAHistory_RanksFourModelsByAic()
    {
        var (code, json, _, _) = await CliRunner.RunAsync(server.Address, 200,
            ["model", "compare", "--history", ShippedData.PathOf(ShippedData.Guangdong), "--regimes", "2", "--json"]);
        Assert.Equal(0, code);
        var reply = JsonParser.Default.Parse<CompareModelsResponse>(json);
        Assert.Equal(["gbm", "merton", "regime-switching-2", "schwartz"], reply.History.Select(r => r.Model).Order().ToArray());
        Assert.True(reply.History.Zip(reply.History.Skip(1)).All(p => p.First.Aic <= p.Second.Aic), "best AIC first");
        var gbm = reply.History.Single(r => r.Model == "gbm");
        Assert.True(reply.History[0].Aic < gbm.Aic, "a thin pilot market is not a Gaussian random walk");
    }

    [Fact]
    public async Task Regimes_Table_ShowsEachRegimeAndTheLikelihood()
    {
        var (code, _, table, _) = await CliRunner.RunAsync(server.Address, 200,
            ["model", "regimes", "--history", ShippedData.PathOf(ShippedData.Guangdong), "--regimes", "2"]);
        Assert.Equal(0, code);
        Assert.Contains("2 regimes on", table);
        Assert.Contains("log-likelihood", table);
    }
}
