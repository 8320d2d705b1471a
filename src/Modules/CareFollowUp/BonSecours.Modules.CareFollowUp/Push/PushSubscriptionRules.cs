using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace BonSecours.Modules.CareFollowUp.Push;

internal static class PushSubscriptionRules
{
    /// <summary>Staff and caregivers may receive push alerts; residents use their tablet instead.</summary>
    public static void RequireSubscriber(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(ClaimNames.Residence)
            .RequireClaim(ClaimNames.Role,
                Roles.Administrator, Roles.ActivityCoordinator, Roles.CareStaff, Roles.OnCall, Roles.KioskStaff,
                Roles.ConnectedHomeAmbassador, Roles.Caregiver);

    public static Guid IdOf(string endpoint) => DeterministicGuid.Create("push-subscription", endpoint);

    /// <summary>
    /// Accepts an absolute https URL. Plain http is accepted only on the loopback host, so a
    /// test can run its own push service; a real push service always uses https.
    /// </summary>
    public static bool IsAcceptedEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && uri.Host is "127.0.0.1" or "localhost"));

    public static IRuleBuilderOptions<T, string> MustBeAPushEndpoint<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MaximumLength(2048)
            .Must(IsAcceptedEndpoint)
            .Says("L'adresse d'abonnement doit être une adresse https complète.", "The subscription endpoint must be an absolute https URL.")
            .Named("adresse d'abonnement", "endpoint");

    /// <summary>Checks a base64url value decodes to exactly <paramref name="length"/> bytes.</summary>
    public static bool HasDecodedLength(string? value, int length)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(value).Length == length;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
