using System.Globalization;
using System.Security.Cryptography;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Calling out the standby pool by SMS (issue 21): the offers, the outbox with its retries, the replies.
public sealed partial class JourUseCases
{
    /// <summary>Replies and retries concern call-outs this recent.</summary>
    private static readonly TimeSpan ReplyHorizon = TimeSpan.FromDays(14);

    /// <summary>How long a call-out's answer waits for its texts; the rest leave in the background.</summary>
    private static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(3);

    /// <summary>The longest wait between two attempts of one text.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How far the provider's clock may be behind ours.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(2);

    /// <summary><see cref="SmsOutgoing.Delivery"/> of a text the provider says reached the phone.</summary>
    private const string DeliveryDelivered = "delivered";

    /// <summary><see cref="SmsOutgoing.Delivery"/> of a text the provider says will not reach it.</summary>
    private const string DeliveryFailed = "failed";

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>One pass over the outbox at a time, so that no text is picked twice: each pass runs after the one before.</summary>
    private readonly Lock _outboxLock = new();

    private Task _outboxTail = Task.CompletedTask;

    /// <summary>The SMS provider; null where none is plugged in (the call-out is then refused).</summary>
    public ISmsGateway? Sms { get; set; }

    /// <summary>How often the server should fetch replies (the setting, or its default).</summary>
    public TimeSpan SmsPollInterval => TimeSpan.FromSeconds(_store.LoadSmsSettings()?.PollSeconds ?? SmsSettings.DefaultPollSeconds);

    public SmsSettingsData GetSmsSettings() => ToData(_store.LoadSmsSettings() ?? new SmsSettings(), null);

    /// <summary>Saves what is given and makes a test call at once, so a wrong password shows now and not at 03:00.</summary>
    public async Task<SmsSettingsData> SaveSmsSettingsAsync(SessionInfo actor, SaveSmsSettings request, CancellationToken cancellationToken)
    {
        SmsSettings s;
        lock (_gate.Lock)
        {
            s = _store.LoadSmsSettings() ?? new SmsSettings();
            if (request.Url is { } url)
            {
                url = url.Trim();
                if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                {
                    throw new JourException(ErrorCodes.SmsUrlInvalid, url);
                }

                s.Url = url.TrimEnd('/');
            }

            if (request.From is { } from)
            {
                from = from.Trim();
                string? e164 = PhoneNumber.ToE164(from);
                bool name = from.Length is > 0 and <= 11 && from.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(from[0]);
                if (from.Length > 0 && e164 is null && !name)
                {
                    throw new JourException(ErrorCodes.SmsFromInvalid, from);
                }

                s.From = e164 ?? from;
            }

            if (request.PollSeconds is { } seconds)
            {
                if (seconds is < SmsSettings.MinPollSeconds or > SmsSettings.MaxPollSeconds)
                {
                    throw new JourException(ErrorCodes.SmsPollInvalid, seconds.ToString(CultureInfo.InvariantCulture), SmsSettings.MinPollSeconds.ToString(CultureInfo.InvariantCulture), SmsSettings.MaxPollSeconds.ToString(CultureInfo.InvariantCulture));
                }

                s.PollSeconds = seconds;
            }

            if (request.ShiftNoticeMinutes is { } lead)
            {
                if (lead is < 0 or > SmsSettings.MaxShiftNoticeMinutes)
                {
                    throw new JourException(ErrorCodes.ShiftNoticeInvalid, lead.ToString(CultureInfo.InvariantCulture), SmsSettings.MaxShiftNoticeMinutes.ToString(CultureInfo.InvariantCulture));
                }

                s.ShiftNoticeMinutes = lead;
            }

            s.User = request.User?.Trim() ?? s.User;
            s.Password = request.Password ?? s.Password;
            s.ConfirmOnYes = request.ConfirmOnYes ?? s.ConfirmOnYes;
            s.UpdatedBy = actor.UserId;
            s.UpdatedUtc = UtcNow;
            _store.SaveSmsSettings(s);
        }

        Published(new ChangeNotice(ChangeKind.Settings, 0));
        LogSmsSettingsSaved(actor.UserId);
        string? check = null;
        if (!s.IsConfigured)
        {
            check = ErrorCodes.SmsNotConfigured;
        }
        else if (Sms is not { } gateway)
        {
            check = ErrorCodes.SmsNoGateway;
        }
        else
        {
            try
            {
                await gateway.ListAsync(s.Account, 1, cancellationToken);
            }
            catch (SmsGatewayException ex)
            {
                LogSmsFault(0, ex.Fault, 0);
                check = ex.MessageKey;
            }
        }

        return ToData(s, check);
    }

