using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>Community display names in CommunityLife payloads, and the contacts list built from the same reach rules.</summary>
public sealed class DisplayNameTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private static readonly TimeSpan NameDelivery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Names_follow_registration_and_change()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var named = await LivingNamedResidentAsync("Odette", "Vasseur-Leroy");
        var reader = host.Resident(await host.LivingResidentAsync());
        var conversationId = await reader.StartWithResidentAsync(named);

        var before = await reader.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal("Odette V.", NameIn(before, named));
        Assert.DoesNotContain("Vasseur", before.GetRawText());
        Assert.DoesNotContain("Leroy", before.GetRawText());

        var change = await admin.PutAsJsonAsync($"/api/v1/residents/{named}/personal-details",
            new { firstName = "Odile", lastName = "Bernard", birthDate = "1940-02-02", category = "senior" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var after = await reader.PollAsync($"/api/v1/conversations/{conversationId}", view => NameIn(view, named) == "Odile B.", NameDelivery);

        Assert.Equal("Odile B.", NameIn(after, named));
        Assert.DoesNotContain("Bernard", after.GetRawText());
    }

    [Fact]
    public async Task Tenancy_import_sends_names()
    {
        var reader = host.Resident(await host.LivingResidentAsync());
        const string csv = "reference_bail;logement;etage;pieces;nom;prenom;date_naissance;categorie;telephone;email;date_entree;date_sortie\r\n"
            + "DN-1;DN101;1;2;Écuyer;Yvonne;12/03/1941;senior;;;01/09/2024;\r\n";
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");

        var import = await host.ClientFor(Roles.Administrator).PostAsync("/api/v1/imports/tenancy-file", content);
        var contacts = await reader.PollAsync("/api/v1/contacts", list => DisplayNamesIn(list).Contains("Yvonne É."), NameDelivery);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("Yvonne É.", DisplayNamesIn(contacts));
        Assert.DoesNotContain(DisplayNamesIn(contacts), name => name.Contains("Écuyer"));
    }

    [Fact]
    public async Task Message_page_names_the_author()
    {
        var author = await LivingNamedResidentAsync("Gisèle", "Pruvost");
        var reader = await host.LivingResidentAsync();
        var conversationId = await host.Resident(author).StartWithResidentAsync(reader);
        await host.Resident(author).PostTextOkAsync(conversationId, "Bonjour");

        var page = await host.Resident(reader).GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        var list = await host.Resident(reader).ConversationAsync(conversationId);

        Assert.Equal("Gisèle P.", page.GetProperty("items")[0].GetProperty("sender").GetProperty("displayName").GetString());
        Assert.Equal("Gisèle P.", list.GetProperty("lastMessage").GetProperty("sender").GetProperty("displayName").GetString());
        Assert.Equal("Gisèle P.", NameIn(list, author));
    }

    [Fact]
    public async Task Get_conversation_hides_from_others()
    {
        var first = await host.LivingResidentAsync();
        var second = await host.LivingResidentAsync();
        var conversationId = await host.Resident(first).StartWithResidentAsync(second);
        var stranger = host.Resident(await host.LivingResidentAsync());

        var unknown = await stranger.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}");
        var notParticipant = await stranger.GetAsync($"/api/v1/conversations/{conversationId}");
        var otherResidence = await host.ClientFor(Roles.ActivityCoordinator, BonSecoursHost.ResidenceB).GetAsync($"/api/v1/conversations/{conversationId}");
        var researcher = await host.ClientFor(Roles.Researcher).GetAsync($"/api/v1/conversations/{conversationId}");

        Assert.Contains("n'existe pas", (await unknown.ProblemAsync(HttpStatusCode.NotFound)).GetRawText());
        Assert.Contains("n'existe pas", (await notParticipant.ProblemAsync(HttpStatusCode.NotFound)).GetRawText());
        await otherResidence.ProblemAsync(HttpStatusCode.NotFound);
        await researcher.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_participant_gets_role_label()
    {
        var first = await host.LivingResidentAsync();
        var staff = host.ClientFor(Roles.ActivityCoordinator);
        var group = await staff.PostAsJsonAsync("/api/v1/conversations/groups",
            new { title = "Club", participants = new[] { new { kind = "resident", id = first.ToString() } } });
        var created = await group.JsonAsync(HttpStatusCode.Created);

        var view = await host.Resident(first).GetJsonAsync($"/api/v1/conversations/{created.GetProperty("id").GetGuid()}");

        Assert.All(view.GetProperty("participants").EnumerateArray(), participant => Assert.False(string.IsNullOrWhiteSpace(participant.GetProperty("displayName").GetString())));
        Assert.Contains(view.GetProperty("participants").EnumerateArray(), participant => participant.GetProperty("displayName").GetString() == "L'animatrice (Test activity-coordinator)");
    }

    [Fact]
    public async Task Contacts_exclude_moved_out_blocked_and_other_residences()
    {
        var me = await LivingNamedResidentAsync("Alice", "Zerbib");
        var neighbour = await LivingNamedResidentAsync("Bruno", "Lemaire");
        var blockedByMe = await host.LivingResidentAsync();
        var blockedMe = await host.LivingResidentAsync();
        var movedOut = await host.LivingResidentAsync();
        var elsewhere = await host.LivingResidentAsync(BonSecoursHost.ResidenceB);
        await host.MoveOutAsync(movedOut);
        Assert.True((await host.Resident(me).PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = blockedByMe } })).IsSuccessStatusCode);
        Assert.True((await host.Resident(blockedMe).PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = me } })).IsSuccessStatusCode);

        var contacts = await host.Resident(me).GetJsonAsync("/api/v1/contacts");
        var ids = contacts.EnumerateArray().Select(contact => contact.GetProperty("id").GetString()).ToList();

        Assert.Contains(neighbour.ToString(), ids);
        Assert.DoesNotContain(me.ToString(), ids);
        Assert.DoesNotContain(blockedByMe.ToString(), ids);
        Assert.DoesNotContain(blockedMe.ToString(), ids);
        Assert.DoesNotContain(movedOut.ToString(), ids);
        Assert.DoesNotContain(elsewhere.ToString(), ids);
        var bruno = contacts.EnumerateArray().Single(contact => contact.GetProperty("id").GetString() == neighbour.ToString());
        Assert.Equal("Bruno L.", bruno.GetProperty("displayName").GetString());
        Assert.True(bruno.GetProperty("canMessage").GetBoolean());
        Assert.True(bruno.GetProperty("canCall").GetBoolean());
        Assert.True(bruno.GetProperty("canPlay").GetBoolean());
        Assert.DoesNotContain("Lemaire", contacts.GetRawText());
    }

    [Fact]
    public async Task Contacts_are_sorted_in_french_order()
    {
        var me = await host.LivingResidentAsync();
        await LivingNamedResidentAsync("Émile", "Carpentier");
        await LivingNamedResidentAsync("Eugène", "Carpentier");
        await LivingNamedResidentAsync("Edgar", "Carpentier");

        var contacts = await host.Resident(me).GetJsonAsync("/api/v1/contacts");
        var names = contacts.EnumerateArray().Select(contact => contact.GetProperty("displayName").GetString()!)
            .Where(name => name.EndsWith(" C.", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Edgar C.", "Émile C.", "Eugène C."], names);
    }

    [Fact]
    public async Task Caregiver_contacts_follow_consent()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await CaregiverNamedAsync("Marie", "Dufour");
        var resident = await host.LivingResidentAsync(caregiverId: caregiverId);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());

        var residentContacts = await host.Resident(resident).GetJsonAsync("/api/v1/contacts");
        var caregiverContacts = await caregiver.GetJsonAsync("/api/v1/contacts");

        var marie = residentContacts.EnumerateArray().Single(contact => contact.GetProperty("id").GetString() == caregiverId.ToString());
        Assert.Equal("caregiver", marie.GetProperty("kind").GetString());
        Assert.Equal("Marie D. (proche)", marie.GetProperty("displayName").GetString());
        Assert.False(marie.GetProperty("canPlay").GetBoolean());
        Assert.Equal([resident.ToString()], caregiverContacts.EnumerateArray().Select(contact => contact.GetProperty("id").GetString()).ToList());

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
                Assert.True((await admin.DeleteAsync($"/api/v1/residents/{resident}/caregivers/{caregiverId}")).IsSuccessStatusCode)));

        Assert.Empty((await caregiver.GetJsonAsync("/api/v1/contacts")).EnumerateArray());
        Assert.DoesNotContain(caregiverId.ToString(), (await host.Resident(resident).GetJsonAsync("/api/v1/contacts")).GetRawText());
    }

    [Fact]
    public async Task Games_and_calls_name_both_sides()
    {
        var inviter = await LivingNamedResidentAsync("Henri", "Caron");
        var opponent = await LivingNamedResidentAsync("Irène", "Delattre");

        var game = await (await host.Resident(inviter).PostAsJsonAsync("/api/v1/games", new { kind = "connectFour", opponent })).JsonAsync(HttpStatusCode.Created);
        var call = await (await host.Resident(inviter).PostAsJsonAsync("/api/v1/video-calls", new { callee = new { kind = "resident", id = opponent } })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Henri C.", game.GetProperty("inviterName").GetString());
        Assert.Equal("Irène D.", game.GetProperty("opponentName").GetString());
        Assert.Equal("Henri C.", call.GetProperty("caller").GetProperty("displayName").GetString());
        Assert.Equal("Irène D.", call.GetProperty("callee").GetProperty("displayName").GetString());
    }

    private async Task<Guid> LivingNamedResidentAsync(string firstName, string lastName)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var flatId = await admin.RegisterFlatAsync();
        var residentId = Guid.Empty;
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                residentId = await admin.RegisterResidentAsync(firstName, lastName);
                Assert.Equal(HttpStatusCode.OK, (await admin.MoveInAsync(residentId, flatId)).StatusCode);
            }));
        return residentId;
    }

    private async Task<Guid> CaregiverNamedAsync(string firstName, string lastName)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = Guid.Empty;
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                var response = await admin.PostAsJsonAsync("/api/v1/caregivers", new { firstName, lastName, kind = "caregiver", relationship = "fille" });
                caregiverId = (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            }));
        return caregiverId;
    }

    private static List<string> DisplayNamesIn(JsonElement contacts) =>
        [.. contacts.EnumerateArray().Select(contact => contact.GetProperty("displayName").GetString()!)];

    private static string? NameIn(JsonElement conversation, Guid residentId) =>
        conversation.GetProperty("participants").EnumerateArray()
            .Single(participant => participant.GetProperty("id").GetString() == residentId.ToString())
            .GetProperty("displayName").GetString();
}
