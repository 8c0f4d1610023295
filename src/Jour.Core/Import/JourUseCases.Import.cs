using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Import;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>Register imports: a file is validated against the register and added in one transaction, or not at all.</summary>
public sealed partial class JourUseCases
{

    public ImportResult ImportClients(SessionInfo actor, ImportRequest request) =>
        Import(
            actor,
            request,
            "clients",
            () => ClientImport.Validate(request, SwedishTime.ToLocal(UtcNow).Date.ToDateOnly(), _store.LoadProviders(), _store.LoadClients()),
            _store.AddClients,
            new ChangeNotice(ChangeKind.Client, 0));

    // Provider names appear on the board and in the client register alike.
    public ImportResult ImportProviders(SessionInfo actor, ImportRequest request) =>
        Import(actor, request, "providers", () => ProviderImport.Validate(request, _store.LoadProviders()), _store.AddProviders, new ChangeNotice(ChangeKind.Everything, 0));

    public ImportResult ImportStaff(SessionInfo actor, ImportRequest request) =>
        Import(actor, request, "staff", () => StaffImport.Validate(request, SwedishTime.ToLocal(UtcNow).Date.ToDateOnly(), _store.LoadStaff()), _store.AddStaffMembers, new ChangeNotice(ChangeKind.Staff, 0));

    // Payroll's monthly file: stored per assistant and month, read by the statistics' utilisation (F6, jour stats).
    public ImportResult ImportPaidHours(SessionInfo actor, ImportRequest request) =>
        Import(
            actor,
            request,
            "paid-hours",
            () => PaidHoursImport.Validate(request, SwedishTime.ToLocal(UtcNow).Date.ToDateOnly(), _store.LoadStaff(), actor.UserId, UtcNow),
            _store.SavePaidHours,
            new ChangeNotice(ChangeKind.Settings, 0));

    /// <summary>
    /// Validates against the register and adds every row in one transaction, or nothing. Under the
    /// write gate, so no other session can register the same person between check and add.
    /// </summary>
    private ImportResult Import<T>(SessionInfo actor, ImportRequest request, string kind, Func<ImportValidation<T>> validate, Action<IReadOnlyList<T>> add, ChangeNotice notice)
    {
        ImportValidation<T> validation;
        lock (_gate.Lock)
        {
            validation = validate();
            if (validation.Issues.Count > 0 || request.DryRun)
            {
                LogImportChecked(kind, validation.Rows, validation.Issues.Count, actor.UserId);
                return Result(validation, imported: 0);
            }

            add(validation.Valid);
        }

        LogImported(kind, validation.Valid.Count, actor.UserId);
        Published(notice);
        return Result(validation, validation.Valid.Count);
    }

    private static ImportResult Result<T>(ImportValidation<T> validation, int imported) =>
        new(validation.Rows, validation.Valid.Count, imported, validation.Issues);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {Kind}: {Count} added by user {UserId}")]
    private partial void LogImported(string kind, int count, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {Kind} checked, nothing added: {Rows} rows, {Issues} issues, user {UserId}")]
    private partial void LogImportChecked(string kind, int rows, int issues, long userId);
}
