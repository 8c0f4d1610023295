using System.Text.Json.Serialization;
using Jour.Core.Cases;
using Jour.Core.UseCases;

namespace Jour.Core.Deployments;

/// <summary>The use cases of deploying standby assistants: candidates, sending, the deployment's lifecycle, time reports.</summary>
public static class DeploymentRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("candidates", DeploymentJson.Default, Access.SignedIn, (CandidateRequest r, RequestContext c) => c.UseCases.GetCandidates(r)),
        UseCase.Of("assign", DeploymentJson.Default, Access.SignedIn, (AssignRequest r, RequestContext c) => c.UseCases.Assign(c.Actor, r)),
        UseCase.Of("deployment-state", DeploymentJson.Default, Access.SignedIn, (DeploymentStateRequest r, RequestContext c) => c.UseCases.SetDeploymentState(c.Actor, r)),
        UseCase.Of("report-time", DeploymentJson.Default, Access.SignedIn, (TimeReportRequest r, RequestContext c) => c.UseCases.ReportTime(c.Actor, r)),
        UseCase.Of("sign", DeploymentJson.Default, Access.SignedIn, (SignRequest r, RequestContext c) => c.UseCases.Sign(c.Actor, r)),

        // An assistant's confirmed deployments for their calendar (case number and area only).
        UseCase.Of("assistant-deployments", DeploymentJson.Default, Access.SignedIn, (GetAssistantDeployments r, RequestContext c) => c.UseCases.GetAssistantDeployments(r), Handling.SideBySide),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CandidateRequest))]
[JsonSerializable(typeof(CandidateList))]
[JsonSerializable(typeof(AssignRequest))]
[JsonSerializable(typeof(CaseDetail))]
[JsonSerializable(typeof(DeploymentStateRequest))]
[JsonSerializable(typeof(TimeReportRequest))]
[JsonSerializable(typeof(SignRequest))]
[JsonSerializable(typeof(GetAssistantDeployments))]
[JsonSerializable(typeof(IReadOnlyList<AssistantDeployment>))]
internal sealed partial class DeploymentJson : JsonSerializerContext;
