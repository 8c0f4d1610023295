using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Import;
using Jour.Core.Providers;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.Sessions;

/// <summary>Register imports: a file is validated against the register and added in one transaction, or not at all.</summary>
public sealed partial class JourUseCases
{
    private const Role ImportRoles = Role.Admin | Role.Coordinator;

    public ImportResult ImportClients(SessionInfo actor, ImportRequest request)
    {
        RequireImportRole(actor);
        ImportValidation<Client> validation;
        lock (_writeGate)
        {
            // Under the gate, so no other session can register the same personnummer between check and add.
            DateOnly today = SwedishTime.ToLocal(UtcNow).Date.ToDateOnly();
            validation = ClientImport.Validate(request, today, _store.LoadProviders(), _store.LoadClients());
            if (validation.Issues.Count > 0 || request.DryRun)
            {
                LogImportChecked("clients", validation.Rows, validation.Issues.Count, actor.UserId);
                return Result(validation, imported: 0);
            }

            _store.AddClients(validation.Valid);
        }

        LogImported("clients", validation.Valid.Count, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Client, 0));
        return Result(validation, validation.Valid.Count);
    }

    public ImportResult ImportProviders(SessionInfo actor, ImportRequest request)
    {
        RequireImportRole(actor);
        ImportValidation<Provider> validation;
        lock (_writeGate)
        {
            validation = ProviderImport.Validate(request, _store.LoadProviders());
            if (validation.Issues.Count > 0 || request.DryRun)
            {
                LogImportChecked("providers", validation.Rows, validation.Issues.Count, actor.UserId);
                return Result(validation, imported: 0);
            }

            _store.AddProviders(validation.Valid);
        }

        LogImported("providers", validation.Valid.Count, actor.UserId);

        // Provider names appear on the board and in the client register alike.
        Published(new ChangeNotice(ChangeKind.Everything, 0));
        return Result(validation, validation.Valid.Count);
    }

    public ImportResult ImportStaff(SessionInfo actor, ImportRequest request)
    {
        RequireImportRole(actor);
        ImportValidation<StandbyAssistant> validation;
        lock (_writeGate)
        {
            validation = StaffImport.Validate(request, _store.LoadStaff());
            if (validation.Issues.Count > 0 || request.DryRun)
            {
                LogImportChecked("staff", validation.Rows, validation.Issues.Count, actor.UserId);
                return Result(validation, imported: 0);
            }

            _store.AddStaffMembers(validation.Valid);
        }

        LogImported("staff", validation.Valid.Count, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, 0));
        return Result(validation, validation.Valid.Count);
    }

    private static void RequireImportRole(SessionInfo actor)
    {
        if ((actor.Roles & ImportRoles) == 0)
        {
            throw new JourException(ErrorCodes.ImportNotPermitted);
        }
    }

    private static ImportResult Result<T>(ImportValidation<T> validation, int imported) =>
        new(validation.Rows, validation.Valid.Count, imported, validation.Issues);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {Kind}: {Count} added by user {UserId}")]
    private partial void LogImported(string kind, int count, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {Kind} checked, nothing added: {Rows} rows, {Issues} issues, user {UserId}")]
    private partial void LogImportChecked(string kind, int rows, int issues, long userId);
}
