using System.Text.RegularExpressions;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Drafts;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Intake: opening a case, recording the verification, and the drafts that keep a half-filled form.
public sealed partial class JourUseCases
{
    /// <summary>The form a new case is typed into; its draft survives a crash or the idle lock.</summary>
    public const string NewCaseForm = "new-case";

    /// <summary>Opens a case in Mottaget from the intake form, every field checked, and discards the form's draft.</summary>
    public CaseDetail CreateCase(SessionInfo actor, NewCaseRequest request)
    {
        InputLimits.Check(request);
        ValidateNewCase(request);
        DateTime now = UtcNow;
        Case created;
        lock (_gate.Lock)
        {
            if (_store.FindClient(request.ClientId) is null)
            {
                throw new JourException(ErrorCodes.ClientNotFound, request.ClientId.ToString(SwedishCulture.Instance));
            }

            if (!request.IsSelfEmployer && (request.ProviderId is not { } providerId || _store.FindProvider(providerId) is null))
            {
                throw new JourException(ErrorCodes.ProviderOrSelfEmployer);
            }

            var c = new Case
            {
                ClientId = request.ClientId,
                ProviderId = request.IsSelfEmployer ? null : request.ProviderId,
                Reason = request.Reason,
                Urgency = request.Urgency,
                CallerName = request.CallerName.Trim(),
                CallerPhone = request.CallerPhone.Trim(),
                Description = request.Description.Trim(),
                ReceivedUtc = now,
                UpdatedUtc = now,
                UpdatedBy = actor.UserId,
                Needs =
                [
                    .. request.Needs.Select(n => new NeedWindow
                    {
                        FromUtc = n.FromUtc,
                        ToUtc = n.ToUtc,
                        Assistants = n.Assistants,
                        Competences = [.. n.Competences.Select(s => s.Trim()).Where(s => s.Length > 0)],
                    }),
                ],
            };
            var entry = new CaseEvent
            {
                AtUtc = now,
                UserId = actor.UserId,
                To = CaseState.Received,
                Code = TimelineText.CaseOpened,
                Args = [request.Reason.ToString()],
            };
            created = _store.AddCase(c, entry);
            _store.DeleteDraft(Draft.IdFor(actor.UserId, NewCaseForm));
        }

        LogCaseCreated(created.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Case, created.Id));
        return Detail(created);
    }

    /// <summary>Records a verification step against the revision the officer saw.</summary>
    public CaseDetail RecordVerification(SessionInfo actor, VerificationRequest request)
    {
        InputLimits.Check(request);
        return ChangeCase(request.CaseId, request.ExpectedRevision, c => c.RecordVerification(request.Step, request.AtUtc, request.Outcome, UtcNow, actor.UserId));
    }

    /// <summary>The signed-in user's draft of <paramref name="form"/>, if any.</summary>
    public DraftData? GetDraft(SessionInfo actor, string form) =>
        _store.FindDraft(Draft.IdFor(actor.UserId, form)) is { } d ? new DraftData(d.Form, d.Fields, d.SavedUtc) : null;

    /// <summary>Keeps the form as typed. No change notice: a draft is nobody else's business.</summary>
    public void SaveDraft(SessionInfo actor, DraftData draft)
    {
        InputLimits.Check(draft);
        lock (_gate.Lock)
        {
            _store.SaveDraft(new Draft
            {
                Id = Draft.IdFor(actor.UserId, draft.Form),
                UserId = actor.UserId,
                Form = draft.Form,
                Fields = new Dictionary<string, string>(draft.Fields),
                SavedUtc = UtcNow,
            });
        }
    }

    public void DiscardDraft(SessionInfo actor, string form)
    {
        lock (_gate.Lock)
        {
            _store.DeleteDraft(Draft.IdFor(actor.UserId, form));
        }
    }

    /// <summary>"070-123 45 67", "+46 70 123 45 67": 7 to 15 digits with spaces, dashes and a leading plus.</summary>
    public static bool IsPhoneNumber(string text)
    {
        string t = text.Trim();
        return PhonePattern().IsMatch(t) && t.Count(char.IsAsciiDigit) is >= 7 and <= 15;
    }

    private static void ValidateNewCase(NewCaseRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CallerName) || string.IsNullOrWhiteSpace(request.CallerPhone))
        {
            throw new JourException(ErrorCodes.CallerRequired);
        }

        if (!IsPhoneNumber(request.CallerPhone))
        {
            throw new JourException(ErrorCodes.PhoneInvalid);
        }

        if (request.Needs.Count == 0)
        {
            throw new JourException(ErrorCodes.NeedRequired);
        }

        foreach (NeedWindowData window in request.Needs)
        {
            if (window.ToUtc <= window.FromUtc || window.ToUtc - window.FromUtc > TimeSpan.FromDays(7))
            {
                throw new JourException(ErrorCodes.NeedWindowInvalid);
            }

            if (window.Assistants is < 1 or > 10)
            {
                throw new JourException(ErrorCodes.AssistantsInvalid);
            }
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} opened by user {UserId}")]
    private partial void LogCaseCreated(long caseId, long userId);
}