    /// <summary>
    /// Offers a window to the top eligible candidates by SMS: every text is stored (with its idempotency key)
    /// before any leaves; the answer waits a moment for them, and a fault leaves them queued for the retries.
    /// </summary>
    public async Task<CallOutStatus> StartCallOutAsync(SessionInfo actor, StartCallOut request, CancellationToken cancellationToken)
    {
        if (request.Count is < 1 or > 50)
        {
            throw new JourException(ErrorCodes.CallOutCountInvalid, request.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (_store.LoadSmsSettings() is not { IsConfigured: true } || Sms is null)
        {
            throw new JourException(ErrorCodes.SmsNotConfigured);
        }

        CallOut callOut;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            Case c = FindCaseOrThrow(request.CaseId);
            if (!c.IsOpen)
            {
                throw new JourException(ErrorCodes.CallOutCaseClosed, c.Number);
            }

            var ordered = c.Needs.OrderBy(w => w.FromUtc).ToList();
            int index = request.WindowIndex ?? Math.Max(0, ordered.FindIndex(w => w.Confirmed < w.Assistants && w.ToUtc > now));
            NeedWindow window = WindowAt(c, index);
            var client = _store.FindClient(c.ClientId);
            var deployments = _store.LoadDeployments(window.FromUtc - RuleHorizon, window.ToUtc + RuleHorizon);
            var ranked = Eligibility.Rank(window.FromUtc, window.ToUtc, c.ClientId, window.Competences, client?.DelegatedTasks ?? [], _store.LoadStaff(), deployments, RegisterCheckDemandFor(client, window.FromUtc));
            var recent = _store.LoadCallOutsSince(now - ReplyHorizon);

            // Nobody is asked twice for the same window while their offer is open.
            var asked = recent
                .Where(o => o.CaseId == c.Id && o.FromUtc == window.FromUtc && !o.IsClosed)
                .SelectMany(o => o.Offers.Where(x => !x.IsClosed).Select(x => x.AssistantId))
                .ToHashSet();
            var pool = ranked.Where(x => x.IsEligible && !asked.Contains(x.Assistant.Id) && PhoneNumber.ToE164(x.Assistant.Phone) is not null);
            var chosen = request.AssistantIds is { Count: > 0 } ids
                ? pool.Where(x => ids.Contains(x.Assistant.Id)).ToList()
                : pool.Take(request.Count).ToList();
            if (chosen.Count == 0)
            {
                throw new JourException(ErrorCodes.CallOutNoCandidates);
            }

            var codes = recent.SelectMany(o => o.Offers.Select(x => x.Code)).ToHashSet(StringComparer.Ordinal);
            string area = SmsText.Area(client?.Address ?? "");
            callOut = new CallOut
            {
                CaseId = c.Id,
                WindowIndex = index,
                FromUtc = window.FromUtc,
                ToUtc = window.ToUtc,
                Needed = Math.Max(1, window.Assistants - window.Confirmed),
                CreatedBy = actor.UserId,
                CreatedUtc = now,
            };
            foreach (Candidate candidate in chosen)
            {
                string code = NewCode(codes);
                string to = PhoneNumber.ToE164(candidate.Assistant.Phone)!;
                callOut.Offers.Add(new SmsOffer { AssistantId = candidate.Assistant.Id, Name = candidate.Assistant.Name, To = to, Code = code });
                callOut.Outbox.Add(Outgoing(to, code, SmsKind.Offer, SmsText.Offer(window.FromUtc, window.ToUtc, area, window.Competences, code), now));
            }

            callOut = _store.AddCallOut(callOut);
            AppendTimeline(c.Id, actor.UserId, TimelineText.CallOutStarted, callOut.Offers.Count.ToString(CultureInfo.InvariantCulture), TimelineText.Instant(window.FromUtc), TimelineText.Instant(window.ToUtc));
        }

        Published(new ChangeNotice(ChangeKind.Case, request.CaseId));
        LogCallOutStarted(callOut.Id, request.CaseId, callOut.Offers.Count, actor.UserId);
        Task sending = PumpOutboxAsync(CancellationToken.None);
        try
        {
            await sending.WaitAsync(SendBudget, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still sending (a slow gateway): the rest leave in the background, the status says so.
        }

        return GetCallOutStatus(request.CaseId);
    }

    /// <summary>Ends the case's open call-outs; a yes after this gets a polite no.</summary>
    public Task<CallOutStatus> WithdrawCallOutAsync(SessionInfo actor, WithdrawCallOut request, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        int closed = 0;
        lock (_gate.Lock)
        {
            foreach (CallOut co in _store.LoadCallOutsForCase(request.CaseId).Where(o => !o.IsClosed))
            {
                co.IsClosed = true;
                foreach (SmsOffer offer in co.Offers.Where(o => !o.IsClosed))
                {
                    offer.IsClosed = true;
                }

                _store.UpdateCallOut(co);
                closed++;
            }

            if (closed > 0)
            {
                AppendTimeline(request.CaseId, actor.UserId, TimelineText.CallOutWithdrawn);
            }
        }

        if (closed > 0)
        {
            Published(new ChangeNotice(ChangeKind.Case, request.CaseId));
        }

        return Task.FromResult(GetCallOutStatus(request.CaseId));
    }

    /// <summary>Everyone asked for the case, with what they answered and what their yes became.</summary>
    public CallOutStatus GetCallOutStatus(long caseId)
    {
        var callOuts = _store.LoadCallOutsForCase(caseId).OrderBy(o => o.Id).ToList();
        var deployments = _store.LoadDeploymentsForCase(caseId).ToDictionary(d => d.Id);
        var lines = new List<CallOutLine>();
        string? fault = null;
        int queued = 0;
        foreach (CallOut co in callOuts)
        {
            foreach (SmsOffer o in co.Offers)
            {
                SmsOutgoing? sent = co.Outbox.FirstOrDefault(m => m.Kind == SmsKind.Offer && m.Code == o.Code);
                string? state = o.DeploymentId is { } id && deployments.TryGetValue(id, out Deployment? d) ? d.State.ToString().ToLowerInvariant() : null;
                string? lineFault = sent is { SentUtc: null, LastFault.Length: > 0 } ? sent.LastFault : null;
                if (sent is { SentUtc: null })
                {
                    queued++;
                    fault = lineFault ?? fault;
                }

                bool? delivered = sent?.Delivery switch
                {
                    DeliveryDelivered => true,
                    DeliveryFailed => false,
                    _ => null,
                };
                lines.Add(new CallOutLine(co.Id, o.AssistantId, o.Name, o.To, o.Code, sent?.SentUtc, o.Answer.Length > 0 ? o.Answer : null, state, o.Refusal.Length > 0 ? o.Refusal : null, !o.IsClosed && !co.IsClosed, lineFault, delivered));
            }
        }

        return new CallOutStatus(caseId, lines, fault, queued);
    }

    /// <summary>
    /// What the server does every polling interval: sends what is due in the outbox, fetches the replies and
    /// handles each new one, then sends the answers they call for. Every change goes through the write gate.
    /// </summary>
    public async Task PollSmsAsync(CancellationToken cancellationToken)
    {
        if (Sms is not { } gateway || _store.LoadSmsSettings() is not { IsConfigured: true } settings)
        {
            return;
        }

        QueueShiftReminders();
        if (_store.LoadCallOutsSince(UtcNow - ReplyHorizon).Count == 0)
        {
            await PumpOutboxAsync(cancellationToken); // shift notices only: nobody was asked anything, no reply to wait for
            return;
        }

        await PumpOutboxAsync(cancellationToken);
        IReadOnlyList<SmsMessage> listed;
        try
        {
            listed = await gateway.ListAsync(settings.Account, 100, cancellationToken);
        }
        catch (SmsGatewayException ex)
        {
            LogSmsFault(0, ex.Fault, 0);
            return;
        }

        RecordDeliveries(listed);
        foreach (SmsMessage reply in listed.Where(m => m.Incoming).OrderBy(m => m.CreatedUtc))
        {
            HandleReply(reply);
        }

        await PumpOutboxAsync(cancellationToken);
    }

    /// <summary>
    /// The delivery reports in the provider's list (a kiosk has no public address for <c>whendelivered</c>, so the
    /// status is polled): a call-out text sent whose message the list shows "delivered" or "failed" gets that on its
    /// outgoing record and one timeline entry on its case, once; a later list changes nothing. Returns how many were recorded.
    /// </summary>
    public int RecordDeliveries(IReadOnlyList<SmsMessage> listed)
    {
        var reports = new Dictionary<string, SmsMessage>(StringComparer.Ordinal);
        foreach (SmsMessage m in listed.Where(m => !m.Incoming && (m.IsDelivered || m.IsUndelivered)))
        {
            reports.TryAdd(m.Id, m);
        }

        if (reports.Count == 0)
        {
            return 0;
        }

        var touched = new HashSet<long>();
        int recorded = 0;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            foreach (CallOut co in _store.LoadCallOutsSince(now - ReplyHorizon))
            {
                bool changed = false;
                foreach (SmsOutgoing m in co.Outbox.Where(m => m.SentUtc is not null && m.Delivery.Length == 0 && m.ProviderId.Length > 0))
                {
                    if (!reports.TryGetValue(m.ProviderId, out SmsMessage? report))
                    {
                        continue;
                    }

                    string name = co.Offers.FirstOrDefault(o => o.Code == m.Code)?.Name ?? "?";
                    if (report.IsDelivered)
                    {
                        m.Delivery = DeliveryDelivered;
                        m.DeliveryUtc = report.DeliveredUtc ?? now;
                        AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsDelivered, name, m.Kind.ToString(), TimelineText.Instant(m.DeliveryUtc.Value));
                    }
                    else
                    {
                        m.Delivery = DeliveryFailed;
                        m.DeliveryUtc = now;
                        AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsUndelivered, name, m.Kind.ToString());
                    }

                    LogSmsDelivery(co.Id, m.Kind, m.Delivery);
                    changed = true;
                    recorded++;
                }

                if (changed)
                {
                    _store.UpdateCallOut(co);
                    touched.Add(co.CaseId);
                }
            }
        }

