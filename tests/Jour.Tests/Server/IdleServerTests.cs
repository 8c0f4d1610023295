using System.Net.Sockets;
using Jour.Configuration;
using Jour.Protocol;
using Jour.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Tests.Server;

/// <summary>A server a session started in the background goes away on its own once nobody uses it.</summary>
public sealed class IdleServerTests
{
    [Fact]
    public async Task AServerWithAnIdleTime_StaysWhileASessionIsConnected_AndStopsOnceTheLastHasLeft()
    {
        var paths = new JourPaths(Directory.CreateTempSubdirectory("jour-idle-").FullName, null);
        var config = new JourConfig();
        try
        {
            using var host = new ServerHost(paths, config, TimeSpan.FromSeconds(1), NullLoggerFactory.Instance, PeerPolicy.FromConfig(config));
            host.Start();
            Task running = host.RunAsync();
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(paths.Socket), TestContext.Current.CancellationToken);
            await using (var stream = new NetworkStream(socket, ownsSocket: true))
            {
                await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
                Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);

                await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
                Assert.False(running.IsCompleted);
            }

            await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            Directory.Delete(paths.DataDirectory, recursive: true);
        }
    }
}
