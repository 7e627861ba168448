using CarbonDerivatives.Api.Storage;
using Google.Protobuf;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Portfolios;

/// <summary>Saved portfolios, as the protobuf message sent, in the <see cref="IDocumentStore"/>.</summary>
public sealed class PortfolioStore(IDocumentStore documents)
{
    private const string Kind = "portfolio";

    /// <summary>Saves <paramref name="portfolio"/> (already validated); returns once it is committed.</summary>
    public void Save(string id, Proto.Portfolio portfolio) => documents.Put(Kind, id, portfolio.ToByteArray());

    public Proto.Portfolio? Get(string id) => documents.Get(Kind, id) is { } body ? Proto.Portfolio.Parser.ParseFrom(body) : null;

    public bool Delete(string id) => documents.Delete(Kind, id);

    public IReadOnlyList<string> Ids() => documents.All(Kind).Select(d => d.Id).ToArray();
}
