using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

/// <summary>Accessibility checks run on every portal screen.</summary>
internal static class Accessibility
{
    private const int MinimumTarget = 44;

    public static async Task AssertNoAxeViolationsAsync(IPage page, string screen)
    {
        var result = await page.RunAxe();

        var violations = result.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(node => node.Target.ToString()))})");
        Assert.True(result.Violations.Length == 0, $"axe-core violations on the {screen} screen:\n{string.Join("\n", violations)}");
    }

    /// <summary>Checks that every visible input has a label and every visible control is at least 44x44 CSS pixels.</summary>
    public static async Task AssertLabelsAndTouchTargetsAsync(IPage page, string screen)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter(input => input.type !== 'hidden' && input.labels.length === 0)
              .map(input => input.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"Inputs without a label on the {screen} screen: {string.Join(", ", unlabelled)}");

        var tooSmall = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
              .filter(element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
              .map(element => ({ element, box: element.getBoundingClientRect() }))
              .filter(({ box }) => box.width < {{MinimumTarget}} || box.height < {{MinimumTarget}})
              .map(({ element, box }) => `${element.tagName} "${element.textContent.trim() || element.id}" ${box.width}x${box.height}`)
            """);
        Assert.True(tooSmall.Length == 0, $"Touch targets under {MinimumTarget}x{MinimumTarget} on the {screen} screen: {string.Join(", ", tooSmall)}");
    }

    public static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        await AssertNoAxeViolationsAsync(page, screen);
        await AssertLabelsAndTouchTargetsAsync(page, screen);
    }
}
