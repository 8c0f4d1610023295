namespace Jour.Core.UseCases;

/// <summary>How a request is handled, beyond who may send it.</summary>
[Flags]
public enum Handling
{
    /// <summary>In order with the session's other requests, within the usual answer time.</summary>
    InOrder = 0,

    /// <summary>Changes nothing and may be answered beside the session's other requests (the first frame's reads).</summary>
    SideBySide = 1,

    /// <summary>Reads or writes the whole file (a backup, a check, an import): the session waits minutes, not seconds.</summary>
    LongRunning = 2,

    /// <summary>Only on a demo database; refused on a real one before its handler runs.</summary>
    DemoOnly = 4,

    /// <summary>The server stops once the answer has left; no new session is greeted meanwhile.</summary>
    StopsTheServer = 8,
}
