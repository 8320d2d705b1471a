using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class MessagingTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Text_round_trip_is_exact()
    {
        var (jeanne, conversationId) = await PairAsync();
        string[] texts =
        [
            "Été à l'école, ça va ?\nOui !\r\n\tÀ demain.",
            "Composé : \u00e9 ; décomposé : e\u0301 ; Å et A\u030a",
            "Famille : \U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 et 👍🏽",
            "  espaces autour  ",
        ];

        foreach (var text in texts)
        {
            await jeanne.PostTextOkAsync(conversationId, text);
        }

        var page = await jeanne.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        var stored = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("text").GetString()!).ToList();
        Assert.Equal(texts.Length, stored.Count);
        for (var index = 0; index < texts.Length; index++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(texts[index]), Encoding.UTF8.GetBytes(stored[index]));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task Empty_message_is_rejected_in_french(string? text)
    {
        var (jeanne, conversationId) = await PairAsync();

        var problem = await (await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("vide", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Message_over_4000_characters_is_rejected()
    {
        var (jeanne, conversationId) = await PairAsync();

        var accepted = await jeanne.PostTextAsync(conversationId, new string('é', 3999) + "😊");
        var rejected = await jeanne.PostTextAsync(conversationId, new string('a', 4001));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var problem = await rejected.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("trop long", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Conversation_is_hidden_from_others()
    {
        var (_, conversationId) = await PairAsync();
        var stranger = host.Resident(await host.ResidentLivingHereAsync());
        var otherResidence = host.ClientFor(Roles.ActivityCoordinator, BonSecoursHost.ResidenceB);

        var strangerRead = await stranger.GetAsync($"/api/v1/conversations/{conversationId}/messages");
        var strangerPost = await stranger.PostTextAsync(conversationId, "Bonjour");
        var otherResidenceRead = await otherResidence.GetAsync($"/api/v1/conversations/{conversationId}/messages");
        var unknown = await stranger.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/messages");

        await strangerRead.ProblemAsync(HttpStatusCode.Forbidden);
        await strangerPost.ProblemAsync(HttpStatusCode.Forbidden);
        await otherResidenceRead.ProblemAsync(HttpStatusCode.NotFound);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_checks_role_and_recipient()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var jeanne = host.Resident(jeanneId);
        var researcher = host.ClientFor(Roles.Researcher);

        var byResearcher = await researcher.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = jeanneId } });
        var unknownResident = await jeanne.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = Guid.NewGuid() } });
        var unconsentedCaregiver = await jeanne.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "caregiver", id = Guid.NewGuid() } });
        var malformed = await jeanne.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = "pas-un-id" } });
        var self = await jeanne.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = jeanneId } });

        await byResearcher.ProblemAsync(HttpStatusCode.Forbidden);
        await unknownResident.ProblemAsync(HttpStatusCode.NotFound);
        await unconsentedCaregiver.ProblemAsync(HttpStatusCode.Forbidden);
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        await self.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task One_to_one_is_found_again()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();

        var first = await host.Resident(jeanneId).StartWithResidentAsync(lucasId);
        var second = await host.Resident(lucasId).StartWithResidentAsync(jeanneId);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Cursor_paging_survives_concurrent_posts()
    {
        var (jeanne, conversationId) = await PairAsync();
        for (var index = 0; index < 30; index++)
        {
            await jeanne.PostTextOkAsync(conversationId, $"avant {index}");
        }

        var writer = Task.Run(async () =>
        {
            for (var index = 0; index < 40; index++)
            {
                await jeanne.PostTextOkAsync(conversationId, $"pendant {index}");
            }
        });
        var seen = new List<long>();
        var cursor = "0";
        while (true)
        {
            var writerDone = writer.IsCompleted;
            var page = await jeanne.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?after={cursor}&limit=7");
            var items = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt64()).ToList();
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (items.Count == 0 && writerDone)
            {
                break;
            }
        }

        await writer;
        Assert.Equal(Enumerable.Range(1, 70).Select(value => (long)value), seen);
    }

    [Fact]
    public async Task Paging_backwards_returns_each_message_once()
    {
        var (jeanne, conversationId) = await PairAsync();
        for (var index = 0; index < 12; index++)
        {
            await jeanne.PostTextOkAsync(conversationId, $"message {index}");
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "limit=5" : $"before={cursor}&limit=5";
            var page = await jeanne.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?{query}");
            var items = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(items.Order(), items);
            seen.InsertRange(0, items);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 12).Select(value => (long)value), seen);
        var invalid = await jeanne.GetAsync($"/api/v1/conversations/{conversationId}/messages?before=abc");
        await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = await jeanne.GetAsync($"/api/v1/conversations/{conversationId}/messages?limit=1000");
        await tooMany.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unread_count_is_shared_by_devices()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var conversationId = await host.Resident(jeanneId).StartWithResidentAsync(lucasId);
        var lucas = host.Resident(lucasId);
        for (var index = 0; index < 3; index++)
        {
            await lucas.PostTextOkAsync(conversationId, $"coucou {index}");
        }

        var tablet = host.Resident(jeanneId);
        var phone = host.Resident(jeanneId);
        Assert.Equal(3, (await tablet.ConversationAsync(conversationId)).GetProperty("unreadCount").GetInt64());

        var marked = await tablet.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/read", new { upToSequence = 2 });
        var backwards = await phone.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/read", new { upToSequence = 1 });

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(2, (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readUpToSequence").GetInt64());
        var onPhone = await phone.ConversationAsync(conversationId);
        Assert.Equal(1, onPhone.GetProperty("unreadCount").GetInt64());
        Assert.Equal("coucou 2", onPhone.GetProperty("lastMessage").GetProperty("preview").GetString());
        Assert.Equal(1, (await tablet.ConversationAsync(conversationId)).GetProperty("unreadCount").GetInt64());
        Assert.Equal(0, (await lucas.ConversationAsync(conversationId)).GetProperty("unreadCount").GetInt64());
        var missing = await phone.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/read", new { });
        await missing.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Concurrent_read_marks_keep_largest()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var conversationId = await host.Resident(jeanneId).StartWithResidentAsync(lucasId);
        var lucas = host.Resident(lucasId);
        for (var index = 0; index < 12; index++)
        {
            await lucas.PostTextOkAsync(conversationId, $"message {index}");
        }

        // Twelve devices mark at once, each up to a different message, starting from no position at all.
        var devices = Enumerable.Range(1, 12).Select(_ => host.Resident(jeanneId)).ToList();
        var marks = await Task.WhenAll(devices.Select((device, index) =>
            device.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/read", new { upToSequence = index + 1 })));

        Assert.All(marks, mark => Assert.Equal(HttpStatusCode.OK, mark.StatusCode));
        var conversation = await devices[0].ConversationAsync(conversationId);
        Assert.Equal(0, conversation.GetProperty("unreadCount").GetInt64());
    }

    [Fact]
    public async Task Blocked_person_cannot_write()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var jeanne = host.Resident(jeanneId);
        var lucas = host.Resident(lucasId);
        var conversationId = await lucas.StartWithResidentAsync(jeanneId);

        var block = await jeanne.PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = lucasId } });
        var post = await lucas.PostTextAsync(conversationId, "Tu es là ?");
        var start = await lucas.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = jeanneId } });
        var byStaff = await host.ClientFor(Roles.CareStaff).PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = lucasId } });

        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Contains("pas écrire", (await post.ProblemAsync(HttpStatusCode.Forbidden)).Text("detail"));
        await start.ProblemAsync(HttpStatusCode.Forbidden);
        await byStaff.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Blocks_listed_guarded_and_lifted()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasGuid = await host.ResidentLivingHereAsync();
        var (jeanne, lucas) = (host.Resident(jeanneId), host.Resident(lucasGuid));
        var conversationId = await jeanne.StartWithResidentAsync(lucasGuid);
        var lucasId = lucasGuid.ToString();

        var staff = await jeanne.PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "staff", id = "animatrice" } });
        var unknown = await jeanne.PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = Guid.NewGuid() } });
        var blocked = await jeanne.PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = lucasId } });
        var list = await jeanne.GetJsonAsync("/api/v1/blocks");
        var whileBlocked = await lucas.PostTextAsync(conversationId, "Tu m'entends ?");
        var lifted = await jeanne.DeleteAsync($"/api/v1/blocks/resident/{lucasId}");
        var liftedAgain = await jeanne.DeleteAsync($"/api/v1/blocks/resident/{lucasId}");
        var badKind = await jeanne.DeleteAsync($"/api/v1/blocks/staff/animatrice");
        var afterLift = await lucas.PostTextAsync(conversationId, "Et maintenant ?");

        await staff.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal(lucasId, list.EnumerateArray().Single().GetProperty("blocked").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(list.EnumerateArray().Single().GetProperty("blocked").GetProperty("displayName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, whileBlocked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, liftedAgain.StatusCode);
        await badKind.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, afterLift.StatusCode);
        Assert.Empty((await jeanne.GetJsonAsync("/api/v1/blocks")).EnumerateArray());
    }

    [Fact]
    public async Task Report_reaches_coordinators()
    {
        var (jeanne, lucas, conversationId) = await PairWithBothAsync();
        var message = await lucas.PostTextOkAsync(conversationId, "Message à signaler");
        var messageId = message.GetProperty("id").GetGuid();
        var own = await jeanne.PostTextOkAsync(conversationId, "Mon message");

        var report = await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{messageId}/report", new { reason = "Propos blessants" });
        var again = await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{messageId}/report", new { reason = "Encore" });
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            lucas.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{own.GetProperty("id").GetGuid()}/report", new { reason = "En même temps" })));
        var ownReport = await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{own.GetProperty("id").GetGuid()}/report", new { reason = "Oups" });
        var empty = await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{messageId}/report", new { reason = " " });
        var unknown = await jeanne.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages/{Guid.NewGuid()}/report", new { reason = "x" });
        var byResident = await jeanne.GetAsync("/api/v1/message-reports");
        var reports = await host.ClientFor(Roles.ActivityCoordinator).GetJsonAsync("/api/v1/message-reports");

        var reportId = (await report.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(reportId, repeated.GetProperty("id").GetGuid());
        Assert.Equal("Propos blessants", repeated.GetProperty("reason").GetString());
        await ownReport.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var racingIds = await Task.WhenAll(racing.Select(async response => (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid()));
        Assert.Single(racingIds.Distinct());
        await empty.ProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        await byResident.ProblemAsync(HttpStatusCode.Forbidden);
        var listed = reports.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("messageId").GetGuid() == messageId);
        Assert.Equal(reportId, listed.GetProperty("id").GetGuid());
        Assert.Equal("Propos blessants", listed.GetProperty("reason").GetString());
        Assert.Equal("Message à signaler", listed.GetProperty("messageText").GetString());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("sender").GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Reports_page_and_resolve()
    {
        var (jeanne, lucas, conversationId) = await PairWithBothAsync();
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);
        var reportIds = new List<Guid>();
        for (var index = 0; index < 5; index++)
        {
            var message = await lucas.PostTextOkAsync(conversationId, $"Message {index}");
            var report = await jeanne.PostAsJsonAsync(
                $"/api/v1/conversations/{conversationId}/messages/{message.GetProperty("id").GetGuid()}/report", new { reason = $"Raison {index}" });
            reportIds.Add((await report.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        // Pages of two, newest first, until the cursor runs out, with one report resolved meanwhile.
        var seen = new List<Guid>();
        string? before = null;
        do
        {
            var path = "/api/v1/message-reports?status=all&limit=2" + (before is null ? string.Empty : $"&before={Uri.EscapeDataString(before)}");
            var page = await coordinator.GetJsonAsync(path);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetString();
            if (seen.Count == 2)
            {
                await jeanne.PostTextOkAsync(conversationId, "Un message de plus");
            }
        }
        while (before is not null);

        var resolved = await coordinator.PostAsJsonAsync($"/api/v1/message-reports/{reportIds[0]}/resolve", new { resolution = "J'ai parlé avec les deux personnes." });
        var again = await coordinator.PostAsJsonAsync($"/api/v1/message-reports/{reportIds[0]}/resolve", new { resolution = "Autre note" });
        var byResident = await jeanne.PostAsJsonAsync($"/api/v1/message-reports/{reportIds[1]}/resolve", new { });
        var unknown = await coordinator.PostAsJsonAsync($"/api/v1/message-reports/{Guid.NewGuid()}/resolve", new { });
        var badStatus = await coordinator.GetAsync("/api/v1/message-reports?status=closed");
        var badLimit = await coordinator.GetAsync("/api/v1/message-reports?limit=0");
        var waiting = await coordinator.GetJsonAsync("/api/v1/message-reports?limit=200");

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.All(reportIds, reportId => Assert.Contains(reportId, seen));
        Assert.Equal(reportIds.AsEnumerable().Reverse(), seen.Where(reportIds.Contains));
        Assert.Equal("J'ai parlé avec les deux personnes.", (await resolved.JsonAsync(HttpStatusCode.OK)).GetProperty("resolution").GetString());
        Assert.Equal("J'ai parlé avec les deux personnes.", (await again.JsonAsync(HttpStatusCode.OK)).GetProperty("resolution").GetString());
        await byResident.ProblemAsync(HttpStatusCode.Forbidden);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        await badStatus.ProblemAsync(HttpStatusCode.BadRequest);
        await badLimit.ProblemAsync(HttpStatusCode.BadRequest);
        var waitingIds = waiting.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(reportIds[0], waitingIds);
        Assert.Contains(reportIds[1], waitingIds);
    }

    [Fact]
    public async Task Moved_out_resident_reads_only()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var jeanne = host.Resident(jeanneId);
        var conversationId = await jeanne.StartWithResidentAsync(lucasId);
        await jeanne.PostTextOkAsync(conversationId, "Au revoir !");
        var admin = host.ClientFor(Roles.Administrator);
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.PostAsJsonAsync($"/api/v1/residents/{jeanneId}/move-out", new { moveOutDate = "2026-01-31" })));

        var post = await jeanne.PostTextAsync(conversationId, "Encore moi");
        var history = await jeanne.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");

        Assert.Equal("Cette conversation est en lecture seule.", (await post.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
        Assert.Single(history.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Stream_delivers_to_other_participant()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var conversationId = await host.Resident(jeanneId).StartWithResidentAsync(lucasId);
        var stranger = host.Resident(await host.ResidentLivingHereAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var lucasStream = await OpenStreamAsync(host.Resident(lucasId), timeout.Token);
        using var strangerStream = await OpenStreamAsync(stranger, timeout.Token);

        await host.Resident(jeanneId).PostTextOkAsync(conversationId, "Bonjour Lucas 👋");
        var data = await ReadEventAsync(lucasStream, "message-posted", timeout.Token);
        await stranger.PostTextAsync(await stranger.StartWithResidentAsync(jeanneId), "Message pour vérifier l'ordre");
        var strangerData = await ReadEventAsync(strangerStream, "message-posted", timeout.Token);

        Assert.Equal(conversationId, data.GetProperty("conversationId").GetGuid());
        Assert.Equal("Bonjour Lucas 👋", data.GetProperty("text").GetString());
        Assert.Equal(1, data.GetProperty("sequence").GetInt64());
        Assert.Equal(jeanneId.ToString(), data.GetProperty("sender").GetProperty("id").GetString());
        Assert.NotEqual(conversationId, strangerData.GetProperty("conversationId").GetGuid());
    }

    [Fact]
    public async Task Voice_message_round_trip_and_limits()
    {
        var (jeanne, conversationId) = await PairAsync();
        var audio = Enumerable.Range(0, 50_000).Select(value => (byte)value).ToArray();
        var stranger = host.Resident(await host.ResidentLivingHereAsync());

        var posted = await PostVoiceAsync(jeanne, conversationId, audio, "audio/ogg; codecs=opus", 30);
        var message = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var path = $"/api/v1/conversations/{conversationId}/voice-messages/{message.GetProperty("id").GetGuid()}";
        var download = await jeanne.GetAsync(path);
        var byStranger = await stranger.GetAsync(path);
        var tooLarge = await PostVoiceAsync(jeanne, conversationId, new byte[1024 * 1024 + 1], "audio/webm", 30);
        var tooLong = await PostVoiceAsync(jeanne, conversationId, audio, "audio/webm", 121);
        var wrongType = await PostVoiceAsync(jeanne, conversationId, audio, "video/mp4", 30);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(message.GetProperty("isVoice").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("audio/ogg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audio, await download.Content.ReadAsByteArrayAsync());
        await byStranger.ProblemAsync(HttpStatusCode.Forbidden);
        await tooLarge.ProblemAsync(HttpStatusCode.BadRequest);
        await tooLong.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }

    [Fact]
    public async Task Coordinator_conversation_reaches_all_coordinators()
    {
        var jeanne = host.Resident(await host.ResidentLivingHereAsync());

        var opened = await jeanne.PostAsync("/api/v1/conversations/coordinator", null);
        var again = await jeanne.PostAsync("/api/v1/conversations/coordinator", null);
        var conversationId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await jeanne.PostTextOkAsync(conversationId, "J'ai une question.");
        var animatrice = host.ClientFor(Roles.ActivityCoordinator);
        var otherCoordinator = host.CreateClient().WithToken(TestTokens.For(Roles.ActivityCoordinator, BonSecoursHost.ResidenceA, userId: "coordinatrice-2"));
        var byCaregiver = await host.ClientFor(Roles.Caregiver, personId: Guid.NewGuid().ToString()).PostAsync("/api/v1/conversations/coordinator", null);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await animatrice.ConversationAsync(conversationId)).GetProperty("unreadCount").GetInt64());
        await animatrice.PostTextOkAsync(conversationId, "Je vous écoute.");
        Assert.Equal(2, (await otherCoordinator.ConversationAsync(conversationId)).GetProperty("unreadCount").GetInt64());
        await byCaregiver.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Coordinator_manages_group_members()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var animatrice = host.ClientFor(Roles.ActivityCoordinator);

        var created = await animatrice.PostAsJsonAsync("/api/v1/conversations/groups",
            new { title = "Club tricot", participants = new[] { new { kind = "resident", id = jeanneId } } });
        var groupId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var byResident = await host.Resident(jeanneId).PostAsJsonAsync($"/api/v1/conversations/{groupId}/participants", new { participant = new { kind = "resident", id = lucasId } });
        var noTitle = await animatrice.PostAsJsonAsync("/api/v1/conversations/groups", new { title = "", participants = Array.Empty<object>() });
        var added = await animatrice.PostAsJsonAsync($"/api/v1/conversations/{groupId}/participants", new { participant = new { kind = "resident", id = lucasId } });
        var lucasPost = await host.Resident(lucasId).PostTextAsync(groupId, "Merci !");
        var removed = await animatrice.DeleteAsync($"/api/v1/conversations/{groupId}/participants/resident/{jeanneId}");
        var jeannePost = await host.Resident(jeanneId).PostTextAsync(groupId, "Et moi ?");
        var otherResidence = await host.ClientFor(Roles.ActivityCoordinator, BonSecoursHost.ResidenceB)
            .PostAsJsonAsync($"/api/v1/conversations/{groupId}/participants", new { participant = new { kind = "resident", id = lucasId } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await byResident.ProblemAsync(HttpStatusCode.Forbidden);
        await noTitle.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, lucasPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        await jeannePost.ProblemAsync(HttpStatusCode.Forbidden);
        await otherResidence.ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Jeanne, Guid ConversationId)> PairAsync()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var jeanne = host.Resident(jeanneId);
        return (jeanne, await jeanne.StartWithResidentAsync(lucasId));
    }

    private async Task<(HttpClient Jeanne, HttpClient Lucas, Guid ConversationId)> PairWithBothAsync()
    {
        var jeanneId = await host.ResidentLivingHereAsync();
        var lucasId = await host.ResidentLivingHereAsync();
        var jeanne = host.Resident(jeanneId);
        return (jeanne, host.Resident(lucasId), await jeanne.StartWithResidentAsync(lucasId));
    }

    private static Task<HttpResponseMessage> PostVoiceAsync(HttpClient client, Guid conversationId, byte[] audio, string contentType, int durationSeconds)
    {
        var content = new ByteArrayContent(audio);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return client.PostAsync($"/api/v1/conversations/{conversationId}/voice-messages?durationSeconds={durationSeconds}", content);
    }

    private static async Task<StreamReader> OpenStreamAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/conversations/stream"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        await ReadEventAsync(reader, "connected", cancellationToken);
        return reader;
    }

    /// <summary>Reads server-sent events until one of the given type arrives, and returns its data.</summary>
    private static async Task<JsonElement> ReadEventAsync(StreamReader reader, string type, CancellationToken cancellationToken)
    {
        string? current = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == type)
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        throw new Xunit.Sdk.XunitException($"The stream ended before a {type} event.");
    }
}
