using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jour.Core.UseCases;

/// <summary>
/// One use case as the pipeline and the wire see it: its stable wire name, its request and answer types
/// with their source-generated JSON, who may send it, how it is handled, and its handler. Declared beside
/// the request in its aggregate's folder; nothing is discovered by reflection.
/// </summary>
public abstract class UseCase
{
    private readonly JsonSerializerContext _json;
    private JsonTypeInfo? _requestJson;
    private JsonTypeInfo? _answerJson;

    private protected UseCase(string name, Type requestType, Type answerType, JsonSerializerContext json, Access access, Handling handling)
    {
        Name = name;
        RequestType = requestType;
        AnswerType = answerType;
        _json = json;
        Access = access;
        Handling = handling;
    }

    /// <summary>The operation's name on the wire; stable across versions.</summary>
    public string Name { get; }

    public Type RequestType { get; }

    public Type AnswerType { get; }

    public Access Access { get; }

    public Handling Handling { get; }

    // Resolved on first use: a session sends a handful of kinds, and each type's metadata costs start-up time.
    public JsonTypeInfo RequestJson => _requestJson ??= TypeInfo(RequestType);

    public JsonTypeInfo AnswerJson => _answerJson ??= TypeInfo(AnswerType);

    /// <summary>A use case whose handler answers at once.</summary>
    public static UseCase Of<TRequest, TAnswer>(string name, JsonSerializerContext json, Access access, Func<TRequest, RequestContext, TAnswer> handle, Handling handling = Handling.InOrder)
        where TRequest : IRequest<TAnswer> =>
        new Immediate<TRequest, TAnswer>(name, json, access, handling, handle);

    /// <summary>A use case whose handler waits (a PIN check waits out the delay a failure earned, without holding a thread).</summary>
    public static UseCase Of<TRequest, TAnswer>(string name, JsonSerializerContext json, Access access, Func<TRequest, RequestContext, CancellationToken, Task<TAnswer>> handle, Handling handling = Handling.InOrder)
        where TRequest : IRequest<TAnswer> =>
        new Waiting<TRequest, TAnswer>(name, json, access, handling, handle);

    internal abstract ValueTask<object?> HandleAsync(object request, RequestContext context, CancellationToken cancellationToken);

    private JsonTypeInfo TypeInfo(Type type) =>
        _json.GetTypeInfo(type) ?? throw new InvalidOperationException($"{_json.GetType().Name} has no JSON for {type.Name} ({Name})");

    private sealed class Immediate<TRequest, TAnswer>(string name, JsonSerializerContext json, Access access, Handling handling, Func<TRequest, RequestContext, TAnswer> handle)
        : UseCase(name, typeof(TRequest), typeof(TAnswer), json, access, handling)
    {
        internal override ValueTask<object?> HandleAsync(object request, RequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object?>(handle((TRequest)request, context));
    }

    private sealed class Waiting<TRequest, TAnswer>(string name, JsonSerializerContext json, Access access, Handling handling, Func<TRequest, RequestContext, CancellationToken, Task<TAnswer>> handle)
        : UseCase(name, typeof(TRequest), typeof(TAnswer), json, access, handling)
    {
        internal override async ValueTask<object?> HandleAsync(object request, RequestContext context, CancellationToken cancellationToken) =>
            await handle((TRequest)request, context, cancellationToken);
    }
}
