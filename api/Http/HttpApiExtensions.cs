using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.Extensions.FileProviders;
using Microsoft.OpenApi.Models;

namespace CarbonDerivatives.Api.Http;

/// <summary>
/// JSON over HTTP from the same contract: every RPC with a <c>google.api.http</c> route in protos/ is transcoded
/// (JSON in, JSON out, errors as a JSON google.rpc.Status with the same code and details as over gRPC), an OpenAPI
/// document describes the routes, and the spec-lab page is served from wwwroot at <c>/</c>.
/// </summary>
public static class HttpApiExtensions
{
    /// <summary>JSON transcoding and the OpenAPI generator.</summary>
    public static IServiceCollection AddCarbonHttpApi(this IServiceCollection services)
    {
        // Errors carry google.rpc.BadRequest / QuotaFailure details (packed as Any): JSON needs their descriptors.
        services.AddGrpc().AddJsonTranscoding(o => o.TypeRegistry = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor));
        services.AddGrpcSwagger();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CarbonDerivatives JSON API",
                Version = "v1",
                Description = "The carbon.v1 gRPC services transcoded to JSON over HTTP (protobuf JSON names, enums by name). " +
                              "Errors are a google.rpc.Status: code, message and details such as google.rpc.BadRequest field violations.",
            });
            // The proto comments, compiled into the api's XML docs by Grpc.Tools.
            string docs = Path.Combine(AppContext.BaseDirectory, "CarbonDerivatives.Api.xml");
            if (File.Exists(docs)) o.IncludeGrpcXmlComments(docs, includeControllerXmlComments: true);
        });
        return services;
    }

    /// <summary>The page at /, the OpenAPI document at /swagger/v1/swagger.json (browsable at /swagger), and the listening URLs logged at start.</summary>
    public static WebApplication MapCarbonHttpApi(this WebApplication app)
    {
        var page = new PhysicalFileProvider(WebRoot(app.Environment));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseSwagger();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "CarbonDerivatives JSON API v1"));
        var listeners = app.Services.GetRequiredService<CarbonListeners>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CarbonDerivatives.Api.Listeners");
        app.Lifetime.ApplicationStarted.Register(() => listeners.LogAddresses(logger));
        return app;
    }

    /// <summary>wwwroot under the content root when it holds the page (dotnet run from api/: edits show at once), else the copy beside the server.</summary>
    private static string WebRoot(IWebHostEnvironment environment)
    {
        string underContentRoot = Path.Combine(environment.ContentRootPath, "wwwroot");
        return File.Exists(Path.Combine(underContentRoot, "index.html")) ? underContentRoot : Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
