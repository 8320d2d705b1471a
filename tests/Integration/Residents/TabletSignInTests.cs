using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.PairTablet;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class TabletSignInTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Pin = "2580";

    [Fact]
    public async Task Paired_tablet_signs_in_and_reads_own_profile()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Jeanne");
        var code = await TabletScenario.StartPairingAsync(host, residentId, Pin);
        var anonymous = host.CreateClient();

        var paired = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = code.GetProperty("pairingCode").GetString() });
        var pairedBody = await paired.Content.ReadFromJsonAsync<JsonElement>();
        var signedIn = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken = pairedBody.GetProperty("deviceToken").GetString(), pin = Pin });
        var session = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        var me = await host.CreateClient().WithToken(session.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/residents/me");
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();

        var pairingCode = code.GetProperty("pairingCode").GetString()!;
        Assert.Equal(8, pairingCode.Length);
        Assert.DoesNotContain(pairingCode, character => "0O1I".Contains(character));
        Assert.InRange(code.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        Assert.Equal("Jeanne", pairedBody.GetProperty("firstName").GetString());
        Assert.True(pairedBody.GetProperty("deviceToken").GetString()!.Length > 60);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.InRange(session.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(residentId, profile.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Pairing_code_works_only_once()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Lucas");
        var code = (await TabletScenario.StartPairingAsync(host, residentId, Pin)).GetProperty("pairingCode").GetString();
        var anonymous = host.CreateClient();

        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = code });
        var second = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = code });
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains("Ce code ne marche pas", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_pins_lock_until_reset()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Marcel");
        var deviceToken = await TabletScenario.PairAsync(host, residentId, Pin);
        var anonymous = host.CreateClient();

        var wrongAnswers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            wrongAnswers.Add(await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = "9731" }));
        }

        var firstWrong = await wrongAnswers[0].Content.ReadFromJsonAsync<JsonElement>();
        var lockedProblem = await wrongAnswers[4].Content.ReadFromJsonAsync<JsonElement>();
        var correctWhileLocked = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = Pin });
        var reset = await host.ClientFor(Roles.ConnectedHomeAmbassador).PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pin", new { pin = "4821" });
        var oldPinAfterReset = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = Pin });
        var newPinAfterReset = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = "4821" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswers[0].StatusCode);
        Assert.Contains("Il vous reste 4 essais", firstWrong.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswers[3].StatusCode);
        Assert.Equal(HttpStatusCode.Locked, wrongAnswers[4].StatusCode);
        Assert.Equal("Votre tablette est bloquée. Demandez à l'ambassadeur de la débloquer.", lockedProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Locked, correctWhileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPinAfterReset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPinAfterReset.StatusCode);
    }

    [Fact]
    public async Task Concurrent_wrong_pins_are_each_counted()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Lucien");
        var deviceToken = await TabletScenario.PairAsync(host, residentId, Pin);
        var anonymous = host.CreateClient();

        var wrongAnswers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = "9731" })));
        var correctAfterwards = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = Pin });
        await using var session = host.Services.GetRequiredService<IResidentsStore>().QuerySession(BonSecoursHost.ResidenceA);
        var credential = await session.LoadAsync<TabletCredential>(residentId);
        var events = await session.Events.FetchStreamAsync(residentId);

        Assert.Equal(4, wrongAnswers.Count(response => response.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(6, wrongAnswers.Count(response => response.StatusCode == HttpStatusCode.Locked));
        Assert.NotNull(credential);
        Assert.True(credential.IsLocked);
        Assert.Equal(TabletCredential.MaxFailedAttempts, credential.FailedAttempts);
        Assert.Single(events, stored => stored.Data is TabletPinLocked);
        Assert.Equal(HttpStatusCode.Locked, correctAfterwards.StatusCode);
    }

    [Fact]
    public async Task New_pairing_replaces_previous_device()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Odette");
        var oldDevice = await TabletScenario.PairAsync(host, residentId, Pin);
        var newDevice = await TabletScenario.PairAsync(host, residentId, Pin);
        var anonymous = host.CreateClient();

        var oldSignIn = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken = oldDevice, pin = Pin });
        var newSignIn = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken = newDevice, pin = Pin });

        Assert.Equal(HttpStatusCode.Unauthorized, oldSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newSignIn.StatusCode);
    }

    [Fact]
    public async Task Returned_tablet_cannot_sign_in()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Paulette");
        var deviceToken = await TabletScenario.PairAsync(host, residentId, Pin);
        var returned = await host.ClientFor(Roles.ConnectedHomeAmbassador).PostAsync($"/api/v1/residents/{residentId}/tablet/return", null);

        var signIn = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = Pin });

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
    }

    [Fact]
    public async Task Moved_out_resident_cannot_sign_in()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Raymond");
        var admin = host.ClientFor(Roles.Administrator);
        var flat = await admin.PostAsJsonAsync("/api/v1/flats", new { number = $"T{residentId.ToString()[..4]}", floor = 1, rooms = 2, stepFreeAccess = true });
        var flatId = (await flat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var movedIn = await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-in", new { flatId, moveInDate = "2026-01-02" });
        var deviceToken = await TabletScenario.PairAsync(host, residentId, Pin);
        var movedOut = await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate = "2026-02-01" });

        var signIn = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken, pin = Pin });
        var problem = await signIn.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, movedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, movedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Equal("tablet.no-longer-lent", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pairing_without_lent_tablet_is_rejected()
    {
        var created = await host.ClientFor(Roles.Administrator).PostAsJsonAsync("/api/v1/residents", TabletScenario.NewResident("Gaston"));
        var residentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await host.ClientFor(Roles.ConnectedHomeAmbassador).PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pairing", new { pin = Pin });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Ambassador_of_other_residence_gets_not_found()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceB, "Yvette");

        var response = await host.ClientFor(Roles.ConnectedHomeAmbassador, BonSecoursHost.ResidenceA)
            .PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pairing", new { pin = Pin });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.ActivityCoordinator)]
    [InlineData(Roles.CareStaff)]
    [InlineData(Roles.Resident)]
    [InlineData(Roles.Caregiver)]
    public async Task Non_ambassador_roles_are_forbidden(string role)
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Henri");
        var client = host.ClientFor(role, BonSecoursHost.ResidenceA, residentId.ToString());

        var pairing = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pairing", new { pin = Pin });
        var reset = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pin", new { pin = Pin });

        Assert.Equal(HttpStatusCode.Forbidden, pairing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
    }

    [Theory]
    [InlineData("0000", "trop facile à deviner")]
    [InlineData("1234", "trop facile à deviner")]
    [InlineData("98765", "trop facile à deviner")]
    [InlineData("123", "4, 5 ou 6 chiffres")]
    [InlineData("1234567", "4, 5 ou 6 chiffres")]
    [InlineData("12a4", "4, 5 ou 6 chiffres")]
    public async Task Weak_or_malformed_pin_is_rejected_in_french(string pin, string expectedMessage)
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Simone");

        var response = await host.ClientFor(Roles.ConnectedHomeAmbassador).PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pairing", new { pin });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pinErrors = problem.GetProperty("errors").GetProperty("pin").EnumerateArray().Select(error => error.GetString()).ToArray();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(pinErrors, error => error!.Contains(expectedMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_device_token_is_unauthorized()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/tablet/sign-in", new { deviceToken = $"{BonSecoursHost.ResidenceA}.{Guid.NewGuid():N}.not-a-secret", pin = Pin });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>A host whose clock the test moves forward, to see pairing codes expire.</summary>
public sealed class ClockedHost : BonSecoursHost
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The system clock plus an offset the test can advance.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

public sealed class TabletPairingExpiryTests(ClockedHost host) : IClassFixture<ClockedHost>
{
    [Fact]
    public async Task Expired_pairing_code_is_rejected()
    {
        var residentId = await TabletScenario.RegisterResidentWithTabletAsync(host, BonSecoursHost.ResidenceA, "Germaine");
        var code = (await TabletScenario.StartPairingAsync(host, residentId, "2580")).GetProperty("pairingCode").GetString();
        host.Clock.Offset = TimeSpan.FromMinutes(16);

        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = code });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("trop ancien", problem.GetProperty("errors").GetProperty("pairingCode")[0].GetString());
    }
}

