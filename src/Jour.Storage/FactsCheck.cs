using System.Text;
using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using LiteDB;

namespace Jour.Storage;

/// <summary>
/// The part of <c>jour check</c> that tells whether the follow-up fact blocks still say what the cases
/// and deployments say. It rides on the check's single pass over the documents (cases come before
/// deployments in it), keeping a 64-bit digest per expected fact rather than the facts themselves.
/// </summary>
#pragma warning disable CA1001 // The MemoryStream is reused as a byte buffer; it holds nothing to release.
internal sealed class FactsCheck
#pragma warning restore CA1001
{
    private readonly Dictionary<long, (string Number, long ClientId, long? ProviderId)> _cases = [];
    private readonly Dictionary<(char Kind, long Id), ulong> _expected = [];
    private readonly MemoryStream _buffer = new();

    public void Case(BsonDocument d)
    {
        var c = new Case
        {
            Id = d["_id"].AsInt64,
            Number = d[nameof(Core.Cases.Case.Number)].AsString ?? "",
            ClientId = d[nameof(Core.Cases.Case.ClientId)].AsInt64,
            ProviderId = d[nameof(Core.Cases.Case.ProviderId)] is { IsNumber: true } provider ? provider.AsInt64 : null,
            ReceivedUtc = Date(d[nameof(Core.Cases.Case.ReceivedUtc)]) ?? default,
            UpdatedUtc = Date(d[nameof(Core.Cases.Case.UpdatedUtc)]) ?? default,
            HandedBackUtc = Date(d[nameof(Core.Cases.Case.HandedBackUtc)]),
            EndedUtc = Date(d[nameof(Core.Cases.Case.EndedUtc)]),
            State = Enum.Parse<CaseState>(d[nameof(Core.Cases.Case.State)].AsString),
            Reason = Enum.Parse<CaseReason>(d[nameof(Core.Cases.Case.Reason)].AsString),
            ClosingReason = d[nameof(Core.Cases.Case.ClosingReason)] is { IsString: true } why ? Enum.Parse<ClosingReason>(why.AsString) : null,
        };
        _cases[c.Id] = (c.Number, c.ClientId, c.ProviderId);
        CaseFact fact = CaseFact.Of(c);
        _expected[('c', c.Id)] = Digest(FactBlocks.CaseKey(fact.EndUtc), CaseFactCodec.Instance, fact);
    }

    public void Deployment(BsonDocument d)
    {
        if (d[nameof(Core.Deployments.Deployment.Report)] is not { IsDocument: true } r)
        {
            return;
        }

        var deployment = new Deployment
        {
            Id = d["_id"].AsInt64,
            CaseId = d[nameof(Core.Deployments.Deployment.CaseId)].AsInt64,
            AssistantId = d[nameof(Core.Deployments.Deployment.AssistantId)].AsInt64,
            Report = new TimeReport
            {
                StartUtc = Date(r[nameof(TimeReport.StartUtc)]) ?? default,
                EndUtc = Date(r[nameof(TimeReport.EndUtc)]) ?? default,
                BreakMinutes = r[nameof(TimeReport.BreakMinutes)].AsInt32,
                AssistantSignedUtc = Date(r[nameof(TimeReport.AssistantSignedUtc)]),
                ClientSignedUtc = Date(r[nameof(TimeReport.ClientSignedUtc)]),
                AssistantSignedName = r[nameof(TimeReport.AssistantSignedName)].AsString ?? "",
                AssistantPersonalNumber = r[nameof(TimeReport.AssistantPersonalNumber)].AsString ?? "",
                ClientSignedName = r[nameof(TimeReport.ClientSignedName)].AsString ?? "",
            },
        };
        if (!_cases.TryGetValue(deployment.CaseId, out var c))
        {
            return; // a dangling deployment is reported by the reference check
        }

        DateTime start = deployment.Report.StartUtc;
        _expected[('r', deployment.Id)] = Digest(FactBlocks.ReportKey(start), ReportFactCodec.Instance, ReportFact.Of(deployment)!.Value);
        var line = TimeReportLine.Of(deployment, new Case { Id = deployment.CaseId, Number = c.Number, ClientId = c.ClientId, ProviderId = c.ProviderId })!;
        _expected[('i', deployment.Id)] = Digest(FactBlocks.LineKey(start), TimeReportLineCodec.Instance, line);
    }

    /// <summary>Reads every block and names the facts that are missing, differ, or have nothing behind them.</summary>
    public FactsComparison Compare(LiteDatabase db)
    {
        var blocks = new FactBlocks(db);
        var left = new Dictionary<(char, long), ulong>(_expected);
        var different = new List<string>();
        var extra = new List<string>();
        int stored = 0;
        Stored('c', CaseFactCodec.Instance);
        Stored('r', ReportFactCodec.Instance);
        Stored('i', TimeReportLineCodec.Instance);
        return new FactsComparison(stored, _expected.Count, [.. left.Keys.Select(k => $"{k.Item1} {k.Item2}")], different, extra);

        void Stored<T>(char kind, IFactCodec<T> codec)
        {
            foreach (var (key, entries) in blocks.ReadAll(codec, kind))
            {
                foreach (T entry in entries)
                {
                    stored++;
                    if (!left.Remove((kind, codec.Id(entry)), out ulong want))
                    {
                        extra.Add($"{key} {codec.Id(entry)}");
                    }
                    else if (want != Digest(key, codec, entry))
                    {
                        different.Add($"{key} {codec.Id(entry)}");
                    }
                }
            }
        }
    }

    private static DateTime? Date(BsonValue value) => value.IsDateTime ? DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc) : null;

    // FNV-1a over the block key and the entry as the codec writes it.
    private ulong Digest<T>(string key, IFactCodec<T> codec, T entry)
    {
        _buffer.SetLength(0);
        using (var writer = new BinaryWriter(_buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(key);
            codec.Write(writer, entry);
        }

        ulong hash = 14695981039346656037UL;
        foreach (byte b in _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>What <see cref="FactsCheck.Compare"/> found: counts, and each disagreeing fact as "block-or-kind id".</summary>
public sealed record FactsComparison(int Stored, int Expected, IReadOnlyList<string> Missing, IReadOnlyList<string> Different, IReadOnlyList<string> Extra)
{
    public IReadOnlyList<string> Differences => [.. Missing, .. Different, .. Extra];
}
