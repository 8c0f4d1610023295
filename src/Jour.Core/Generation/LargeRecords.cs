using Jour.Core.AccessLog;
using Jour.Core.Clients;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Users;

namespace Jour.Core.Generation;

/// <summary>What the record half of a generation wrote.</summary>
public sealed record LargeRecordsSummary(long SolEntries, long LssEntries, long AccessLogEntries, int Incidents, int Complaints);

/// <summary>One generated case as the records need it: whose, and when it ran.</summary>
public readonly record struct CaseSpan(long CaseId, long ClientId, DateTime ReceivedUtc, DateTime? EndedUtc);

/// <summary>
/// The records of a generated database (issue 20): journals of both series, a few notes per client per year, the
/// access log's reads of them, incidents and complaints, over the generation's years, so that retention,
/// statistics and load can be measured on believable data. A SoL file runs for a stretch of the years and then
/// falls silent (as when social services' contact ends), so an eight-year database has files of every age. Drawn
/// from a sequence of its own, so the cases are the same with or without them.
/// </summary>
public static class LargeRecords
{
    private static readonly string[] s_solNotes =
    [
        "Samtal med brukaren om boendesituationen; önskar kontakt med biståndshandläggaren.",
        "Brukaren berättar om oro inför helgen. Informerad om att jouren går att nå dygnet runt.",
        "Kontakt med dottern, som oroar sig för brukarens ensamhet efter makens bortgång.",
        "Hembesök tillsammans med hemtjänsten. Brukaren mår efter omständigheterna bra.",
        "Brukaren har fått avslag på ansökan om ledsagarservice och informerats om rätten att överklaga.",
        "Samordnat med biståndshandläggaren om matdistribution medan assistenten är borta.",
        "Brukaren ringde sent på kvällen, orolig för ekonomin. Hänvisad till budget- och skuldrådgivningen.",
        "Anhörig meddelar att brukaren flyttar till dottern under två veckor.",
    ];

    private static readonly string[] s_lssNotes =
    [
        "Assistansen täckt av beredskapspersonal under kvällen; brukaren nöjd med insatsen.",
        "Anordnaren meddelar att ordinarie assistent är sjuk resten av veckan.",
        "Genomgång av rutinen för sondmatning med beredskapsassistenten, delegeringen kontrollerad.",
        "Gode mannen informerad om att ärendet lämnas tillbaka till anordnaren på måndag.",
        "Uppföljning efter punktinsatsen: inga avvikelser, tidrapporten signerad av brukaren.",
        "Brukaren önskar samma assistent som förra gången om det går.",
        "Förflyttning med lift fungerade med två assistenter; en klarar det inte ensam.",
        "Brukaren hade ont på natten, kontakt med sjukvårdsrådgivningen 1177.",
    ];

    private static readonly string[] s_incidents =
    [
        "Assistenten kom 40 minuter för sent till passet.",
        "Läkemedel gavs en timme för sent efter missförstånd vid överlämningen.",
        "Brukaren föll vid förflyttning; inga synliga skador, anhörig underrättad.",
        "Nyckeln till brukarens bostad saknades vid passets början.",
        "Sondmatningen avbröts när pumpen larmade; ny pump hämtades.",
    ];

    private static readonly string[] s_complaints =
    [
        "Missnöje med att olika assistenter kom varje dag.",
        "Anhörig anser att jouren svarade för sent en natt.",
        "Synpunkt: bra bemötande av beredskapsassistenten.",
        "Klagomål på att tidrapporten inte stämde med det arbetade passet.",
    ];

    /// <summary>Writes the records for <paramref name="clients"/> and their <paramref name="cases"/> in [<paramref name="fromUtc"/>, <paramref name="now"/>).</summary>
    public static LargeRecordsSummary Generate(IBulkStore bulk, int seed, DateTime fromUtc, DateTime now, IReadOnlyList<Client> clients, IReadOnlyList<User> officers, IReadOnlyList<CaseSpan> cases, int batchSize)
    {
        var random = new Random(seed ^ 0x2020);
        var byClient = cases.GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.ToList());
        long sol = 0, lss = 0, reads = 0;
        var entries = new List<JournalEntry>(batchSize);
        var log = new List<AccessLogEntry>(batchSize);

        void Flush(bool all)
        {
            if (entries.Count >= batchSize || (all && entries.Count > 0))
            {
                bulk.AddJournalEntries(entries);
                entries.Clear();
            }

            if (log.Count >= batchSize || (all && log.Count > 0))
            {
                bulk.AddAccessLogEntries(log);
                log.Clear();
            }
        }

        foreach (Client client in clients)
        {
            List<CaseSpan> own = byClient.GetValueOrDefault(client.Id) ?? [];

            // Three clients in ten also have social services' support under SoL, for a stretch of the years.
            if (random.Next(10) < 3)
            {
                (DateTime start, DateTime end) = Stretch(random, fromUtc, now);
                sol += Notes(random, client.Id, JournalSeries.Sol, start, end, now, officers, entries, log, s_solNotes, own, ref reads);
            }

            // The LSS file follows the client's cases: notes while they ran.
            if (own.Count > 0)
            {
                DateTime start = own.Min(c => c.ReceivedUtc);
                DateTime end = own.Max(c => c.EndedUtc ?? now);
                lss += Notes(random, client.Id, JournalSeries.Lss, start, end, now, officers, entries, log, s_lssNotes, own, ref reads);
            }

            Flush(all: false);
        }

