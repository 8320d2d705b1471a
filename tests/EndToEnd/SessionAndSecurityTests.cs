using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// Token expiry warnings and the Content-Security-Policy, checked in the browser.
public sealed partial class PortalTests
{
    // The portal checks the session every 5 seconds, so a moved clock shows within this time.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinSessionCheck = new() { Timeout = 15_000 };

    [Fact]
    public async Task Expiry_banner_then_sign_in_message()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "famille", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Sophie" })).ToBeVisibleAsync();
        var warning = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre session se termine bientôt." });
        await Assertions.Expect(warning).ToHaveCountAsync(0);

        await MoveClockToExpiryAsync(page, TimeSpan.FromMinutes(-5));

        await Assertions.Expect(warning).ToBeVisibleAsync(WithinSessionCheck);
        await Assertions.Expect(warning.GetByRole(AriaRole.Button, new() { Name = "Me reconnecter" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "home with expiry warning");

        await MoveClockToExpiryAsync(page, TimeSpan.FromMinutes(1));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue" })).ToBeVisibleAsync(WithinSessionCheck);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Votre session est terminée. Connectez-vous de nouveau.");
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAsync(page, "sign-in after expiry");
    }

    [Fact]
    public async Task Expiry_banner_button_signs_in_again()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "jeanne", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();

        await MoveClockToExpiryAsync(page, TimeSpan.FromMinutes(-9));
        await page.GetByRole(AriaRole.Button, new() { Name = "Me reconnecter" }).ClickAsync(new() { Timeout = 15_000 });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { delete window.__bonsecoursNow; }");
        await SignInAsync(page, "jeanne", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Me reconnecter" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Portal_runs_under_strict_csp()
    {
        var page = await server.NewPageAsync();
        var consoleProblems = CollectCspConsoleMessages(page);
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener("securitypolicyviolation", event =>
              window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
            """);

        var response = await page.GotoAsync("/");

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'self';", headers["content-security-policy"]);
        Assert.Contains("style-src 'self';", headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);

        await SignInAsync(page, "jeanne", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon profil" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await SignInAsync(page, "famille", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jeanne Lefèvre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeanne Lefèvre", Level = 1 })).ToBeVisibleAsync();

        Assert.Empty(consoleProblems);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }

    [Fact]
    public async Task Api_docs_load_under_their_csp()
    {
        var page = await server.NewPageAsync();
        var consoleProblems = CollectCspConsoleMessages(page);

        var response = await page.GotoAsync("/api-docs/");

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("default-src 'self'", headers["content-security-policy"]);
        Assert.Contains("connect-src 'self'", headers["content-security-policy"]);
        await Assertions.Expect(page).ToHaveTitleAsync("BonSecours API");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BonSecours.Host | v1", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résidence", Level = 2 })).ToBeVisibleAsync();
        Assert.Empty(consoleProblems);
    }

    private static List<string> CollectCspConsoleMessages(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (problems)
                {
                    problems.Add(message.Text);
                }
            }
        };
        return problems;
    }

    // Moves the portal's clock to the token's expiry plus the given offset (negative for before it).
    private static Task MoveClockToExpiryAsync(IPage page, TimeSpan offset) =>
        page.EvaluateAsync("""
            offset => {
              const session = JSON.parse(sessionStorage.getItem("bonsecours.session"));
              const moved = Date.parse(session.expiresAt) + offset;
              window.__bonsecoursNow = () => moved;
            }
            """, offset.TotalMilliseconds);
}
