using System.Collections;
using CarbonDerivatives.Engine.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// The last check before a reply leaves: a NaN or an infinity in it (finite inputs of absurd size, such as a lot
/// size of 1e308, overflow in the arithmetic) is INVALID_ARGUMENT naming the reply field, never a number a client
/// would take at face value. Streams are checked message by message.
/// </summary>
internal sealed class FiniteReplyInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        Check(response);
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(request, new CheckedWriter<TResponse>(responseStream), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(requestStream, new CheckedWriter<TResponse>(responseStream), context);

    private static void Check(object? reply)
    {
        if (reply is IMessage message && FirstNonFinite(message, "") is { } field)
            throw new InvalidInputException(field, "the result is not a finite number: an input is too large in magnitude "
                                                   + "(check lot sizes, lots, quantities, strikes, prices and shocks)");
    }

    /// <summary>The path of the first NaN or infinity in <paramref name="message"/>, or null.</summary>
    private static string? FirstNonFinite(IMessage message, string path)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.Double or FieldType.Float or FieldType.Message)) continue;
            object value = field.Accessor.GetValue(message);
            string at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            IEnumerable values = field.IsMap ? ((IDictionary)value).Values : field.IsRepeated ? (IEnumerable)value : new[] { value };
            foreach (object? element in values)
            {
                string? found = element switch
                {
                    double d => double.IsFinite(d) ? null : at,
                    float f => float.IsFinite(f) ? null : at,
                    IMessage child => FirstNonFinite(child, at),
                    _ => null,
                };
                if (found is not null) return found;
            }
        }
        return null;
    }

    private sealed class CheckedWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message)
        {
            Check(message);
            return inner.WriteAsync(message);
        }

        public Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            Check(message);
            return inner.WriteAsync(message, cancellationToken);
        }
    }
}
