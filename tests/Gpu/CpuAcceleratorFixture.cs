using CarbonDerivatives.Gpu;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>
/// One ILGPU CPU-accelerator back end shared by a test class (creating an ILGPU context and compiling the kernel
/// costs seconds). Its chunks are kept small (64 KiB of paths) so that every multi-block test also crosses chunk
/// boundaries, where the partials of the chunks merge.
/// </summary>
public sealed class CpuAcceleratorFixture : IDisposable
{
    public GpuBackend Backend { get; } = GpuBackend.OnCpuAccelerator(chunkBytes: 64 << 10);

    public void Dispose() => Backend.Dispose();
}
