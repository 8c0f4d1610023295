using System.Diagnostics;
using System.Globalization;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Providers;
using Jour.Core.ShortTermCare;
using Jour.Core.UseCases;

namespace Jour.Cli;

/// <summary>
/// `jour load --seconds S`: one session doing what an on-call officer does, as fast as the server
/// answers — open a case, move it along the lifecycle (assessment, the three verification steps,
/// accept, send a standby assistant, hand back), write notes. Each acknowledged write is appended at
/// once to the --acked file as "kind case entry deployment ms label" so `jour load --verify` can count
/// it back after a crash. A session works only on the cases it opened, so its revisions stay its own.
/// </summary>
internal static class LoadMix
{
    public const string Open = "open", Transition = "transition", Verify = "verify", Assign = "assign", Note = "note", Candidates = "candidates";

    public static async Task<int> RunAsync(JourPaths paths, int seconds, string label, string? ackedFile, int seed, int pauseMs, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        var run = new MixRun(service, label, seed == 0 ? Environment.ProcessId : seed, ackedFile);
        try
        {
            await run.LoadRegistersAsync(cancellationToken);
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
            {
                await run.StepAsync(cancellationToken);
                if (pauseMs > 0)
                {
                    await Task.Delay(pauseMs, cancellationToken); // a steady pace (the soak) rather than flat out
                }
            }
        }
        finally
        {
            run.Dispose();
        }

        await output.WriteAsync(run.Summary());
        return run.Failures == 0 ? 0 : 1;
    }

    /// <summary>Reads every acknowledged write in the files back from the server; exit 1 when any is missing.</summary>
    public static async Task<int> VerifyAsync(JourPaths paths, IReadOnlyList<string> files, TextWriter output, CancellationToken cancellationToken)
    {
        var acks = new List<string[]>();
        foreach (string file in files)
        {
            foreach (string line in await File.ReadAllLinesAsync(file, cancellationToken))
            {
                string[] f = line.Split('\t');
                if (f.Length >= 6)
                {
                    acks.Add(f); // a line cut by kill -9 mid-write has fewer fields: it was never fully recorded
                }
            }
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        int missing = 0;
        foreach (IGrouping<long, string[]> byCase in acks.GroupBy(f => long.Parse(f[1], CultureInfo.InvariantCulture)))
        {
            CaseDetail? c = null;
            try
            {
                c = await service.SendAsync(new GetCase(byCase.Key), cancellationToken);
            }
            catch (JourException ex) when (ex.Code == ErrorCodes.CaseNotFound)
            {
            }

            var entries = c?.Timeline.Select(e => e.Id).ToHashSet() ?? [];
            var deployments = c?.Deployments.Select(d => d.Id).ToHashSet() ?? [];
            foreach (string[] f in byCase)
            {
                long entry = long.Parse(f[2], CultureInfo.InvariantCulture), deployment = long.Parse(f[3], CultureInfo.InvariantCulture);
                if (!entries.Contains(entry) || (deployment != 0 && !deployments.Contains(deployment)))
                {
                    missing++;
                    await output.WriteLineAsync("missing " + string.Join(' ', f));
                }
            }
        }

        await output.WriteLineAsync(FormattableString.Invariant($"verified {acks.Count} acknowledged writes in {acks.Select(f => f[1]).Distinct().Count()} cases: {missing} missing"));
        return missing == 0 ? 0 : 1;
    }

    /// <summary>What one session knows of the case it opened.</summary>
    private sealed class OwnCase(long id, int revision, CaseState state)
    {
        public long Id { get; } = id;

        public int Revision { get; set; } = revision;

        public CaseState State { get; set; } = state;

        public int Steps { get; set; }

        public bool Sent { get; set; }
    }

    private sealed class MixRun(SocketJourService service, string label, int seed, string? ackedFile) : IDisposable
    {
        private static readonly PriorityStep?[] s_steps = [null, PriorityStep.CrisisStaffingCentreContacted, PriorityStep.StandbyPool];
        private readonly Random _random = new(seed);
        private readonly List<OwnCase> _cases = [];
        private readonly Dictionary<string, List<double>> _latency = [];
        private readonly Dictionary<string, int> _refused = [];
        private readonly StreamWriter? _acked = ackedFile is null ? null : new StreamWriter(OpenToAppend(ackedFile)) { AutoFlush = true };
        private readonly Stopwatch _clock = new();
        private List<(long Client, long Provider)> _clients = [];
        private int _sequence;

        public int Failures { get; private set; }

        public async Task LoadRegistersAsync(CancellationToken ct)
        {
            var providers = (await service.SendAsync(new GetProviders(), ct)).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Id);
            long anyProvider = providers.Values.First();
            _clients = [.. (await service.SendAsync(new GetClients(), ct)).Select(c => (c.Id, providers.GetValueOrDefault(c.ProviderName, anyProvider)))];
        }

        public async Task StepAsync(CancellationToken ct)
        {
            _sequence++;
            OwnCase? target = null;
            try
            {
                var open = _cases.Where(c => c.State is not (CaseState.HandedBack or CaseState.Closed or CaseState.Declined or CaseState.Withdrawn)).ToList();
                if (open.Count < 3 || _random.Next(100) < 10)
                {
                    await OpenCaseAsync(ct);
                }
                else if (_random.Next(100) < 45)
                {
                    await NoteAsync(target = open[_random.Next(open.Count)], ct);
                }
                else
                {
                    await AdvanceAsync(target = open[_random.Next(open.Count)], ct);
                }
            }
            catch (Exception ex) when (ex is ServerStartException || (ex is JourException j && j.Code is ErrorCodes.ServerUnavailable or ErrorCodes.Unexpected or ErrorCodes.StorageUnreachable))
            {
                // The server (or its PostgreSQL, failing over) died or failed under us: not acknowledged. The next
                // call reconnects (starting a server); the case is read back, since the write may have been
                // committed before the answer was lost. While the database is away, a pause rather than a spin.
                Failures++;
                if (ex is JourException { Code: ErrorCodes.StorageUnreachable })
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                }

                await RefreshAsync(target, ct);
            }
            catch (JourException ex)
            {
                // A refusal by the rules (double booking, a guard, a stale revision): counted, and the case read again.
                _refused[ex.Code] = _refused.GetValueOrDefault(ex.Code) + 1;
                await RefreshAsync(target, ct);
            }
        }

