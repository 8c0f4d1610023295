using Jour.Configuration;
using Jour.Core.Common;
using Jour.Storage;

namespace Jour.Tests.Postgres;

/// <summary>The PostgreSQL password kept in jour.json, sealed with the data directory's key.</summary>
public sealed class PostgresBindingTests : IDisposable
{
    private const string Secret = "s3cret;with=odd'chars";
    private readonly string _root = Directory.CreateTempSubdirectory("jour-binding-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private JourPaths Paths => new(_root);

    private string Key => DatabaseKey.Resolve(_root, Paths.Database);

    [Fact]
    public void Bind_KeepsThePasswordOutOfTheConnection_AndConnectionOfGivesItBack()
    {
        var config = new JourConfig();

        PostgresBinding.Bind(config, $"Host=db1;Port=5433;Database=jour;Username=jour;Password={Quoted(Secret)};SSL Mode=VerifyFull", Key);

        Assert.DoesNotContain("s3cret", config.PostgresConnection, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", config.PostgresConnection, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret", config.PostgresPasswordSealed, StringComparison.Ordinal);
        var back = PostgresBinding.Parse(PostgresBinding.ConnectionOf(Paths, config)!);
        Assert.Equal(Secret, back.Password);
        Assert.Equal("db1", back.Host);
        Assert.Equal(5433, back.Port);
        Assert.Equal(Npgsql.SslMode.VerifyFull, back.SslMode);
    }

    [Fact]
    public void Seal_UsesAFreshNonce_SoTheSamePasswordNeverSealsTheSame()
    {
        Assert.NotEqual(PostgresBinding.Seal(Secret, Key), PostgresBinding.Seal(Secret, Key));
    }

    [Fact]
    public void Bind_WithoutPassword_SealsNothing_AndConnectionOfHasNone()
    {
        var config = new JourConfig();

        PostgresBinding.Bind(config, "Host=/run/postgresql;Database=jour;Username=jour", Key);

        Assert.Null(config.PostgresPasswordSealed);
        Assert.Null(PostgresBinding.Parse(PostgresBinding.ConnectionOf(Paths, config)!).Password);
    }

    [Fact]
    public void ConnectionOf_AnUnboundDirectory_IsNull()
    {
        Assert.Null(PostgresBinding.ConnectionOf(Paths, new JourConfig()));
    }

    [Fact]
    public void ConnectionOf_WithAnotherDirectorysKey_IsRefused_WithoutThePassword()
    {
        var config = new JourConfig();
        PostgresBinding.Bind(config, $"Host=db1;Database=jour;Username=jour;Password={Quoted(Secret)}", Convert.ToBase64String(new byte[32]));
        _ = Key;

        var refused = Assert.Throws<JourException>(() => PostgresBinding.ConnectionOf(Paths, config));

        Assert.Equal(ErrorCodes.StoragePasswordUnsealable, refused.Code);
        Assert.DoesNotContain("s3cret", refused.Localized, StringComparison.Ordinal);
        Assert.Contains(Paths.Config, refused.Localized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(30)]
    public void ConnectionOf_ATamperedSeal_IsRefused(int byteToFlip)
    {
        var config = new JourConfig();
        PostgresBinding.Bind(config, $"Host=db1;Database=jour;Username=jour;Password={Quoted(Secret)}", Key);
        byte[] bytes = Convert.FromBase64String(config.PostgresPasswordSealed!);
        bytes[byteToFlip] ^= 0x01;
        config.PostgresPasswordSealed = Convert.ToBase64String(bytes);

        Assert.Equal(ErrorCodes.StoragePasswordUnsealable, Assert.Throws<JourException>(() => PostgresBinding.ConnectionOf(Paths, config)).Code);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("AAAA")]
    public void ConnectionOf_AGarbledSeal_IsRefused(string garbled)
    {
        _ = Key;
        var config = new JourConfig { PostgresConnection = "Host=db1;Database=jour", PostgresPasswordSealed = garbled };

        Assert.Equal(ErrorCodes.StoragePasswordUnsealable, Assert.Throws<JourException>(() => PostgresBinding.ConnectionOf(Paths, config)).Code);
    }

    [Fact]
    public void ConnectionOf_WithoutTheKey_SaysTheKeyIsMissing()
    {
        var config = new JourConfig();
        PostgresBinding.Bind(config, $"Host=db1;Database=jour;Password={Quoted(Secret)}", Convert.ToBase64String(new byte[32]));

        Assert.Equal(ErrorCodes.StorageKeyMissing, Assert.Throws<JourException>(() => PostgresBinding.ConnectionOf(Paths, config)).Code);
    }

    [Fact]
    public void Parse_AMalformedConnection_IsRefused_WithoutRepeatingIt()
    {
        var refused = Assert.Throws<JourException>(() => PostgresBinding.Parse("Host=db1;Password=s3cret;Nonsense Key=1"));

        Assert.Equal(ErrorCodes.StorageConnectionInvalid, refused.Code);
        Assert.DoesNotContain("s3cret", refused.Localized, StringComparison.Ordinal);
    }

    private static string Quoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
