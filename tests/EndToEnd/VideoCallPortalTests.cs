using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// Video calls through the portal's own screen: Chromium's fake camera and microphone, WebRTC
// on 127.0.0.1 only (PortalServer.LoopbackWebRtcScript), and no STUN or TURN server.
public sealed partial class PortalTests
{
    private static readonly PageWaitForFunctionOptions WithinConnection = new() { Timeout = 30_000 };

    /// <summary>Lucas's entry in Jeanne's list of contacts, labelled with his community display name.</summary>
    private static readonly Regex LucasEntryTitle = new("^Lucas D\\.$");

    [Fact]
    public async Task Video_call_shows_both_people()
    {
        var (lucas, lucasErrors) = await OpenVideoCallsAsync("lucas", "Bonjour Lucas");
        var (jeanne, jeanneErrors) = await OpenVideoCallsAsync("jeanne", "Bonjour Jeanne");
        var lucasEntry = LucasEntry(jeanne);

        await lucasEntry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("Ça sonne. On attend que la personne décroche.");
        await Assertions.Expect(jeanne.GetByLabel("Votre image", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("Jeanne L. vous appelle.", new() { Timeout = 15_000 });
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Décrocher" }).ClickAsync();

        foreach (var page in new[] { jeanne, lucas })
        {
            await page.WaitForFunctionAsync("() => window.testPeers.at(-1)?.connectionState === 'connected'", null, WithinConnection);
            await page.WaitForFunctionAsync("() => document.querySelector('video.call-video-remote').videoWidth > 0", null, WithinConnection);
            var startTime = await page.EvaluateAsync<double>("() => document.querySelector('video.call-video-remote').currentTime");
            await page.WaitForFunctionAsync(
                "(startTime) => document.querySelector('video.call-video-remote').currentTime > startTime + 0.5", startTime, WithinConnection);
            await Assertions.Expect(page.Locator(".call-media-status")).ToHaveTextAsync("Vous vous voyez et vous vous entendez.");
            await Assertions.Expect(page.Locator(".call-state")).ToHaveTextAsync("Vous êtes en communication.");
        }

        // Chromium leaves the address of a peer-reflexive candidate empty, so those are skipped.
        var addresses = await lucas.EvaluateAsync<string[]>("""
            async () => {
              const reports = [...(await window.testPeers.at(-1).getStats()).values()];
              const byId = new Map(reports.map(report => [report.id, report]));
              const transport = reports.find(report => report.type === 'transport');
              const pair = byId.get(transport.selectedCandidatePairId);
              const signalled = reports.filter(report => report.type === 'remote-candidate' && report.candidateType !== 'prflx');
              return [byId.get(pair.localCandidateId).address, ...signalled.map(report => report.address)];
            }
            """);
        Assert.True(addresses.Length >= 2, $"Expected the selected local candidate and at least one signalled remote candidate, got {addresses.Length}.");
        Assert.All(addresses, address => Assert.Equal("127.0.0.1", address));
        Assert.False(await jeanne.EvaluateAsync<bool>("() => document.querySelector('video.call-video-remote').muted"));
        Assert.True(await jeanne.EvaluateAsync<bool>("() => document.querySelector('video.call-video-local').muted"));
        await Accessibility.AssertAccessibleAsync(jeanne, "video call in progress");
        await Assertions.Expect(jeanne.Locator(".card").Filter(new() { HasText = "Appel en cours" })).Not.ToContainTextAsync("null");

        await lucasEntry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Alert).Filter(new() { HasText = "déjà un appel" }))
            .ToHaveTextAsync("Vous avez déjà un appel en cours. Terminez-le d'abord, puis appelez de nouveau.");
        await Assertions.Expect(jeanne.Locator(".call-media-status")).ToHaveTextAsync("Vous vous voyez et vous vous entendez.");

        Assert.Equal(1, await jeanne.EvaluateAsync<int>("() => window.testLocalTracks.filter(track => track.kind === 'audio').length"));
        var microphone = jeanne.GetByRole(AriaRole.Button, new() { Name = "Couper le micro" });
        await Assertions.Expect(microphone).ToHaveAttributeAsync("aria-pressed", "false");
        await microphone.ClickAsync();
        var unmute = jeanne.GetByRole(AriaRole.Button, new() { Name = "Remettre le micro" });
        await Assertions.Expect(unmute).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await jeanne.EvaluateAsync<bool>(
            "() => window.testLocalTracks.filter(track => track.kind === 'audio').every(track => !track.enabled)"));
        Assert.True(await jeanne.EvaluateAsync<bool>(
            "() => window.testLocalTracks.filter(track => track.kind === 'video').every(track => track.enabled)"));

        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Couper la caméra" }).ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Remettre la caméra" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await jeanne.EvaluateAsync<bool>(
            "() => window.testLocalTracks.filter(track => track.kind === 'video').every(track => !track.enabled)"));
        await Accessibility.AssertAccessibleAsync(jeanne, "video call with microphone and camera off");

        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Raccrocher" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.");
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.", new() { Timeout = 15_000 });

        foreach (var page in new[] { jeanne, lucas })
        {
            Assert.True(await page.EvaluateAsync<int>("() => window.testLocalTracks.length") >= 2);
            Assert.True(await page.EvaluateAsync<bool>("() => window.testLocalTracks.every(track => track.readyState === 'ended')"));
            Assert.Equal("closed", await page.EvaluateAsync<string>("() => window.testPeers.at(-1).connectionState"));
            await Assertions.Expect(page.GetByLabel("Votre image", new() { Exact = true })).ToBeHiddenAsync();
        }

        Assert.Empty(jeanneErrors);
        Assert.Empty(lucasErrors);
    }

    [Fact]
    public async Task Video_call_ends_when_page_left()
    {
        var (lucas, _) = await OpenVideoCallsAsync("lucas", "Bonjour Lucas");
        var (jeanne, _) = await OpenVideoCallsAsync("jeanne", "Bonjour Jeanne");

        // Lucas goes back to the home screen: the screen hangs up and stops his camera.
        await ConnectCallAsync(jeanne, lucas);
        await lucas.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.", new() { Timeout = 15_000 });
        Assert.True(await lucas.EvaluateAsync<bool>("() => window.testLocalTracks.every(track => track.readyState === 'ended')"));
        Assert.True(await jeanne.EvaluateAsync<bool>("() => window.testLocalTracks.every(track => track.readyState === 'ended')"));

        // Jeanne reloads her page in a second call: the hang-up still reaches the Host.
        await lucas.GetByRole(AriaRole.Link, new() { Name = "Appels vidéo" }).ClickAsync();
        await Assertions.Expect(lucas.Locator("li.card").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ConnectCallAsync(jeanne, lucas);
        await jeanne.ReloadAsync();
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.", new() { Timeout = 15_000 });
        Assert.True(await lucas.EvaluateAsync<bool>("() => window.testLocalTracks.every(track => track.readyState === 'ended')"));
        Assert.Equal("closed", await lucas.EvaluateAsync<string>("() => window.testPeers.at(-1).connectionState"));
    }

    [Fact]
    public async Task Video_call_failure_offers_hang_up()
    {
        var (lucas, _) = await OpenVideoCallsAsync("lucas", "Bonjour Lucas");
        var (jeanne, _) = await OpenVideoCallsAsync("jeanne", "Bonjour Jeanne");
        await ConnectCallAsync(jeanne, lucas);

        // A real ICE failure waits for connectivity checks to time out, so the test sets the state itself.
        await jeanne.EvaluateAsync("""
            () => {
              const peer = window.testPeers.at(-1);
              Object.defineProperty(peer, 'connectionState', { value: 'failed' });
              peer.dispatchEvent(new Event('connectionstatechange'));
            }
            """);

        var failure = jeanne.GetByRole(AriaRole.Alert).Filter(new() { HasText = "connexion" });
        await Assertions.Expect(failure).ToHaveTextAsync(new Regex("^La connexion avec l'autre tablette ne marche pas\\..*Appuyez sur « Raccrocher », puis appelez de nouveau\\.$"));
        await Assertions.Expect(jeanne.Locator(".call-media-status")).ToBeEmptyAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "video call with failed connection");

        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Raccrocher" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.");
        await Assertions.Expect(failure).ToHaveCountAsync(0);
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.", new() { Timeout = 15_000 });
    }

    [Theory]
    [InlineData("NotAllowedError", "^La tablette n'a pas le droit d'utiliser la caméra ou le micro\\. Autorisez")]
    [InlineData("NotFoundError", "^La tablette ne trouve pas de caméra ou de micro\\. Vérifiez")]
    public async Task Video_call_explains_device_error(string errorName, string expectedMessage)
    {
        var (jeanne, errors) = await OpenVideoCallsAsync("jeanne", "Bonjour Jeanne", $$"""
            navigator.mediaDevices.getUserMedia = async () => {
              throw new DOMException('The test rejects media devices.', '{{errorName}}');
            };
            """);

        await jeanne.Locator("li.card").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();

        await Assertions.Expect(jeanne.GetByRole(AriaRole.Alert).Filter(new() { HasText = "caméra" })).ToHaveTextAsync(new Regex(expectedMessage));
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("L'appel n'est pas parti.");
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Raccrocher" })).ToHaveCountAsync(0);
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Couper le micro" })).ToBeHiddenAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, $"video call with {errorName}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Incoming_call_reaches_other_screen()
    {
        var lucas = await server.NewPageAsync();
        await lucas.GotoAsync("/");
        await SignInAsync(lucas, "lucas", "demo");
        await lucas.GetByRole(AriaRole.Link, new() { Name = "Agenda partagé" }).ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Agenda partagé", Level = 1 })).ToBeVisibleAsync();
        var (jeanne, jeanneErrors) = await OpenVideoCallsAsync("jeanne", "Bonjour Jeanne");

        // Lucas is reading the agenda when Jeanne calls: the notice takes him to the calls screen.
        await LucasEntry(jeanne).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        var notice = lucas.Locator("#appel-entrant");
        await Assertions.Expect(notice).ToContainTextAsync("Jeanne L. vous appelle en vidéo.", new() { Timeout = 15_000 });
        await Accessibility.AssertAccessibleAsync(lucas, "agenda with incoming call");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Répondre" }).ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Appels vidéo", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToBeHiddenAsync();
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("Jeanne L. vous appelle.");
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Décrocher" }).ClickAsync();
        await jeanne.WaitForFunctionAsync("() => window.testPeers.at(-1)?.connectionState === 'connected'", null, WithinConnection);

        // Once Jeanne hangs up, both histories list the call with its duration, which counts whole
        // seconds, so the call first lasts over one second of played picture.
        await jeanne.WaitForFunctionAsync("() => document.querySelector('video.call-video-remote').currentTime > 1.5", null, WithinConnection);
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Raccrocher" }).ClickAsync();
        var jeanneHistory = jeanne.GetByRole(AriaRole.List, new() { Name = "Vos derniers appels" });
        await Assertions.Expect(jeanneHistory.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Vous avez appelé Lucas D.");
        await Assertions.Expect(jeanneHistory.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("durée");
        var lucasHistory = lucas.GetByRole(AriaRole.List, new() { Name = "Vos derniers appels" });
        await Assertions.Expect(lucasHistory.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Jeanne L. vous a appelé", new() { Timeout = 15_000 });
        await Accessibility.AssertAccessibleAsync(lucas, "video calls with history");
        Assert.Empty(jeanneErrors);
    }

    private static ILocator LucasEntry(IPage jeanne) =>
        jeanne.GetByRole(AriaRole.List, new() { Name = "Les personnes à appeler" }).Locator("li.card")
            .Filter(new() { Has = jeanne.Locator("p.conversation-title", new() { HasTextRegex = LucasEntryTitle }) });

    /// <summary>Has Jeanne call Lucas from their open « Appels vidéo » screens and waits until both peer connections connect.</summary>
    private static async Task ConnectCallAsync(IPage jeanne, IPage lucas)
    {
        await LucasEntry(jeanne).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Décrocher" }).ClickAsync(new() { Timeout = 15_000 });
        await jeanne.WaitForFunctionAsync("() => window.testPeers.at(-1)?.connectionState === 'connected'", null, WithinConnection);
        await lucas.WaitForFunctionAsync("() => window.testPeers.at(-1)?.connectionState === 'connected'", null, WithinConnection);
    }

    /// <summary>
    /// Signs a demo account in and opens « Appels vidéo ». Returns the page and the console
    /// errors it logs from the start, which include every Content-Security-Policy violation.
    /// <paramref name="initScript"/> runs in the page before the portal, after the fixture's own.
    /// </summary>
    private async Task<(IPage Page, List<string> ConsoleErrors)> OpenVideoCallsAsync(string username, string greeting, string? initScript = null)
    {
        var page = await server.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        if (initScript is not null)
        {
            await page.Context.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync("/");
        await SignInAsync(page, username, "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = greeting, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Appels vidéo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appels vidéo", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.card").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return (page, errors);
    }
}
