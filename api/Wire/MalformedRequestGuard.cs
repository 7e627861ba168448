using System.IO.Pipelines;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Wire;

/// <summary>
/// Malformed protobuf never reaches a service as UNKNOWN or INTERNAL: request frames are checked as they are read
/// (<see cref="GrpcFrameReader"/>) and messages are parsed by guarded marshallers (<see cref="GuardedServiceMethodProvider{TService}"/>);
/// both answer INVALID_ARGUMENT "malformed request message" and log one rate-limited line without a stack trace.
/// </summary>
public static class MalformedRequestGuard
{
    /// <summary>Registers the guard; call after AddGrpc (it replaces Grpc.AspNetCore's service binder with the guarded one).</summary>
    public static IServiceCollection AddMalformedRequestGuard(this IServiceCollection services)
    {
        var binder = services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                                                   && d.ImplementationType?.Name == "BinderServiceMethodProvider`1")
            ?? throw new InvalidOperationException("Grpc.AspNetCore's BinderServiceMethodProvider is not registered: call AddGrpc first");
        services.Remove(binder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>)));
        services.TryAddSingleton<MalformedRequestLog>();
        return services;
    }

    /// <summary>Wraps the body of every gRPC call to a known method in a <see cref="GrpcFrameReader"/>; after routing.</summary>
    public static WebApplication UseMalformedRequestGuard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var log = app.Services.GetRequiredService<MalformedRequestLog>();
        int maxMessageSize = options.MaxReceiveMessageSize ?? throw new InvalidOperationException("set GrpcServiceOptions.MaxReceiveMessageSize explicitly");
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && Errors.GrpcErrorResponse.IsGrpc(context.Request)
                && context.Features.Get<IRequestBodyPipeFeature>() is { } body)
            {
                string? encoding = context.Request.Headers["grpc-encoding"];
                if (encoding == "identity") encoding = null;
                var compression = options.CompressionProviders.FirstOrDefault(p => p.EncodingName == encoding);
                bool single = grpc.Method.Type is MethodType.Unary or MethodType.ServerStreaming;
                var rules = new GrpcFrameRules(single, maxMessageSize, encoding, compression);
                string rpc = grpc.Method.FullName;
                context.Features.Set<IRequestBodyPipeFeature>(new FrameCheckedBody(new GrpcFrameReader(body.Reader, rules, reason => log.Report(rpc, reason))));
            }
            return next(context);
        });
        return app;
    }

    private sealed class FrameCheckedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }
}
