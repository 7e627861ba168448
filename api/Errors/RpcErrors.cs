using System.Diagnostics.CodeAnalysis;
using Google.Rpc;
using Grpc.Core;

namespace CarbonDerivatives.Api.Errors;

/// <summary>Builders of RpcExceptions with explicit status codes and google.rpc error details.</summary>
internal static class RpcErrors
{
    /// <summary>Longest field path or quota subject a status carries: a field path echoes request data (a position id,
    /// a spec name), and a client's megabyte id must not come back as a megabyte trailer.</summary>
    public const int MaxFieldLength = 512;

    /// <summary>Longest description a status carries.</summary>
    public const int MaxDescriptionLength = 2048;

    /// <summary>Most field violations one status lists; the last entry says how many more there were.</summary>
    public const int MaxViolations = 20;

    /// <summary>The text itself when short enough, else its start and how long it was: a client still sees which
    /// field it was, and the status stays within HTTP/2 header limits.</summary>
    public static string Bounded(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"... ({text.Length:N0} characters)");
        return string.Concat(text.AsSpan(0, Math.Max(0, max - suffix.Length)), suffix);
    }

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest naming <paramref name="field"/>.</summary>
    public static RpcException InvalidArgument(string field, string description)
    {
        field = Bounded(field, MaxFieldLength);
        description = Bounded(description, MaxDescriptionLength);
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{field}: {description}",
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
                }),
            },
        };
        return status.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT with one google.rpc.BadRequest field violation per problem, so a client sees them all at once.</summary>
    public static RpcException InvalidArguments(IReadOnlyList<(string Field, string Description)> violations)
    {
        var shown = violations.Take(MaxViolations)
            .Select(v => (Field: Bounded(v.Field, MaxFieldLength), Description: Bounded(v.Description, MaxDescriptionLength)))
            .ToList();
        if (violations.Count > MaxViolations)
        {
            shown.Add(("request", $"{violations.Count - MaxViolations} more problems not listed"));
        }

        violations = shown;
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    [DoesNotReturn]
    public static void ThrowInvalidArgument(string field, string description) => throw InvalidArgument(field, description);

    /// <summary>RESOURCE_EXHAUSTED with a google.rpc.QuotaFailure: its subject names the limit or the request field, e.g.
    /// "monte_carlo.paths" or "server.simulations"; the status message is "subject: description".</summary>
    public static RpcException ResourceExhausted(string subject, string description)
    {
        subject = Bounded(subject, MaxFieldLength);
        description = Bounded(description, MaxDescriptionLength);
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"{subject}: {description}",
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new QuotaFailure
                {
                    Violations = { new QuotaFailure.Types.Violation { Subject = subject, Description = description } },
                }),
            },
        };
        return status.ToRpcException();
    }

    /// <summary>
    /// RESOURCE_EXHAUSTED for a caller over its rate limit: a google.rpc.QuotaFailure naming the limit and a
    /// google.rpc.RetryInfo saying when the budget will allow the call again.
    /// </summary>
    public static Google.Rpc.Status QuotaExceeded(string subject, string description, TimeSpan retryAfter) => new()
    {
        Code = (int)Code.ResourceExhausted,
        Message = $"{description}; retry after {retryAfter.TotalSeconds:0.###} s",
        Details =
        {
            Google.Protobuf.WellKnownTypes.Any.Pack(new QuotaFailure
            {
                Violations = { new QuotaFailure.Types.Violation { Subject = subject, Description = description } },
            }),
            Google.Protobuf.WellKnownTypes.Any.Pack(new RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter) }),
        },
    };

    [DoesNotReturn]
    public static void ThrowNotFound(string what) =>
        throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, Bounded(what, MaxDescriptionLength)));
}
