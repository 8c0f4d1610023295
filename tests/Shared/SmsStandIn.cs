using System.Globalization;
using System.Net;
using System.Text;

namespace Jour.Testing;

/// <summary>A fault the stand-in answers with, on demand.</summary>
public enum StandInFault
{
    /// <summary>401: the credentials are refused.</summary>
    Unauthorized,

    /// <summary>429: too many requests.</summary>
    RateLimited,

    /// <summary>500: the provider fails before taking the message.</summary>
    ServerError,

    /// <summary>The message is taken and recorded, but the answer comes too late for the client's time-out.</summary>
    TakenThenTimeout,

    /// <summary>No answer in time and nothing taken.</summary>
    Timeout,
}

/// <summary>
/// A stand-in of the 46elks SMS API on 127.0.0.1 for tests: <c>POST /a1/sms</c> (form: from, to, message; Basic
/// auth) records a message, <c>GET /a1/sms</c> lists them newest first with incoming replies as
/// <c>direction=incoming</c> and every message taken as <c>status=delivered</c> unless <see cref="SetStatus"/> says
/// otherwise. Faults (401, 429, 5xx, time-outs) on demand; <see cref="Stop"/> makes it unreachable.
/// Shared by Jour.Tests and the end-to-end tests (linked source).
/// </summary>
public sealed class SmsStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<StandInMessage> _messages = [];
    private readonly Queue<(string Method, StandInFault Fault)> _faults = new();
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;

    public SmsStandIn(string user = "u-test", string password = "p-test", TimeSpan? slowAnswer = null)
    {
        User = user;
        Password = password;
        SlowAnswer = slowAnswer ?? TimeSpan.FromSeconds(3);
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                Url = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                // Taken between asking and binding: another port.
            }
        }

        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public string User { get; }

    public string Password { get; }

    /// <summary>How late a time-out fault answers (longer than the client waits).</summary>
    public TimeSpan SlowAnswer { get; }

    /// <summary>How many POSTs came, faults included.</summary>
    public int Posts { get; private set; }

    /// <summary>Extra delay of every answer (a slow network).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every message taken or received, oldest first.</summary>
    public IReadOnlyList<StandInMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<StandInMessage> Sent => [.. Messages.Where(m => !m.Incoming)];

    /// <summary>The next <paramref name="times"/> requests of <paramref name="method"/> ("POST" or "GET") fail so.</summary>
    public void Fail(string method, StandInFault fault, int times = 1)
    {
        lock (_lock)
        {
            for (int i = 0; i < times; i++)
            {
                _faults.Enqueue((method, fault));
            }
        }
    }

    /// <summary>
    /// What the list says of a message taken (its <c>status</c>): "delivered" (with a <c>delivered</c> time) unless set
    /// here, e.g. "failed" for a text that will not reach the phone, or "sent" for one not yet known.
    /// </summary>
    public void SetStatus(string id, string status)
    {
        lock (_lock)
        {
            _statuses[id] = status;
        }
    }

    /// <summary>The status the list gives the message (see <see cref="SetStatus"/>).</summary>
    public string StatusOf(StandInMessage m)
    {
        if (m.Incoming)
        {
            return "received";
        }

        lock (_lock)
        {
            return _statuses.GetValueOrDefault(m.Id, "delivered");
        }
    }

    /// <summary>A reply from a phone, as the provider would list it.</summary>
    public StandInMessage Reply(string from, string text)
    {
        lock (_lock)
        {
            var m = new StandInMessage("sin" + (++_nextId).ToString(CultureInfo.InvariantCulture), from, "+46700000000", text, true, DateTime.UtcNow, "");
            _messages.Add(m);
            return m;
        }
    }

    /// <summary>Waits until a sent message matches, or fails after <paramref name="timeout"/>.</summary>
    public async Task<StandInMessage> WaitForSentAsync(Func<StandInMessage, bool> match, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Sent.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no such SMS was sent; sent: " + string.Join(" | ", Sent.Select(m => m.To + ": " + m.Text)));
    }

    public void Stop()
    {
        _stop.Cancel();
        try
        {
            _listener.Stop();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        Stop();
        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        HttpListenerResponse response = context.Response;
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            if (request.Url?.AbsolutePath.TrimEnd('/') != "/a1/sms")
            {
                await WriteAsync(response, 404, "Not found");
                return;
            }

            StandInFault? fault = null;
            lock (_lock)
            {
                if (request.HttpMethod == "POST")
                {
                    Posts++;
                }

                if (_faults.TryPeek(out var next) && next.Method == request.HttpMethod)
                {
                    fault = _faults.Dequeue().Fault;
                }
            }

            if (fault == StandInFault.Unauthorized || !Authorised(request))
            {
                await WriteAsync(response, 401, "Unauthorized");
                return;
            }

            switch (fault)
            {
                case StandInFault.RateLimited:
                    await WriteAsync(response, 429, "Too many requests");
                    return;
                case StandInFault.ServerError:
                    await WriteAsync(response, 500, "Internal error");
                    return;
                case StandInFault.Timeout:
                    await Task.Delay(SlowAnswer);
                    await WriteAsync(response, 503, "Late");
                    return;
            }

            if (request.HttpMethod == "GET")
            {
                int limit = int.TryParse(request.QueryString["limit"], out int l) ? l : 100;
                StandInMessage[] newest;
                lock (_lock)
                {
                    newest = [.. _messages.AsEnumerable().Reverse().Take(limit)];
                }

                await WriteAsync(response, 200, "{\"data\":[" + string.Join(",", newest.Select(Json)) + "]}");
                return;
            }

            if (request.HttpMethod != "POST")
            {
                await WriteAsync(response, 405, "Method not allowed");
                return;
            }

            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : "");
            if (!form.TryGetValue("to", out string? to) || !to.StartsWith('+') || !form.TryGetValue("message", out string? text) || !form.TryGetValue("from", out string? from))
            {
                await WriteAsync(response, 400, "Missing key to, from or message");
                return;
            }

            StandInMessage taken;
            lock (_lock)
            {
                taken = new StandInMessage("s" + (++_nextId).ToString(CultureInfo.InvariantCulture), from, to, text, false, DateTime.UtcNow, request.Headers["Idempotency-Key"] ?? "");
                _messages.Add(taken);
            }

            if (fault == StandInFault.TakenThenTimeout)
            {
                await Task.Delay(SlowAnswer);
            }

            await WriteAsync(response, 200, Json(taken));
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The client gave up (a time-out on purpose) or the stand-in stopped.
        }
    }

    private bool Authorised(HttpListenerRequest request)
    {
        string? header = request.Headers["Authorization"];
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        string pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
        return pair == User + ":" + Password;
    }

    private string Json(StandInMessage m)
    {
        string status = StatusOf(m);
        var pairs = new List<string>
        {
            Pair("id", m.Id), Pair("from", m.From), Pair("to", m.To), Pair("message", m.Text),
            Pair("direction", m.Incoming ? "incoming" : "outgoing"), Pair("status", status),
            Pair("created", m.CreatedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
        };
        if (status == "delivered")
        {
            // 46elks gives the time the phone took it; here a second after it was taken.
            pairs.Add(Pair("delivered", m.CreatedUtc.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)));
        }

        return "{" + string.Join(",", pairs) + "}";
    }

    private static string Pair(string key, string value) => $"\"{key}\":{System.Text.Json.JsonSerializer.Serialize(value)}";

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = status == 200 ? "application/json" : "text/plain";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}

/// <summary>One message the stand-in holds.</summary>
public sealed record StandInMessage(string Id, string From, string To, string Text, bool Incoming, DateTime CreatedUtc, string IdempotencyKey);