        public string Summary()
        {
            var text = new System.Text.StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{"action",-11} {"count",7} {"p50_ms",8} {"p95_ms",8} {"p99_ms",8} {"max_ms",8}");
            foreach ((string kind, List<double> ms) in _latency.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                ms.Sort();
                text.AppendLine(CultureInfo.InvariantCulture, $"{kind,-11} {ms.Count,7} {P(ms, 0.50),8:0.00} {P(ms, 0.95),8:0.00} {P(ms, 0.99),8:0.00} {ms[^1],8:0.00}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"label {label}: cases {_cases.Count}, failed {Failures}, refused {_refused.Values.Sum()} ({string.Join(", ", _refused.Select(r => r.Key + "=" + r.Value))})");
            return text.ToString();
        }

        public void Dispose() => _acked?.Dispose();

        // Several load runs append to one file (bench/load.sh, FaultTests keep it in the data directory),
        // so it cannot be written as an --out is; it holds ids and timings only, owner-only all the same.
        private static FileStream OpenToAppend(string file)
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new FileStream(file, options);
        }

        private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

        private async Task OpenCaseAsync(CancellationToken ct)
        {
            (long client, long provider) = _clients[_random.Next(_clients.Count)];

            // A night some days ahead, so the sessions' windows seldom compete for the same assistants.
            DateTime from = DateTime.UtcNow.Date.AddDays(1 + _random.Next(60)).AddHours(18 + _random.Next(5));
            var request = new NewCaseRequest(
                client, provider, false, CaseReason.SicknessOrStaffShortage, "Belastning " + label, "070-123 45 67",
                [new NeedWindowData(from, from.AddHours(9), 1, [], 0)], Urgency.Normal, $"{label} {_sequence}");
            CaseDetail c = await Timed(Open, () => service.SendAsync(request, ct));
            _cases.Add(new OwnCase(c.Summary.Id, c.Summary.Revision, c.Summary.State));
            Acked(Open, c, 0);
        }

        private async Task NoteAsync(OwnCase c, CancellationToken ct)
        {
            TimelineEntry entry = await Timed(Note, () => service.SendAsync(new NoteRequest(c.Id, $"{label} {_sequence}"), ct));
            c.Revision++;
            Record(Note, c.Id, entry.Id, 0);
        }

        private async Task AdvanceAsync(OwnCase c, CancellationToken ct)
        {
            switch (c.State)
            {
                case CaseState.Received:
                    await FireAsync(c, _random.Next(100) < 5 ? CaseTrigger.Withdraw : CaseTrigger.StartAssessment, ct);
                    break;
                case CaseState.Assessing when c.Steps < s_steps.Length:
                    var step = new VerificationRequest(c.Id, s_steps[c.Steps], DateTime.UtcNow.AddMinutes(-1), "Kontrollerat", c.Revision);
                    Update(c, await Timed(Verify, () => service.SendAsync(step, ct)), Verify, 0);
                    c.Steps++;
                    break;
                case CaseState.Assessing:
                    await FireAsync(c, _random.Next(100) < 5 ? CaseTrigger.Decline : CaseTrigger.Accept, ct);
                    break;
                case CaseState.Staffing when !c.Sent:
                    await SendAssistantAsync(c, ct);
                    break;
                case CaseState.Staffing when _random.Next(100) < 30:
                    await PlaceAsync(c, ct);
                    break;
                default:
                    await FireAsync(c, CaseTrigger.HandBack, ct);
                    break;
            }
        }

        private async Task SendAssistantAsync(OwnCase c, CancellationToken ct)
        {
            CandidateList list = await Timed(Candidates, () => service.SendAsync(new CandidateRequest(c.Id, 0), ct));
            var eligible = list.Candidates.Where(x => x.IsEligible && !x.NeedsOverride).ToList();
            if (eligible.Count == 0)
            {
                c.Sent = true; // nobody free: the officer moves on (hand back or short-term placement next)
                return;
            }

            long assistant = eligible[_random.Next(eligible.Count)].AssistantId;
            CaseDetail detail = await Timed(Assign, () => service.SendAsync(new AssignRequest(c.Id, 0, assistant, DeploymentState.Confirmed, ""), ct));
            c.Sent = true;
            Update(c, detail, Assign, detail.Deployments.Where(d => d.AssistantId == assistant).Max(d => d.Id));
        }

        // Step 3 as an officer takes it: recorded, then a place on a unit with one free; with none free the case is handed back.
        private async Task PlaceAsync(OwnCase c, CancellationToken ct)
        {
            var step = new VerificationRequest(c.Id, PriorityStep.ShortTermPlacement, DateTime.UtcNow.AddMinutes(-1), "Resurssakkunnig tillfrågad", c.Revision);
            Update(c, await Timed(Verify, () => service.SendAsync(step, ct)), Verify, 0);
            ShortTermRegister places = await service.SendAsync(new GetShortTermUnits(null), ct);
            if (places.Units.FirstOrDefault(u => u.Free > 0) is not { } unit)
            {
                await FireAsync(c, CaseTrigger.HandBack, ct);
                return;
            }

            Update(c, await Timed(Transition, () => service.SendAsync(new PlaceInShortTermCare(c.Id, unit.Id, c.Revision, ""), ct)), Transition, 0);
        }

        private async Task FireAsync(OwnCase c, CaseTrigger trigger, CancellationToken ct)
        {
            string reason = Case.RequiresReason(trigger) ? "Belastningstest" : "";
            ClosingReason? closing = trigger == CaseTrigger.HandBack ? ClosingReason.ProviderResumed : null;
            Update(c, await Timed(Transition, () => service.SendAsync(new TransitionRequest(c.Id, trigger, reason, c.Revision, closing), ct)), Transition, 0);
        }

        private void Update(OwnCase c, CaseDetail detail, string kind, long deployment)
        {
            c.Revision = detail.Summary.Revision;
            c.State = detail.Summary.State;
            Acked(kind, detail, deployment);
        }

        private void Acked(string kind, CaseDetail detail, long deployment) =>
            Record(kind, detail.Summary.Id, detail.Timeline.Max(e => e.Id), deployment);

        private void Record(string kind, long caseId, long entryId, long deployment)
        {
            double ms = _clock.Elapsed.TotalMilliseconds;
            _acked?.WriteLine(FormattableString.Invariant($"{kind}\t{caseId}\t{entryId}\t{deployment}\t{ms:0.000}\t{label}"));
        }

        private async Task<T> Timed<T>(string kind, Func<Task<T>> call)
        {
            _clock.Restart();
            T result = await call();
            _clock.Stop();
            if (!_latency.TryGetValue(kind, out List<double>? ms))
            {
                _latency[kind] = ms = [];
            }

            ms.Add(_clock.Elapsed.TotalMilliseconds);
            return result;
        }

        private async Task RefreshAsync(OwnCase? c, CancellationToken ct)
        {
            if (c is null)
            {
                return; // a case opened by a write whose answer was lost is not known here, and not counted
            }

            try
            {
                CaseDetail d = await service.SendAsync(new GetCase(c.Id), ct);
                c.Revision = d.Summary.Revision;
                c.State = d.Summary.State;
                c.Steps = d.Verification.Count;
                c.Sent |= d.Deployments.Count > 0;
            }
            catch (Exception ex) when (ex is JourException or ServerStartException)
            {
                // Still down; a stale revision is refused on the next step and read again then.
            }
        }
    }
}
