using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Grpc.Net.Compression;

namespace CarbonDerivatives.Api.Wire;

/// <summary>
/// Reads a gRPC request body for Grpc.AspNetCore while checking its length-prefixed frames as they arrive: a flag
/// that is neither 0 nor 1, a compressed frame that does not decompress (or decompresses beyond the size limit), a
/// body that ends inside a frame, or a second message where the method takes one, is INVALID_ARGUMENT ("malformed
/// request message"). Grpc.AspNetCore would report these as INTERNAL or UNKNOWN.
/// </summary>
internal sealed class GrpcFrameReader(PipeReader inner, GrpcFrameRules rules, Action<string> report) : PipeReader
{
    private const int HeaderSize = 5;

    private ReadOnlySequence<byte> _buffer;
    private long _bufferStart;   // offset in the body of the buffer last returned
    private long _nextFrame;     // offset of the next frame header not yet checked
    private long _compressedStart = -1, _compressedLength; // a compressed frame waiting for its last byte
    private int _frames;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken);
        Check(result);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result)) return false;
        Check(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed)
    {
        _bufferStart += _buffer.Slice(0, consumed).Length;
        inner.AdvanceTo(consumed);
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _bufferStart += _buffer.Slice(0, consumed).Length;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    private void Check(ReadResult result)
    {
        if (result.IsCanceled) return;
        _buffer = result.Buffer;
        long end = _bufferStart + _buffer.Length;
        CheckCompressed(end);
        Span<byte> header = stackalloc byte[HeaderSize];
        while (_compressedStart < 0 && _nextFrame + HeaderSize <= end)
        {
            if (rules.SingleMessage && _frames == 1) throw Malformed("more than one message where the method takes one");
            _buffer.Slice(_nextFrame - _bufferStart, HeaderSize).CopyTo(header);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
            if (header[0] > 1) throw Malformed($"frame flag {header[0]} (0 plain, 1 compressed)");
            if (length > rules.MaxMessageSize) throw MalformedRequest.TooLarge(length, rules.MaxMessageSize);
            if (header[0] == 1)
            {
                if (rules.Encoding is null) throw Malformed("a compressed frame without a grpc-encoding header");
                if (rules.Compression is not null) // an encoding the server lacks is Grpc.AspNetCore's to refuse (UNIMPLEMENTED)
                {
                    _compressedStart = _nextFrame + HeaderSize;
                    _compressedLength = length;
                }
            }
            _nextFrame += HeaderSize + length;
            _frames++;
            CheckCompressed(end);
        }
        if (!result.IsCompleted) return;
        if (end < _nextFrame) throw Malformed($"the body ends {_nextFrame - end} bytes short of the frame's length prefix");
        if (end > _nextFrame) throw Malformed($"{end - _nextFrame} trailing bytes that are not a whole frame header");
        if (rules.SingleMessage && _frames == 0) throw Malformed("no message");
    }

    /// <summary>Decompresses a complete compressed frame into a bounded buffer: garbage or a decompression bomb is refused here.</summary>
    private void CheckCompressed(long end)
    {
        if (_compressedStart < 0 || _compressedStart + _compressedLength > end) return;
        var frame = _buffer.Slice(_compressedStart - _bufferStart, _compressedLength);
        _compressedStart = -1;
        long size;
        try
        {
            using var input = rules.Compression!.CreateDecompressionStream(new MemoryStream(frame.ToArray()));
            size = BoundedLength(input, rules.MaxMessageSize + 1L);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Malformed($"a compressed frame that does not decompress ({e.Message})");
        }
        if (size > rules.MaxMessageSize) throw MalformedRequest.TooLarge(size, rules.MaxMessageSize);
    }

    private static long BoundedLength(Stream stream, long limit)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        for (int read; total < limit && (read = stream.Read(chunk)) > 0;) total += read;
        return total;
    }

    private Grpc.Core.RpcException Malformed(string reason)
    {
        report(reason);
        return MalformedRequest.Error(reason);
    }
}

/// <summary>What a request's frames must obey: one message or a stream, the size limit, and the grpc-encoding header with its decompressor (null when the server has none).</summary>
internal sealed record GrpcFrameRules(bool SingleMessage, int MaxMessageSize, string? Encoding, ICompressionProvider? Compression);
