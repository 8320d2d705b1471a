using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Push;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Lib.Net.Http.EncryptedContentEncoding;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class WebPushTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>, IAsyncLifetime
{
    private readonly LocalPushService _pushService = new();

    public Task InitializeAsync() => _pushService.StartAsync();

    public Task DisposeAsync() => _pushService.DisposeAsync().AsTask();

    [Fact]
    public async Task Alert_reaches_subscribed_browser_encrypted()
    {
        using var browser = new BrowserKeys();
        var nurse = host.ClientFor(Roles.CareStaff);
        var endpoint = _pushService.EndpointFor("nurse-device");
        var publicKey = (await nurse.GetFromJsonAsync<JsonElement>("/api/v1/push/vapid-public-key")).GetProperty("publicKey").GetString();

        var subscribed = await nurse.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint, keys = browser.Keys });
        await SendAsync(new StaffAlert(BonSecoursHost.ResidenceA, [$"{Roles.CareStaff}-user"], [], [], "priority-call-raised",
            "Appel prioritaire", "Un résident demande de l'aide.", "/soins/appels/1", "call-1", new { }));
        var received = Assert.Single(_pushService.Received, request => request.Path == "/nurse-device");
        var payload = JsonDocument.Parse(await browser.DecryptAsync(received.Body)).RootElement;

        Assert.Equal(HttpStatusCode.NoContent, subscribed.StatusCode);
        Assert.Equal("POST", received.Method);
        Assert.Equal("aes128gcm", received.Header("Content-Encoding"));
        Assert.Equal("300", received.Header("TTL"));
        Assert.Equal("high", received.Header("Urgency"));
        Assert.StartsWith("vapid t=", received.Header("Authorization"));
        Assert.Contains($"k={publicKey}", received.Header("Authorization"));
        Assert.Equal("Appel prioritaire", payload.GetProperty("title").GetString());
        Assert.Equal("/soins/appels/1", payload.GetProperty("url").GetString());
        Assert.Equal("call-1", payload.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Gone_subscription_is_removed()
    {
        using var browser = new BrowserKeys();
        var userId = "gone-user";
        var nurse = host.CreateClient().WithToken(TestTokens.For(Roles.OnCall, BonSecoursHost.ResidenceA, userId: userId));
        var endpoint = _pushService.EndpointFor("gone-device");
        _pushService.Answers["/gone-device"] = HttpStatusCode.Gone;
        await nurse.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint, keys = browser.Keys });

        await SendAsync(new StaffAlert(BonSecoursHost.ResidenceA, [userId], [], [], "test", "Essai", "Essai", "/", "test", new { }));

        Assert.Single(_pushService.Received, request => request.Path == "/gone-device");
        Assert.Null(await LoadSubscriptionAsync(endpoint));
    }

    [Fact]
    public async Task Alert_to_role_reaches_its_subscriptions()
    {
        using var browser = new BrowserKeys();
        var onCall = host.ClientFor(Roles.OnCall);
        var endpoint = _pushService.EndpointFor("on-call-device");
        await onCall.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint, keys = browser.Keys });

        await SendAsync(new StaffAlert(BonSecoursHost.ResidenceA, [], [], [Roles.OnCall], "test", "Astreinte", "Essai", "/", "test", new { }));

        Assert.Single(_pushService.Received, request => request.Path == "/on-call-device");
        Assert.NotNull(await LoadSubscriptionAsync(endpoint));
    }

    [Fact]
    public async Task Remote_http_endpoint_is_rejected()
    {
        using var browser = new BrowserKeys();
        var nurse = host.ClientFor(Roles.CareStaff);

        var response = await nurse.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint = "http://push.example.org/abc", keys = browser.Keys });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("https", problem.GetProperty("errors").GetProperty("endpoint")[0].GetString());
        Assert.Contains("adresse", problem.GetProperty("errors").GetProperty("endpoint")[0].GetString());
    }

    [Fact]
    public async Task Resident_cannot_subscribe()
    {
        using var browser = new BrowserKeys();
        var resident = host.ClientFor(Roles.Resident, personId: Guid.NewGuid().ToString());

        var response = await resident.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint = _pushService.EndpointFor("resident"), keys = browser.Keys });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unsubscribe_removes_subscription()
    {
        using var browser = new BrowserKeys();
        var nurse = host.ClientFor(Roles.CareStaff);
        var endpoint = _pushService.EndpointFor("unsubscribed-device");
        await nurse.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint, keys = browser.Keys });

        var response = await nurse.DeleteAsync($"/api/v1/push/subscriptions?endpoint={Uri.EscapeDataString(endpoint)}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await LoadSubscriptionAsync(endpoint));
    }

    private async Task SendAsync(StaffAlert alert)
    {
        var channel = host.Services.GetServices<IStaffAlertChannel>().OfType<WebPushAlertChannel>().Single();
        await channel.SendAsync(alert, CancellationToken.None);
    }

    private async Task<PushSubscriptionRecord?> LoadSubscriptionAsync(string endpoint)
    {
        await using var session = host.Services.GetRequiredService<ICareFollowUpStore>().QuerySession(BonSecoursHost.ResidenceA);
        return await session.Query<PushSubscriptionRecord>().Where(record => record.Endpoint == endpoint).FirstOrDefaultAsync();
    }
}

/// <summary>A browser's side of a push subscription: an ECDH P-256 key pair and a 16-byte auth secret (RFC 8291).</summary>
internal sealed class BrowserKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _authSecret = RandomNumberGenerator.GetBytes(16);

    public object Keys => new { p256dh = WebEncoders.Base64UrlEncode(PublicKey), auth = WebEncoders.Base64UrlEncode(_authSecret) };

    private byte[] PublicKey
    {
        get
        {
            var point = _key.ExportParameters(false).Q;
            return [0x04, .. point.X!, .. point.Y!];
        }
    }

    /// <summary>
    /// Decrypts an aes128gcm body. Its key id is the server's ephemeral public key; the input
    /// keying material mixes the ECDH secret with the auth secret as RFC 8291 section 3.4 sets out.
    /// </summary>
    public async Task<string> DecryptAsync(byte[] body)
    {
        using var source = new MemoryStream(body);
        using var destination = new MemoryStream();
        await Aes128GcmEncoding.DecodeAsync(source, destination, serverPublicKey =>
        {
            using var server = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = serverPublicKey[1..33], Y = serverPublicKey[33..65] },
            });
            var sharedSecret = _key.DeriveRawSecretAgreement(server.PublicKey);
            byte[] info = [.. Encoding.ASCII.GetBytes("WebPush: info"), 0, .. PublicKey, .. serverPublicKey];
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, _authSecret, info);
        });
        return Encoding.UTF8.GetString(destination.ToArray());
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>A push service on 127.0.0.1 that records every request and answers 201, or the status set for a path.</summary>
internal sealed class LocalPushService : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentBag<ReceivedPush> Received { get; } = [];

    public ConcurrentDictionary<string, HttpStatusCode> Answers { get; } = new();

    public string BaseAddress { get; private set; } = string.Empty;

    public string EndpointFor(string device) => $"{BaseAddress}/{device}";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Received.Add(new ReceivedPush(context.Request.Method, context.Request.Path, headers, body.ToArray()));
            context.Response.StatusCode = (int)Answers.GetValueOrDefault(context.Request.Path.ToString(), HttpStatusCode.Created);
        });
        await _app.StartAsync();
        BaseAddress = _app.Urls.Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

internal sealed record ReceivedPush(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.GetValueOrDefault(name, string.Empty);
}
