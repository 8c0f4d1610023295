using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jour.Core.CallOuts;

namespace Jour.Sms;

/// <summary>
/// The SMS port on the 46elks HTTP API: <c>POST /a1/sms</c> form-encoded (from, to, message) and
/// <c>GET /a1/sms</c> for the list, both with Basic auth. No reflection: the JSON is source-generated.
/// Every fault becomes an <see cref="SmsGatewayException"/> of its kind; nothing about the texts, numbers or
/// credentials is logged here.
/// </summary>
internal sealed class Elks46Gateway : ISmsGateway, IDisposable
{
    private readonly HttpClient _http;

    public Elks46Gateway(TimeSpan? timeout = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3), PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        };
    }

    public async Task<string> SendAsync(SmsAccount account, string to, string message, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(account));
        request.Headers.Authorization = Basic(account);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        request.Content = new FormUrlEncodedContent([new("from", account.From), new("to", to), new("message", message)]);
        string body = await SendAsync(request, cancellationToken);
        Elks46Message? sent = Parse(body, Elks46Json.Default.Elks46Message);
        return sent?.Id ?? throw new SmsGatewayException(SmsFault.ServerError, 200);
    }

    public async Task<IReadOnlyList<SmsMessage>> ListAsync(SmsAccount account, int limit, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(account) + "?limit=" + limit.ToString(CultureInfo.InvariantCulture));
        request.Headers.Authorization = Basic(account);
        string body = await SendAsync(request, cancellationToken);
        Elks46List list = Parse(body, Elks46Json.Default.Elks46List) ?? new Elks46List();
        return
        [
            .. (list.Data ?? []).Where(m => m.Id is not null).Select(m => new SmsMessage(
                m.Id!,
                m.From ?? "",
                m.To ?? "",
                m.Message ?? "",
                string.Equals(m.Direction, "incoming", StringComparison.OrdinalIgnoreCase),
                ParseCreated(m.Created),
                m.Status ?? "",
                ParseTime(m.Delivered))),
        ];
    }

    public void Dispose() => _http.Dispose();

    private static string Endpoint(SmsAccount account) => account.Url.TrimEnd('/') + "/a1/sms";

    private static AuthenticationHeaderValue Basic(SmsAccount account) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(account.User + ":" + account.Password)));

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsGatewayException(SmsFault.Timeout);
        }
        catch (HttpRequestException ex) when (ex.InnerException is TimeoutException)
        {
            throw new SmsGatewayException(SmsFault.Timeout);
        }
        catch (HttpRequestException)
        {
            throw new SmsGatewayException(SmsFault.Unreachable);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new SmsGatewayException(SmsFault.Timeout, status);
                }
                catch (HttpRequestException)
                {
                    throw new SmsGatewayException(SmsFault.Timeout, status);
                }
            }

            throw new SmsGatewayException(
                response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => SmsFault.Unauthorized,
                    HttpStatusCode.TooManyRequests => SmsFault.RateLimited,
                    HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => SmsFault.Timeout,
                    _ when status >= 500 => SmsFault.ServerError,
                    HttpStatusCode.NotFound => SmsFault.Unreachable,
                    _ => SmsFault.Refused,
                },
                status);
        }
    }

    private static T? Parse<T>(string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        try
        {
            return JsonSerializer.Deserialize(body, info);
        }
        catch (JsonException)
        {
            throw new SmsGatewayException(SmsFault.ServerError, 200);
        }
    }

    /// <summary>46elks writes "2026-12-06T21:00:00.123456" in UTC without a zone.</summary>
    private static DateTime ParseCreated(string? text) => ParseTime(text) ?? DateTime.UtcNow;

    /// <summary>A time as 46elks writes it ("created", "delivered"), or null when absent or not a time.</summary>
    private static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime utc) ? utc : null;
}

/// <summary>One message as 46elks writes it.</summary>
internal sealed class Elks46Message
{
    public string? Id { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Message { get; set; }

    public string? Direction { get; set; }

    public string? Created { get; set; }

    public string? Status { get; set; }

    /// <summary>When an outgoing message reached the phone ("delivered" status only).</summary>
    public string? Delivered { get; set; }
}

/// <summary>A page of 46elks's message list.</summary>
internal sealed class Elks46List
{
    public List<Elks46Message>? Data { get; set; }

    public string? Next { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Elks46Message))]
[JsonSerializable(typeof(Elks46List))]
internal sealed partial class Elks46Json : JsonSerializerContext;
