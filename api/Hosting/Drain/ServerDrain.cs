using Grpc.Core;

namespace CarbonDerivatives.Api.Hosting.Drain;

/// <summary>
/// The server's drain state: once draining (SIGTERM), health is NOT_SERVING and new Monte Carlo calls are refused
/// with UNAVAILABLE, while the simulations already admitted (running or queued) are counted until they finish.
/// </summary>
public sealed class ServerDrain
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;

    public bool IsDraining { get; private set; }

    /// <summary>Admits a simulation, or throws UNAVAILABLE while draining. Pair with <see cref="Leave"/>.</summary>
    public void Enter()
    {
        lock (_gate)
        {
            if (IsDraining)
                throw new RpcException(new Status(StatusCode.Unavailable,
                    "the server is shutting down and takes no new Monte Carlo work; retry on another replica"));
            _inFlight++;
        }
    }

    public void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0) _idle?.TrySetResult();
        }
    }

    /// <summary>Starts draining; the task completes when no admitted simulation is left.</summary>
    public Task BeginAsync()
    {
        lock (_gate)
        {
            IsDraining = true;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight == 0) _idle.TrySetResult();
            return _idle.Task;
        }
    }

    public int InFlight
    {
        get
        {
            lock (_gate) return _inFlight;
        }
    }
}
