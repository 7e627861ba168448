using System.CommandLine;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Commands;

/// <summary><c>carbon portfolio list | get ID | save ID FILE | delete ID</c>: portfolios saved in RiskService.</summary>
internal static class PortfolioCommand
{
    public static Command Create(CommandOutput output) => new StoredDocumentCommands<RiskService.RiskServiceClient>
    {
        Name = "portfolio",
        Description = "Saved portfolios (RiskService); risk requests name them in inputs.portfolioId",
        What = "portfolio",
        Client = channel => new(channel),
        List = async (client, call) =>
        {
            var reply = await client.ListPortfoliosAsync(new ListPortfoliosRequest(), call);
            return (reply, reply.PortfolioIds);
        },
        Get = async (client, id, call) => await client.GetPortfolioAsync(new GetPortfolioRequest { PortfolioId = id }, call),
        Save = async (client, id, json, where, call) =>
        {
            var reply = await client.SavePortfolioAsync(new SavePortfolioRequest { PortfolioId = id, Portfolio = ProtoJson.Parse<Portfolio>(json, where) }, call);
            return (reply, $"saved {reply.PortfolioId}: {reply.Positions} positions");
        },
        Delete = async (client, id, call) => await client.DeletePortfolioAsync(new DeletePortfolioRequest { PortfolioId = id }, call),
    }.Create(output);
}
