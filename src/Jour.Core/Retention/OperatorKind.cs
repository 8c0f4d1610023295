namespace Jour.Core.Retention;

/// <summary>
/// Who runs the operation: the law keeps and thins records differently for a municipality's own
/// service and for a private operator doing the work for it.
/// </summary>
public enum OperatorKind
{
    /// <summary>The municipality itself (the default, also for a database from before the choice existed).</summary>
    Municipal,

    /// <summary>A private operator; LSS 23 c § applies to its LSS documentation.</summary>
    Private,
}