/// <summary>Steps shared by the tablet tests: register a resident, lend a tablet, pair it.</summary>
internal static class TabletScenario
{
    public static object NewResident(string firstName) => new
    {
        firstName,
        lastName = "Testeur",
        birthDate = "1948-03-12",
        category = "senior",
    };

    public static async Task<Guid> RegisterResidentWithTabletAsync(BonSecoursHost host, string residence, string firstName)
    {
        var admin = host.ClientFor(Roles.Administrator, residence);
        var created = await admin.PostAsJsonAsync("/api/v1/residents", NewResident(firstName));
        created.EnsureSuccessStatusCode();
        var residentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var lent = await host.ClientFor(Roles.ConnectedHomeAmbassador, residence)
            .PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet", new { serialNumber = $"TAB-{residentId.ToString()[..8]}", lentOn = "2026-01-05" });
        lent.EnsureSuccessStatusCode();
        return residentId;
    }

    public static async Task<JsonElement> StartPairingAsync(BonSecoursHost host, Guid residentId, string pin)
    {
        var response = await host.ClientFor(Roles.ConnectedHomeAmbassador).PostAsJsonAsync($"/api/v1/residents/{residentId}/tablet-pairing", new { pin });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> PairAsync(BonSecoursHost host, Guid residentId, string pin)
    {
        var code = (await StartPairingAsync(host, residentId, pin)).GetProperty("pairingCode").GetString();
        var paired = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = code });
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        return (await paired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
    }
}
