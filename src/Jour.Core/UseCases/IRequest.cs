namespace Jour.Core.UseCases;

/// <summary>
/// A use case's request, naming the answer it gets. Who may send it and how it is handled are declared
/// where it is registered, beside it in its aggregate's folder (<see cref="UseCase"/>).
/// </summary>
/// <typeparam name="TAnswer">What the request is answered with.</typeparam>
#pragma warning disable CA1040 // The type parameter is the point: SendAsync infers the answer from it.
public interface IRequest<TAnswer>;
#pragma warning restore CA1040
