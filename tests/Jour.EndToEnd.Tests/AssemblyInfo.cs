// One terminal program at a time: timings and the 2-core machine stay predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// A throwaway PostgreSQL cluster for the run (started once, whether or not a PostgreSQL test runs).
[assembly: AssemblyFixture(typeof(Jour.Testing.PostgresCluster))]
