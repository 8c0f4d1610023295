using System.Diagnostics.CodeAnalysis;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.Users;
using LiteDB;

namespace Jour.Storage;

/// <summary>
/// The one BsonMapper of the application. The DynamicDependency attributes keep every stored
/// type's constructors and properties through Native AOT trimming, which LiteDB reaches by reflection.
/// </summary>
public static class JourMapper
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Case))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(CaseEvent))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(VerificationStep))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(NeedWindow))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Client))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Provider))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(StandbyAssistant))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Rotation))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(OnCallOverride))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<long>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<int>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(User))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(SignInThrottle))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(MetaDocument))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(CounterDocument))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<VerificationStep>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<NeedWindow>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Draft))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(HandoverRecord))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Deployment))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(TimeReport))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Delegation))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(BlockEntry))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(AvailabilityPeriod))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<AvailabilityPeriod>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Delegation>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<BlockEntry>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<long>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Dictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Representative))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ContactPerson))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Representative>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<ContactPerson>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(FollowUpSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Contracts.Contract))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Contracts.ContractDeduction))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Contracts.ContractChange))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Contracts.PaidHours))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.Contracts.ContractDeduction>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.Contracts.ContractChange>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Journals.JournalEntry))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.AccessLog.AccessLogEntry))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Incidents.Incident))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Incidents.Complaint))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Incidents.IvoInvestigation))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Incidents.MasAssessment))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Incidents.RequiredMeasure))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.Incidents.MasAssessment>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.Incidents.RequiredMeasure>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.CallOut))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.SmsOffer))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.SmsOutgoing))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.SmsSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.SmsInboxEntry))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.CallOuts.SmsNotice))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.CallOuts.SmsOffer>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.CallOuts.SmsOutgoing>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(RegisterCheck))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<RegisterCheck>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(PoolSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.ShortTermCare.ShortTermUnit))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.ShortTermCare.ShortTermBooking))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Retention.RetentionSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Retention.Thinning))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<long>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Hygiene.HygieneCheck))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Hygiene.HygieneItemResult))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<Core.Hygiene.HygieneItemResult>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Core.Hygiene.HygieneFollowUp))]
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            EnumAsInteger = false,
            SerializeNullValues = false,
            EmptyStringToNull = false,
            TrimWhitespace = false,
        };

        mapper.Entity<Case>()
            .Id(c => c.Id)
            .Ignore(c => c.IsOpen)
            .Ignore(c => c.IsVerified)
            .Ignore(c => c.ReopenPeriod)
            .Ignore(c => c.UnsignedTimeReports);
        mapper.Entity<NeedWindow>().Ignore(w => w.IsCovered);
        mapper.Entity<CaseEvent>().Id(e => e.Id);
        mapper.Entity<Client>().Id(c => c.Id);
        mapper.Entity<Representative>().Ignore(r => r.MaySign);
        mapper.Entity<Provider>().Id(p => p.Id);
        mapper.Entity<StandbyAssistant>().Id(s => s.Id);
        mapper.Entity<Rotation>().Id(r => r.Id);
        mapper.Entity<OnCallOverride>().Id(o => o.Id);
        mapper.Entity<User>().Id(u => u.Id);
        mapper.Entity<SignInThrottle>().Id(t => t.Id, autoId: false);
        mapper.Entity<Draft>().Id(d => d.Id, autoId: false);
        mapper.Entity<HandoverRecord>().Id(h => h.Id);
        mapper.Entity<Deployment>()
            .Id(d => d.Id)
            .Ignore(d => d.IsActive)
            .Ignore(d => d.Covers)
            .Ignore(d => d.OwesTimeReport);
        mapper.Entity<FollowUpSettings>().Id(s => s.Id, autoId: false);
        mapper.Entity<Core.Contracts.Contract>().Id(c => c.Id).Ignore(c => c.FromDate).Ignore(c => c.ToDate);
        mapper.Entity<Core.Contracts.PaidHours>().Id(p => p.Id, autoId: false);
        mapper.Entity<Core.Journals.JournalEntry>().Id(e => e.Id);
        mapper.Entity<Core.AccessLog.AccessLogEntry>().Id(e => e.Id).Ignore(e => e.IsEmergency);
        mapper.Entity<Core.Incidents.Incident>().Id(i => i.Id).Ignore(i => i.CurrentAssessment);
        mapper.Entity<Core.Incidents.RequiredMeasure>().Ignore(m => m.IsDone);
        mapper.Entity<Core.Incidents.IvoInvestigation>().Id(i => i.Id);
        mapper.Entity<Core.Incidents.Complaint>().Id(c => c.Id);
        mapper.Entity<Core.CallOuts.CallOut>().Id(c => c.Id);
        mapper.Entity<Core.CallOuts.SmsSettings>().Id(s => s.Id, autoId: false).Ignore(s => s.IsConfigured).Ignore(s => s.Account);
        mapper.Entity<Core.CallOuts.SmsInboxEntry>().Id(e => e.Id, autoId: false);
        mapper.Entity<PoolSettings>().Id(s => s.Id, autoId: false);
        mapper.Entity<Core.ShortTermCare.ShortTermUnit>().Id(u => u.Id);
        mapper.Entity<Core.ShortTermCare.ShortTermBooking>().Id(b => b.Id);
        mapper.Entity<Core.Hygiene.HygieneCheck>().Id(c => c.Id);
        mapper.Entity<Core.CallOuts.SmsNotice>().Id(n => n.Id, autoId: false);
        mapper.Entity<Core.Retention.RetentionSettings>().Id(s => s.Id, autoId: false);
        mapper.Entity<Core.Retention.Thinning>().Id(t => t.Id);
        mapper.Entity<TimeReport>().Ignore(r => r.IsSigned).Ignore(r => r.Worked);
        return mapper;
    }
}
