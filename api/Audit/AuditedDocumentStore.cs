using System.Security.Cryptography;
using CarbonDerivatives.Api.Security;
using CarbonDerivatives.Api.Storage;

namespace CarbonDerivatives.Api.Audit;

/// <summary>
/// Every write to the document store, logged once it is committed (category <see cref="Category"/>): who (the
/// calling principal and role), what (put or delete), which document (kind and id) and the SHA-256 of its bytes as
/// stored (for a delete, of the bytes removed), so the log can be checked against the database. Writes happen inside
/// calls, so the principal is the current request's (IHttpContextAccessor); outside a call it is "server".
/// </summary>
internal sealed partial class AuditedDocumentStore(IDocumentStore inner, IHttpContextAccessor calls, ILoggerFactory loggers) : IDocumentStore
{
    public const string Category = "CarbonDerivatives.Audit";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void Put(string kind, string id, byte[] body)
    {
        inner.Put(kind, id, body);
        Audit("put", kind, id, body);
    }

    public byte[]? Get(string kind, string id) => inner.Get(kind, id);

    public bool Delete(string kind, string id)
    {
        byte[]? removed = inner.Get(kind, id);
        bool deleted = inner.Delete(kind, id);
        if (deleted) Audit("delete", kind, id, removed ?? []);
        return deleted;
    }

    public IReadOnlyList<(string Id, byte[] Body)> All(string kind) => inner.All(kind);

    public bool IsShared => inner.IsShared;

    private void Audit(string action, string kind, string id, byte[] body)
    {
        var user = calls.HttpContext?.User;
        string principal = user is null ? "server" : CarbonPrincipals.Key(user);
        string role = user is null ? "-" : CarbonRoles.Highest(user) ?? "none";
        LogWrite(principal, role, action, kind, id, Convert.ToHexStringLower(SHA256.HashData(body)), body.Length);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "audit principal={Principal} role={Role} action={Action} kind={Kind} id={Id} sha256={ContentHash} bytes={Bytes}")]
    private partial void LogWrite(string principal, string role, string action, string kind, string id, string contentHash, int bytes);
}

public static class AuditExtensions
{
    /// <summary>Wraps the registered <see cref="IDocumentStore"/> in the audit; call after it is registered.</summary>
    public static IServiceCollection AddCarbonAudit(this IServiceCollection services)
    {
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IDocumentStore))
            ?? throw new InvalidOperationException("register the IDocumentStore before the audit");
        services.Remove(store);
        services.AddHttpContextAccessor();
        services.AddSingleton<IDocumentStore>(sp => new AuditedDocumentStore(Resolve(store, sp), sp.GetRequiredService<IHttpContextAccessor>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    private static IDocumentStore Resolve(ServiceDescriptor store, IServiceProvider services) => (IDocumentStore)(
        store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, store.ImplementationType!));
}
