using CarbonDerivatives.Engine.Validation;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Maps engine exceptions to gRPC status codes in one place, so nothing falls through to UNKNOWN:
/// invalid input → INVALID_ARGUMENT (field named), budget → RESOURCE_EXHAUSTED (QuotaFailure subject: the request
/// field, already translated from the engine's name where the engine raised it, see <see cref="FieldPath.Translate{T}(Func{T}, Func{string, string})"/>), cancellation →
/// DEADLINE_EXCEEDED or CANCELLED (whichever the call hit), anything else → INTERNAL.
/// </summary>
internal sealed class ExceptionMappingInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    /// <summary>The status an engine exception maps to (also used for per-item errors in streams).</summary>
    public static RpcException Map(Exception e, ServerCallContext context) => e switch
    {
        InvalidInputException invalid => RpcErrors.InvalidArgument(invalid.Field, invalid.Reason),
        BudgetExceededException budget => RpcErrors.ResourceExhausted(FieldPath.Resolve(budget.Field), budget.Reason),
        OperationCanceledException when context.Deadline <= DateTime.UtcNow =>
            new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline passed; the simulation was stopped.")),
        OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled; the simulation was stopped.")),
        _ => new RpcException(new Status(StatusCode.Internal, $"Internal error: {e.GetType().Name}")),
    };
}
