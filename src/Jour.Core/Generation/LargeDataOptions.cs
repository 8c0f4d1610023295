namespace Jour.Core.Generation;

/// <summary>
/// The shape of a generated database. The defaults are the benchmarks' shape: 100,000 cases over a
/// year, 500 of them open, 2,000 deployments in the next 24 hours and five time reports per case.
/// </summary>
public sealed record LargeDataOptions
{
    public int Cases { get; init; } = 100_000;

    public int Clients { get; init; } = 2_000;

    /// <summary>Standby assistants.</summary>
    public int Staff { get; init; } = 500;

    /// <summary>On-call officers in the rotation.</summary>
    public int Officers { get; init; } = 8;

    /// <summary>Providers; 0 means one per 40 clients (at least four).</summary>
    public int Providers { get; init; }

    /// <summary>Ended cases are spread over this many years back from now.</summary>
    public double Years { get; init; } = 1;

    /// <summary>Cases still open (of <see cref="Cases"/>, at most all of them): received in the last days, in every open state.</summary>
    public int OpenCases { get; init; } = 500;

    /// <summary>Deployments of the open cases that start in the next 24 hours, in every state a future one can have.</summary>
    public int UpcomingDeployments { get; init; } = 2_000;

    /// <summary>Time reports per case on average (worked deployments of staffed cases; declined and withdrawn cases have none).</summary>
    public double TimeReportsPerCase { get; init; } = 5;

    public int Seed { get; init; } = 20261123;

    /// <summary>The generator's "now"; null takes the time provider's. Fix it to get the same file twice.</summary>
    public DateTime? NowUtc { get; init; }

    /// <summary>Cases written per transaction.</summary>
    public int BatchSize { get; init; } = 2_000;
}
