using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CarbonDerivatives.Api.Services;

/// <summary>RiskService's saved portfolios: validated like a risk request's book, then committed to the store.</summary>
public sealed partial class RiskGrpcService
{
    [Authorize(CarbonRoles.Writer)]
    public override Task<SavePortfolioResponse> SavePortfolio(SavePortfolioRequest request, ServerCallContext context)
    {
        DocumentIds.Check(request.PortfolioId, "portfolio_id");
        if (request.Portfolio is null) RpcErrors.ThrowInvalidArgument("portfolio", "is required");
        RiskRequestMapper.Portfolio(request.Portfolio, "portfolio");
        portfolios.Save(request.PortfolioId, request.Portfolio);
        return Task.FromResult(new SavePortfolioResponse { PortfolioId = request.PortfolioId, Positions = request.Portfolio.Positions.Count });
    }

    public override Task<Portfolio> GetPortfolio(GetPortfolioRequest request, ServerCallContext context)
    {
        DocumentIds.Check(request.PortfolioId, "portfolio_id");
        var saved = portfolios.Get(request.PortfolioId);
        if (saved is null) RpcErrors.ThrowNotFound($"portfolio_id: no saved portfolio '{request.PortfolioId}'");
        return Task.FromResult(saved);
    }

    public override Task<ListPortfoliosResponse> ListPortfolios(ListPortfoliosRequest request, ServerCallContext context) =>
        Task.FromResult(new ListPortfoliosResponse { PortfolioIds = { portfolios.Ids() } });

    [Authorize(CarbonRoles.Admin)]
    public override Task<DeletePortfolioResponse> DeletePortfolio(DeletePortfolioRequest request, ServerCallContext context)
    {
        DocumentIds.Check(request.PortfolioId, "portfolio_id");
        if (!portfolios.Delete(request.PortfolioId)) RpcErrors.ThrowNotFound($"portfolio_id: no saved portfolio '{request.PortfolioId}'");
        return Task.FromResult(new DeletePortfolioResponse());
    }
}
