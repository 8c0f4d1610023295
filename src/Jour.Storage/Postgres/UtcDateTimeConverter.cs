using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jour.Storage.Postgres;

/// <summary>
/// LiteDB hands every DateTime back as UTC (the store sets UtcDate); so does this. A time without a kind is taken
/// as UTC, as the domain means it (every stored time is a ...Utc), and a local one is converted.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PgTime.Utc(reader.GetDateTime());

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PgTime.Utc(value));
}
