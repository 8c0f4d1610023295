using System.Globalization;
using Jour.Core.CallOuts;

namespace Jour.Core.Tests.CallOuts;

/// <summary>An SMS provider in memory: what was sent, replies on demand, faults on demand.</summary>
internal sealed class FakeSmsGateway(TimeProvider time) : ISmsGateway
{
    private readonly Lock _lock = new();
    private readonly List<SmsMessage> _messages = [];
    private readonly List<string> _keys = [];
    private readonly Queue<(SmsFault Fault, bool Taken)> _faults = new();
    private int _next;

    public IReadOnlyList<SmsMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages.Where(m => !m.Incoming)];
            }
        }
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys];
            }
        }
    }

    public int Calls { get; private set; }

    /// <summary>The next sends fail so; <paramref name="taken"/>: the message leaves although the answer says it failed.</summary>
    public void Fail(SmsFault fault, int times = 1, bool taken = false)
    {
        lock (_lock)
        {
            for (int i = 0; i < times; i++)
            {
                _faults.Enqueue((fault, taken));
            }
        }
    }

    /// <summary>The provider's delivery report of a text sent: the list shows it with this status (and time, if delivered).</summary>
    public void Report(string id, string status, DateTime? deliveredUtc = null)
    {
        lock (_lock)
        {
            int i = _messages.FindIndex(m => m.Id == id);
            _messages[i] = _messages[i] with { Status = status, DeliveredUtc = deliveredUtc };
        }
    }

    public SmsMessage Reply(string from, string text)
    {
        lock (_lock)
        {
            var m = new SmsMessage("in" + (++_next).ToString(CultureInfo.InvariantCulture), from, "+46700000000", text, true, time.GetUtcNow().UtcDateTime);
            _messages.Add(m);
            return m;
        }
    }

    public Task<string> SendAsync(SmsAccount account, string to, string message, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            if (_faults.TryDequeue(out var fault))
            {
                if (fault.Taken)
                {
                    Take(to, message, idempotencyKey);
                }

                throw new SmsGatewayException(fault.Fault);
            }

            return Task.FromResult(Take(to, message, idempotencyKey).Id);
        }
    }

    public Task<IReadOnlyList<SmsMessage>> ListAsync(SmsAccount account, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SmsMessage>>([.. _messages.AsEnumerable().Reverse().Take(limit)]);
        }
    }

    private SmsMessage Take(string to, string message, string key)
    {
        var m = new SmsMessage("out" + (++_next).ToString(CultureInfo.InvariantCulture), "+46700000000", to, message, false, time.GetUtcNow().UtcDateTime, "sent");
        _messages.Add(m);
        _keys.Add(key);
        return m;
    }
}
