[assembly: AssemblyFixture(typeof(Jour.Testing.PostgresCluster))]
