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

namespace Jour.Core.UseCases;

/// <summary>All the ports one database offers, plus what concerns the database as a whole.</summary>
public interface IJourStore : ICaseStore, IClientStore, IProviderStore, IStaffStore, IRosterStore, IUserStore, IDraftStore, IDeploymentStore, IHandoverStore, Journals.IJournalStore, AccessLog.IAccessLogStore, Incidents.IIncidentStore, IFollowUpStore, Contracts.IContractStore, CallOuts.ICallOutStore, ShortTermCare.IShortTermCareStore, Retention.IRetentionStore, Hygiene.IHygieneStore
{
    /// <summary>Whether this database holds demo data (shown as DEMO on every screen).</summary>
    bool IsDemo { get; }

    /// <summary>
    /// True when the disk holding the database has less free space than the warning level: sessions say so
    /// before writes must be refused for want of room.
    /// </summary>
    bool DiskIsLow { get; }

    /// <summary>Empties every collection and marks the database demo or not.</summary>
    void Reset(bool isDemo);

    /// <summary>
    /// Moves committed changes from the write-ahead log into the data file. Commits never do this
    /// themselves, so no acknowledgement waits on it; the server calls it when writes pause.
    /// </summary>
    void Checkpoint();
}
