using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Jour.Protocol;

/// <summary>Length-prefixed JSON frames: a 4-byte little-endian length, then that many UTF-8 bytes.</summary>
public static class FrameStream
{
    // Frames up to this size are read into a buffer rented from the shared pool and returned (cleared: a
    // sign-in frame holds a PIN) at once; the pool keeps a bounded number of such buffers for every
    // connection to share. A bigger frame (only a signed-in session may send one) gets a buffer of its
    // own that grows with the bytes that actually arrive, so announcing a length costs the sender the bytes.
    private const int PooledFrameBytes = 1024 * 1024;

    public static async Task WriteAsync<T>(Stream stream, T message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encode(message, typeInfo), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The whole frame (length and payload) of a message, ready to write.</summary>
    public static byte[] Encode<T>(T message, JsonTypeInfo<T> typeInfo)
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
        byte[] frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>The next message of at most <paramref name="maxBytes"/>, or null when the peer closed the connection cleanly.</summary>
    /// <exception cref="InvalidDataException">The frame announces more than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="EndOfStreamException">The connection closed inside a frame.</exception>
    public static async Task<T?> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        byte[] header = new byte[4];
        int headerRead = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (headerRead < header.Length)
        {
            return headerRead == 0 ? null : throw new EndOfStreamException("Connection closed inside a frame");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > maxBytes)
        {
            throw new InvalidDataException($"Frame length {length} out of range");
        }

        if (length > PooledFrameBytes)
        {
            return JsonSerializer.Deserialize(await ReadLargeAsync(stream, length, cancellationToken), typeInfo);
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await stream.ReadExactlyAsync(rented.AsMemory(0, length), cancellationToken);
            return JsonSerializer.Deserialize(rented.AsSpan(0, length), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    // Doubles the buffer only once it is full: it is never bigger than twice what has arrived.
    private static async Task<byte[]> ReadLargeAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        byte[] buffer = [];
        for (int read = 0; read < length; read = buffer.Length)
        {
            Array.Resize(ref buffer, (int)Math.Min(2L * Math.Max(read, PooledFrameBytes / 2), length));
            await stream.ReadExactlyAsync(buffer.AsMemory(read), cancellationToken);
        }

        return buffer;
    }
}
