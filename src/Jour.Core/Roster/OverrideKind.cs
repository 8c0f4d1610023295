namespace Jour.Core.Roster;

/// <summary>Why an override exists; shown beside it so nobody has to guess.</summary>
public enum OverrideKind
{
    /// <summary>Someone covers an interval, entered on the roster.</summary>
    Cover,

    /// <summary>"I'll take it": the officer took the current shift from the one on call.</summary>
    TakeOver,

    /// <summary>One half of a swap of two shifts.</summary>
    Swap,
}
