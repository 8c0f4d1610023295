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
        ServerMessage? read = await FrameStream.ReadAsync(stream, WireJsonContext.Default.ServerMessage, TestContext.Current.CancellationToken);
        ServerMessage? end = await FrameStream.ReadAsync(stream, WireJsonContext.Default.ServerMessage, TestContext.Current.CancellationToken);

        Assert.Equal(new ChangeNotice(ChangeKind.Case, 42), read!.Change);
        Assert.Null(end);
    }
}