        if (recorded > 0)
        {
            Wrote();
        }

        foreach (long caseId in touched)
        {
            Published(new ChangeNotice(ChangeKind.Case, caseId));
        }

        return recorded;
    }

    /// <summary>
    /// One reply, once: a no closes the offer; the first yes (still eligible: rest, double booking, block checked
    /// again now) becomes a deployment through the deployment use case and closes the others with "tillsatt";
    /// a yes too late or not eligible gets a polite no. Returns whether it was new.
    /// </summary>
    public bool HandleReply(SmsMessage reply)
    {
        var touched = new HashSet<long>();
        lock (_gate.Lock)
        {
            if (_store.WasHandled(reply.Id))
            {
                return false;
            }

            DateTime now = UtcNow;
            string from = PhoneNumber.ToE164(reply.From) ?? reply.From;
            // Only call-outs made before the reply was written (a minute or two of clock difference allowed):
            // an old "ja" still in the provider's list is no answer to a request sent after it.
            var mine = _store.LoadCallOutsSince(now - ReplyHorizon)
                .Where(co => reply.CreatedUtc >= co.CreatedUtc - ClockSlack)
                .OrderBy(o => o.Id)
                .SelectMany(co => co.Offers.Where(o => o.To == from).Select(o => (CallOut: co, Offer: o)))
                .ToList();
            SmsReply? parsed = SmsReply.Parse(reply.Text);
            if (mine.Count == 0)
            {
                LogReplyUnknown(reply.Id);
            }
            else
            {
                var open = mine.Where(x => !x.Offer.IsClosed && !x.CallOut.IsClosed && x.Offer.Answer.Length == 0).ToList();
                (CallOut CallOut, SmsOffer Offer)? target = null;
                if (parsed?.Code is { } code && mine.FirstOrDefault(x => x.Offer.Code == code) is { CallOut: not null } byCode)
                {
                    target = byCode;
                }
                else if (parsed is not null && open.Count == 1)
                {
                    target = open[0];
                }
                else if (parsed is not null && open.Count == 0)
                {
                    target = mine[^1]; // answering the latest, which is no longer open
                }

                if (target is { } t)
                {
                    Answer(t.CallOut, t.Offer, parsed!.Yes, now, touched);
                }
                else
                {
                    // Not understood, or several open offers and no code: ask again, on the latest.
                    var (co, offer) = open.Count > 0 ? open[^1] : mine[^1];
                    string text = reply.Text.Trim();
                    AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsUnclear, offer.Name, offer.To, text.Length > 40 ? text[..40] + "…" : text);
                    co.Outbox.Add(Outgoing(offer.To, offer.Code, SmsKind.AskCode, SmsText.AskCode(), now));
                    _store.UpdateCallOut(co);
                    touched.Add(co.CaseId);
                }
            }

            _store.MarkHandled(new SmsInboxEntry { Id = reply.Id, HandledUtc = now });
        }

        Wrote();
        foreach (long caseId in touched)
        {
            Published(new ChangeNotice(ChangeKind.Case, caseId));
        }

        return true;
    }

    /// <summary>
    /// Sends every text that is due, at most eight at once; records each outcome under the write gate. A text whose
    /// last attempt may have left (a time-out, a 5xx, a stop mid-send) is first looked for in the provider's list.
    /// </summary>
    public Task PumpOutboxAsync(CancellationToken cancellationToken)
    {
        lock (_outboxLock)
        {
            Task previous = _outboxTail;
            Task next = PumpAfterAsync(previous, cancellationToken);
            _outboxTail = next;
            return next;
        }
    }

    private async Task PumpAfterAsync(Task previous, CancellationToken cancellationToken)
    {
        // The pass before's outcome is its own caller's to see.
        await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        if (Sms is not { } gateway)
        {
            return;
        }

        {
            if (_store.LoadSmsSettings() is not { IsConfigured: true } settings)
            {
                return;
            }

            var due = new List<(long CallOutId, string? NoticeId, SmsOutgoing Message)>();
            DateTime now = UtcNow;
            lock (_gate.Lock)
            {
                foreach (CallOut co in _store.LoadCallOutsSince(now - ReplyHorizon))
                {
                    bool changed = false;
                    foreach (SmsOutgoing m in co.Outbox.Where(m => IsDue(m, now)))
                    {
                        BeginAttempt(m, now);
                        due.Add((co.Id, null, m));
                        changed = true;
                    }

                    if (changed)
                    {
                        _store.UpdateCallOut(co);
                    }
                }

                foreach (SmsNotice n in _store.LoadNoticesSince(now - ReplyHorizon).Where(n => IsDue(n.Message, now)))
                {
                    BeginAttempt(n.Message, now);
                    due.Add((0, n.Id, n.Message));
                    _store.UpdateNotice(n);
                }
            }

            if (due.Count == 0)
            {
                return;
            }

            Wrote();
            IReadOnlyList<SmsMessage>? listed = null;
            if (due.Any(d => d.Message.Uncertain))
            {
                try
                {
                    listed = await gateway.ListAsync(settings.Account, 200, cancellationToken);
                }
                catch (SmsGatewayException)
                {
                    listed = null; // cannot tell whether they left: they wait for the next attempt
                }
            }

            using var parallel = new SemaphoreSlim(8);
            var outcomes = await Task.WhenAll(due.Select(async d =>
            {
                await parallel.WaitAsync(cancellationToken);
                try
                {
                    return (d.CallOutId, d.NoticeId, d.Message.Key, Outcome: await AttemptAsync(gateway, settings.Account, d.Message, listed, cancellationToken));
                }
                finally
                {
                    parallel.Release();
                }
            }));

            Record(outcomes);
        }
    }

    private static async Task<SendOutcome> AttemptAsync(ISmsGateway gateway, SmsAccount account, SmsOutgoing m, IReadOnlyList<SmsMessage>? listed, CancellationToken cancellationToken)
    {
        if (m.Uncertain)
        {
            if (listed is null)
            {
                return new SendOutcome(null, new SmsGatewayException(SmsFault.Unreachable));
            }

            DateTime since = (m.FirstAttemptUtc ?? DateTime.MinValue).AddMinutes(-2);
            if (listed.FirstOrDefault(x => !x.Incoming && x.To == m.To && x.Text == m.Text && x.CreatedUtc >= since) is { } found)
            {
                return new SendOutcome(found.Id, null);
            }
        }

        try
        {
            return new SendOutcome(await gateway.SendAsync(account, m.To, m.Text, m.Key, cancellationToken), null);
        }
        catch (SmsGatewayException ex)
        {
            return new SendOutcome(null, ex);
        }
    }

    private static bool IsDue(SmsOutgoing m, DateTime now) => m.SentUtc is null && m.NextAttemptUtc <= now;

    private static void BeginAttempt(SmsOutgoing m, DateTime now)
    {
        // Found in flight: the server stopped during an attempt, which may have left.
        m.Uncertain |= m.InFlightSince is not null;
        m.InFlightSince = now;
        m.FirstAttemptUtc ??= now;
        m.Attempts++;
    }

    /// <summary>An attempt's outcome on its text: sent, or the fault and the next attempt's time. Returns whether this was the text's first fault.</summary>
    private static bool EndAttempt(SmsOutgoing m, SendOutcome outcome, DateTime now)
    {
        m.InFlightSince = null;
        if (outcome.ProviderId is { } id)
        {
            m.SentUtc = now;
            m.ProviderId = id;
            m.LastFault = "";
            m.Uncertain = false;
            return false;
        }

        SmsGatewayException fault = outcome.Fault!;
        bool first = m.LastFault.Length == 0;
        m.LastFault = fault.MessageKey;
        m.Uncertain |= fault.Uncertain;
        m.NextAttemptUtc = now + Backoff(m.Attempts);
        return first;
    }

    private void Record(IReadOnlyList<(long CallOutId, string? NoticeId, string Key, SendOutcome Outcome)> outcomes)
    {
        var touched = new HashSet<long>();
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            foreach (var group in outcomes.Where(o => o.NoticeId is null).GroupBy(o => o.CallOutId))
            {
                if (_store.FindCallOut(group.Key) is not { } co)
                {
                    continue;
                }

                foreach (var (_, _, key, outcome) in group)
                {
                    if (co.Outbox.FirstOrDefault(m => m.Key == key) is not { } m)
                    {
                        continue;
                    }

                    SmsOffer? offer = co.Offers.FirstOrDefault(o => o.Code == m.Code);
                    bool firstFault = EndAttempt(m, outcome, now);
                    if (outcome.Fault is null)
                    {
                        AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsSent, offer?.Name ?? "?", m.To, m.Kind.ToString(), m.Code);
                        LogSmsSent(co.Id, m.Kind, m.Attempts);
                    }
                    else
                    {
                        if (firstFault)
                        {
                            AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsFailed, offer?.Name ?? "?", m.To, m.Kind.ToString(), outcome.Fault.MessageKey);
                        }

                        LogSmsFault(co.Id, outcome.Fault.Fault, m.Attempts);
                    }

                    touched.Add(co.CaseId);
                }

                _store.UpdateCallOut(co);
            }

            // Shift notices belong to no case: their outcome is on the notice and in the log.
            foreach (var (_, noticeId, _, outcome) in outcomes.Where(o => o.NoticeId is not null))
            {
                if (_store.FindNotice(noticeId!) is not { } notice)
                {
                    continue;
                }

                EndAttempt(notice.Message, outcome, now);
                _store.UpdateNotice(notice);
                if (outcome.Fault is { } fault)
                {
                    LogSmsFault(0, fault.Fault, notice.Message.Attempts);
                }
                else
                {
                    LogNoticeSent(notice.Message.Kind, notice.OfficerId, notice.Message.Attempts);
                }
            }
        }

        Wrote();
        foreach (long caseId in touched)
        {
            Published(new ChangeNotice(ChangeKind.Case, caseId));
        }
    }

    /// <summary>5 s, 10 s, 20 s … up to five minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>An answer to an offer, under the write gate.</summary>
    private void Answer(CallOut co, SmsOffer offer, bool yes, DateTime now, HashSet<long> touched)
    {
        touched.Add(co.CaseId);
        AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsReply, offer.Name, offer.To, yes ? "yes" : "no", offer.Code);
        if (offer.Answer.Length > 0)
        {
            return; // answered before: the first answer stands
        }

        offer.Answer = yes ? "yes" : "no";
        offer.AnsweredUtc = now;
        if (!yes)
        {
            offer.IsClosed = true;
            _store.UpdateCallOut(co);
            LogReply(co.Id, false, "no");
            return;
        }

        if (offer.IsClosed || co.IsClosed)
        {
            offer.IsClosed = true;
            offer.Refusal = Messages.Get("CallOut_AlreadyFilled");
            co.Outbox.Add(Outgoing(offer.To, offer.Code, SmsKind.Late, SmsText.Late(offer.Code), now));
            AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsLate, offer.Name);
            _store.UpdateCallOut(co);
            LogReply(co.Id, true, "late");
            return;
        }

        offer.IsClosed = true;
        bool confirm = _store.LoadSmsSettings()?.ConfirmOnYes ?? false;
        try
        {
            // The deployment use case checks eligibility again now: rest, double booking, block, the window's need.
            CaseDetail detail = Assign(ActorOf(co.CreatedBy), new AssignRequest(co.CaseId, co.WindowIndex, offer.AssistantId, confirm ? DeploymentState.Confirmed : DeploymentState.Proposed, ""));
            offer.DeploymentId = detail.Deployments.Where(d => d.AssistantId == offer.AssistantId && d.FromUtc == co.FromUtc).MaxBy(d => d.Id)?.Id;
            AppendTimeline(co.CaseId, co.CreatedBy, c => c.SmsYesUtc = now, TimelineText.SmsYesTaken, offer.Name);
            LogReply(co.Id, true, "taken");
        }
        catch (JourException ex)
        {
            offer.Refusal = ex.Localized;
            co.Outbox.Add(Outgoing(offer.To, offer.Code, SmsKind.Ineligible, SmsText.Ineligible(offer.Code), now));
            AppendTimeline(co.CaseId, co.CreatedBy, TimelineText.SmsIneligible, offer.Name, ex.Code, string.Join("\u001f", ex.Args));
            _store.UpdateCallOut(co);
            LogReply(co.Id, true, "ineligible");
            return;
        }

        if (co.Offers.Count(o => o.DeploymentId is not null) >= co.Needed)
        {
            co.IsClosed = true;
            foreach (SmsOffer other in co.Offers.Where(o => !o.IsClosed))
            {
                other.IsClosed = true;
                co.Outbox.Add(Outgoing(other.To, other.Code, SmsKind.Filled, SmsText.Filled(other.Code), now));
            }
        }

        _store.UpdateCallOut(co);
    }

    private SessionInfo ActorOf(long userId) =>
        _store.FindUser(userId) is { } user ? new SessionInfo(user.Id, user.Name, user.Roles, _store.IsDemo) : new SessionInfo(userId, "?", Role.None, _store.IsDemo);

    /// <summary>A timeline entry of its own (a text out or in), under the write gate.</summary>
    private void AppendTimeline(long caseId, long userId, string code, params string[] args) => AppendTimeline(caseId, userId, null, code, args);

    /// <summary>A timeline entry with a change of the case in the same save (<paramref name="change"/>).</summary>
    private void AppendTimeline(long caseId, long userId, Action<Case>? change, string code, params string[] args)
    {
        Case c = FindCaseOrThrow(caseId);
        change?.Invoke(c);
        DateTime now = UtcNow;
        var entry = new CaseEvent { CaseId = c.Id, AtUtc = now, UserId = userId, Code = code, Args = [.. args] };
        int seen = c.Revision;
        c.Revision++;
        c.UpdatedUtc = now;
        c.UpdatedBy = userId;
        if (!_store.TrySaveCase(c, seen, entry))
        {
            throw ChangedByOther(c);
        }
    }

    private static SmsOutgoing Outgoing(string to, string code, SmsKind kind, string text, DateTime now) =>
        new() { Key = Guid.NewGuid().ToString("N"), To = to, Code = code, Kind = kind, Text = text, NextAttemptUtc = now };

    private static string NewCode(HashSet<string> taken)
    {
        while (true)
        {
            string code = new([.. Enumerable.Range(0, 4).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)])]);
            if (taken.Add(code))
            {
                return code;
            }
        }
    }

    private static SmsSettingsData ToData(SmsSettings s, string? check) =>
        new(s.Url, s.User, s.Password.Length > 0, s.From, s.PollSeconds, s.ConfirmOnYes, check, s.ShiftNoticeMinutes);

    private sealed record SendOutcome(string? ProviderId, SmsGatewayException? Fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS settings saved by user {UserId}")]
    private partial void LogSmsSettingsSaved(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call-out {CallOutId} of case {CaseId}: {Count} offers, by user {UserId}")]
    private partial void LogCallOutStarted(long callOutId, long caseId, int count, long userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call-out {CallOutId}: {Kind} text sent (attempt {Attempts})")]
    private partial void LogSmsSent(long callOutId, SmsKind kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway fault {Fault} (call-out {CallOutId}, attempt {Attempts}); queued for a retry")]
    private partial void LogSmsFault(long callOutId, SmsFault fault, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call-out {CallOutId}: {Kind} text {Delivery}")]
    private partial void LogSmsDelivery(long callOutId, SmsKind kind, string delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call-out {CallOutId}: reply yes={Yes}, {Outcome}")]
    private partial void LogReply(long callOutId, bool yes, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shift notice {Kind} sent to officer {OfficerId} (attempt {Attempts})")]
    private partial void LogNoticeSent(SmsKind kind, long officerId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsId} from a number no call-out asked; ignored")]
    private partial void LogReplyUnknown(string smsId);
}
