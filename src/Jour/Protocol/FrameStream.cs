using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Jour.Protocol;

/// <summary>Length-prefixed JSON frames: a 4-byte little-endian length, then that many UTF-8 bytes.</summary>
public static class FrameStream
{
    public static async Task WriteAsync<T>(Stream stream, T message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
        byte[] frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The next message, or null when the peer closed the connection cleanly.</summary>
    public static async Task<T?> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        byte[] header = new byte[4];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken))
        {
            return null;
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > ProtocolInfo.MaxFrameBytes)
        {
            throw new InvalidDataException($"Frame length {length} out of range");
        }

        byte[] payload = new byte[length];
        if (!await ReadExactlyOrEndAsync(stream, payload, cancellationToken))
        {
            throw new EndOfStreamException("Connection closed inside a frame");
        }

        return JsonSerializer.Deserialize(payload, typeInfo);
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return read == 0 && buffer.Length > 0 ? false : throw new EndOfStreamException("Connection closed inside a frame");
            }

            read += n;
        }

        return true;
    }
}