        Flush(all: true);
        var incidents = new List<Incident>();
        var complaints = new List<Complaint>();
        foreach (CaseSpan c in cases)
        {
            int roll = random.Next(100);
            if (roll < 3)
            {
                incidents.Add(NewIncident(random, c, now, officers));
            }
            else if (roll < 4)
            {
                complaints.Add(NewComplaint(random, c, now, officers));
            }
        }

        bulk.AddIncidents(incidents);
        bulk.AddComplaints(complaints);
        return new LargeRecordsSummary(sol, lss, reads, incidents.Count, complaints.Count);
    }

    /// <summary>A part of the years: anywhere in them, from a few months to all of them.</summary>
    private static (DateTime Start, DateTime End) Stretch(Random random, DateTime fromUtc, DateTime now)
    {
        double span = (now - fromUtc).TotalDays;
        double a = random.NextDouble() * span;
        double b = a + Math.Max(60, random.NextDouble() * (span - a));
        return (fromUtc.AddDays(a), fromUtc.AddDays(Math.Min(b, span)));
    }

    private static int Notes(
        Random random,
        long clientId,
        JournalSeries series,
        DateTime start,
        DateTime end,
        DateTime now,
        IReadOnlyList<User> officers,
        List<JournalEntry> entries,
        List<AccessLogEntry> log,
        string[] texts,
        List<CaseSpan> cases,
        ref long reads)
    {
        // A few a year: one to four, at least one in all.
        double years = Math.Max((end - start).TotalDays / 365.25, 0.1);
        int count = Math.Max(1, (int)Math.Round(years * (1 + random.Next(4))));
        double span = Math.Max((end - start).TotalMinutes, 1);
        for (int i = 0; i < count; i++)
        {
            DateTime at = start.AddMinutes(random.NextDouble() * span);
            at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            long author = officers[random.Next(officers.Count)].Id;
            string text = texts[random.Next(texts.Length)];
            if (random.Next(3) == 0)
            {
                text += " " + texts[random.Next(texts.Length)];
            }

            entries.Add(new JournalEntry { ClientId = clientId, Series = series, AtUtc = at, AuthorId = author, Text = text });

            // Most notes are read again within a month, by the officer on the case or, now and then, in an emergency.
            if (random.Next(3) > 0)
            {
                DateTime read = at.AddMinutes(random.Next(30 * 24 * 60));
                if (read < now)
                {
                    bool emergency = random.Next(30) == 0;
                    CaseSpan? onCase = cases.Count > 0 ? cases[random.Next(cases.Count)] : null;
                    log.Add(new AccessLogEntry
                    {
                        AtUtc = read,
                        UserId = officers[random.Next(officers.Count)].Id,
                        ClientId = clientId,
                        What = series == JournalSeries.Sol ? AccessedData.JournalSol : AccessedData.JournalLss,
                        Basis = emergency ? AccessBasis.Emergency : AccessBasis.OnCase,
                        CaseId = emergency ? null : onCase?.CaseId,
                        Reason = emergency ? "Brukaren ringde, ingen på ärendet svarade" : "",
                    });
                    reads++;
                }
            }
        }

        return count;
    }

    private static Incident NewIncident(Random random, CaseSpan c, DateTime now, IReadOnlyList<User> officers)
    {
        var kind = (IncidentKind)random.Next(4);
        DateTime occurred = c.ReceivedUtc.AddHours(random.Next(1, 72));
        occurred = occurred < now ? occurred : c.ReceivedUtc;
        DateTime reported = Earlier(occurred.AddHours(random.Next(1, 24)), now);
        long by = officers[random.Next(officers.Count)].Id;
        var incident = new Incident
        {
            Kind = kind,
            OccurredUtc = occurred,
            ReportedUtc = reported,
            ReportedBy = by,
            ClientId = c.ClientId,
            CaseId = c.CaseId,
            Description = s_incidents[random.Next(s_incidents.Length)],
            Actions = "Samtal med assistenten; rutinen gås igenom på nästa arbetsplatsträff.",
            Status = c.EndedUtc is null ? RecordStatus.Open : RecordStatus.Closed,
        };
        switch (Incident.ReportTo(kind))
        {
            case IncidentRecipient.MedicalResponsible:
                incident.MasNotifiedUtc = reported;
                incident.MasNotifiedBy = by;
                break;
            case IncidentRecipient.ResponsibleManager:
                incident.ManagerNotifiedUtc = reported;
                incident.ManagerNotifiedBy = by;
                break;
        }

        return incident;
    }

    private static Complaint NewComplaint(Random random, CaseSpan c, DateTime now, IReadOnlyList<User> officers)
    {
        DateTime received = Earlier(c.ReceivedUtc.AddDays(random.Next(1, 20)), now);
        bool answered = c.EndedUtc is not null;
        return new Complaint
        {
            Kind = random.Next(3) == 0 ? ComplaintKind.Feedback : ComplaintKind.Complaint,
            ReceivedUtc = received,
            RegisteredBy = officers[random.Next(officers.Count)].Id,
            From = "Anhörig",
            About = s_complaints[random.Next(s_complaints.Length)],
            ClientId = c.ClientId,
            CaseId = c.CaseId,
            Answer = answered ? "Vi har gått igenom händelsen och återkommit till er per telefon." : "",
            AnsweredUtc = answered ? Earlier(received.AddDays(random.Next(1, 14)), now) : null,
            Status = answered ? RecordStatus.Answered : RecordStatus.Open,
        };
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
