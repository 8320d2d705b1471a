using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class AgendaNewsTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Described = "Une%20image";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Local_events_are_published_and_listed()
    {
        var coordinator = host.Coordinator();

        var created = await coordinator.PostAsJsonAsync("/api/v1/local-events", new { title = "Marché de Noël", place = "Grand-Place, Arras", date = "2027-12-05", link = "https://www.arras.fr/" });
        var badLink = await coordinator.PostAsJsonAsync("/api/v1/local-events", new { title = "Concert", place = "Arras", date = "2027-12-06", link = "javascript:alert(1)" });
        var noTitle = await coordinator.PostAsJsonAsync("/api/v1/local-events", new { title = "", place = "Arras", date = "2027-12-06" });
        var kiosk = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync("/api/v1/local-events", new { title = "Concert", place = "Arras", date = "2027-12-06" });
        var list = await host.Resident(await host.AddLivingResidentAsync()).GetFromJsonAsync<List<JsonElement>>("/api/v1/local-events?from=2027-12-01");
        var otherResidence = await host.Coordinator(BonSecoursHost.ResidenceB).GetFromJsonAsync<List<JsonElement>>("/api/v1/local-events?from=2027-12-01");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await badLink.ProblemAsync(HttpStatusCode.BadRequest);
        await noTitle.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, kiosk.StatusCode);
        Assert.Equal("Marché de Noël", Assert.Single(list!).GetProperty("title").GetString());
        Assert.Empty(otherResidence!);
    }

    [Fact]
    public async Task Approved_proposal_becomes_activity()
    {
        var residentId = await host.AddLivingResidentAsync();
        var resident = host.Resident(residentId);
        var coordinator = host.Coordinator();
        var proposed = await resident.PostAsJsonAsync("/api/v1/activity-proposals", new { title = "Club tricot", description = "Tricoter ensemble le jeudi." });
        var proposalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var approved = await coordinator.PostAsJsonAsync($"/api/v1/activity-proposals/{proposalId}/approve", AgendaApi.Single(title: "Club tricot", start: "2027-09-09T15:00:00"));
        var again = await coordinator.PostAsJsonAsync($"/api/v1/activity-proposals/{proposalId}/decline", new { reason = "Déjà prévu" });
        var activityId = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var activity = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activityId}");
        var mine = await resident.GetFromJsonAsync<List<JsonElement>>("/api/v1/activity-proposals");

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Club tricot", activity.GetProperty("details").GetProperty("title").GetString());
        Assert.Equal("approved", Assert.Single(mine!).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declined_proposal_keeps_reason()
    {
        var resident = host.Resident(await host.AddLivingResidentAsync());
        var coordinator = host.Coordinator();
        var proposed = await resident.PostAsJsonAsync("/api/v1/activity-proposals", new { title = "Sortie au zoo", description = "Aller au zoo." });
        var proposalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/activity-proposals/{proposalId}/decline", new { reason = "" });
        var declined = await coordinator.PostAsJsonAsync($"/api/v1/activity-proposals/{proposalId}/decline", new { reason = "Le car n'est pas disponible." });
        var byResident = await resident.PostAsJsonAsync($"/api/v1/activity-proposals/{proposalId}/decline", new { reason = "Non" });
        var invalid = await resident.PostAsJsonAsync("/api/v1/activity-proposals", new { title = "", description = "" });
        var unknown = await coordinator.PostAsJsonAsync($"/api/v1/activity-proposals/{Guid.NewGuid()}/decline", new { reason = "Non" });
        var all = await coordinator.GetFromJsonAsync<List<JsonElement>>("/api/v1/activity-proposals");

        await noReason.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
        await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(all!, proposal => proposal.GetProperty("declineReason").GetString() == "Le car n'est pas disponible.");
    }

    [Fact]
    public async Task Announcements_are_newest_first_with_picture()
    {
        var coordinator = host.Coordinator();
        var older = await PostAsync(coordinator, "Fête des voisins");
        var newer = await PostAsync(coordinator, "Travaux de l'ascenseur");

        var upload = await coordinator.PutAsync($"/api/v1/announcements/{newer}/picture?description={Uri.EscapeDataString("L'ascenseur du hall, porte ouverte")}", Image(Png, "image/png"));
        var list = await host.Resident(await host.AddLivingResidentAsync()).GetFromJsonAsync<List<JsonElement>>("/api/v1/announcements");
        var picture = await host.Resident(await host.AddLivingResidentAsync()).GetAsync($"/api/v1/announcements/{newer}/picture");
        var otherResidence = await host.Coordinator(BonSecoursHost.ResidenceB).GetAsync($"/api/v1/announcements/{newer}/picture");
        var anonymous = await host.CreateClient().GetAsync($"/api/v1/announcements/{newer}/picture");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal([newer, older], list!.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal($"/api/v1/announcements/{newer}/picture", list![0].GetProperty("pictureUrl").GetString());
        Assert.Equal("L'ascenseur du hall, porte ouverte", list[0].GetProperty("pictureDescription").GetString());
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("pictureUrl").ValueKind);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await picture.Content.ReadAsByteArrayAsync());
        await otherResidence.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Invalid_pictures_are_rejected()
    {
        var coordinator = host.Coordinator();
        var announcementId = await PostAsync(coordinator, "Menu de la semaine");
        var tooLarge = new byte[2 * 1024 * 1024 + 1];
        Png.CopyTo(tooLarge, 0);

        var large = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description={Described}", Image(tooLarge, "image/png"));
        var gif = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description={Described}", Image([0x47, 0x49, 0x46, 0x38, 0x39, 0x61], "image/gif"));
        var mislabelled = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description={Described}", Image(Png, "image/jpeg"));
        var unknown = await coordinator.PutAsync($"/api/v1/announcements/{Guid.NewGuid()}/picture?description={Described}", Image(Png, "image/png"));
        var byResident = await host.Resident(await host.AddLivingResidentAsync()).PutAsync($"/api/v1/announcements/{announcementId}/picture?description={Described}", Image(Png, "image/png"));
        var noTitle = await coordinator.PostAsJsonAsync("/api/v1/announcements", new { title = "", body = "Texte" });
        var empty = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description={Described}", Image([], "image/png"));
        var undescribed = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture", Image(Png, "image/png"));
        var blankDescription = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description=%20", Image(Png, "image/png"));
        var longDescription = await coordinator.PutAsync($"/api/v1/announcements/{announcementId}/picture?description={new string('a', 251)}", Image(Png, "image/png"));
        var list = await coordinator.GetFromJsonAsync<List<JsonElement>>("/api/v1/announcements");

        await large.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, gif.StatusCode);
        await mislabelled.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
        await noTitle.ProblemAsync(HttpStatusCode.BadRequest);
        var emptyProblem = await empty.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("L'image est vide", emptyProblem.GetRawText());
        var missing = await undescribed.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Décrivez l'image", missing.GetRawText());
        await blankDescription.ProblemAsync(HttpStatusCode.BadRequest);
        await longDescription.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Null, list!.Single(item => item.GetProperty("id").GetGuid() == announcementId).GetProperty("pictureUrl").ValueKind);
    }

    private static async Task<Guid> PostAsync(HttpClient coordinator, string title)
    {
        var response = await coordinator.PostAsJsonAsync("/api/v1/announcements", new { title, body = "Plus d'informations à l'accueil." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static ByteArrayContent Image(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
