using CarbonDerivatives.Gpu;
using Xunit;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>A fact that runs where ILGPU finds a CUDA device (and libdevice), and is reported skipped — not passed — elsewhere.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Present = new(() =>
    {
        using var backend = GpuBackend.OnCuda(minimumMemory: 0);
        return backend is not null;
    });

    public CudaFactAttribute()
    {
        if (!Present.Value) Skip = "no CUDA device on this machine";
    }
}
