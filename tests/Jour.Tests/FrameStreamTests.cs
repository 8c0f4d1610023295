using System.Buffers.Binary;
using System.Text.Json;
using Jour.Core.Changes;
using Jour.Protocol;

namespace Jour.Tests;

public class FrameStreamTests
{
    [Fact]
    public async Task ServerMessage_RoundTripsThroughAFrame_AndAClosedStreamReadsAsNull()
    {
        var stream = new MemoryStream();
        var sent = new ServerMessage(0, true, null, null, null, new ChangeNotice(ChangeKind.Case, 42));

        await FrameStream.WriteAsync(stream, sent, WireJsonContext.Default.ServerMessage, TestContext.Current.CancellationToken);
        stream.Position = 0;
        ServerMessage? read = await FrameStream.ReadAsync(stream, WireJsonContext.Default.ServerMessage, ProtocolInfo.MaxFrameBytes, TestContext.Current.CancellationToken);
        ServerMessage? end = await FrameStream.ReadAsync(stream, WireJsonContext.Default.ServerMessage, ProtocolInfo.MaxFrameBytes, TestContext.Current.CancellationToken);

        Assert.Equal(new ChangeNotice(ChangeKind.Case, 42), read!.Change);
        Assert.Null(end);
    }

    [Fact]
    public async Task AFrameOfSeveralMebibytes_ArrivingInPieces_ReadsWhole()
    {
        string text = new('å', 3 * 1024 * 1024);
        byte[] frame = FrameStream.Encode(new ClientMessage(7, "note", JsonSerializer.SerializeToElement(text, WireJsonContext.Default.String)), WireJsonContext.Default.ClientMessage);

        ClientMessage? read = await FrameStream.ReadAsync(new TrickleStream(frame, 64 * 1024), WireJsonContext.Default.ClientMessage, ProtocolInfo.MaxFrameBytes, TestContext.Current.CancellationToken);

        Assert.Equal(text, read!.Body!.Value.GetString());
    }

    [Theory]
    [InlineData(2)] // inside the length
    [InlineData(4 + 10)] // inside a small frame
    [InlineData(4 + (2 * 1024 * 1024))] // inside a large one
    public async Task AConnectionClosedInsideAFrame_IsAnEndOfStream_NotAnEmptyRead(int cutAt)
    {
        byte[] frame = FrameStream.Encode(new ClientMessage(1, "note", JsonSerializer.SerializeToElement(new string('x', 3 * 1024 * 1024), WireJsonContext.Default.String)), WireJsonContext.Default.ClientMessage);
        BinaryPrimitives.WriteInt32LittleEndian(frame, cutAt < 100 ? 50 : frame.Length - 4);

        await Assert.ThrowsAsync<EndOfStreamException>(() => FrameStream.ReadAsync(new MemoryStream(frame[..cutAt]), WireJsonContext.Default.ClientMessage, ProtocolInfo.MaxFrameBytes, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFrameAnnouncingMoreThanItsLimit_IsRefusedBeforeItsBytesAreRead()
    {
        byte[] header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, ProtocolInfo.PreSignInFrameBytes + 1);

        await Assert.ThrowsAsync<InvalidDataException>(() => FrameStream.ReadAsync(new MemoryStream(header), WireJsonContext.Default.ClientMessage, ProtocolInfo.PreSignInFrameBytes, TestContext.Current.CancellationToken));
    }

    /// <summary>Hands out at most a few bytes per read, as a socket does.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
