using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Demo;
using FluentValidation;

namespace BonSecours.Host.Auth;

internal sealed record TokenRequest(string Username, string Password, string? Residence);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string Role, string DisplayName, string? PersonId, string Residence);

/// <summary>
/// Development only: signs in the demo accounts, all with the password "demo". Staff
/// accounts may name another residence to work in; residents and caregivers belong to the
/// demo residence.
/// </summary>
internal static class DemoTokenEndpoint
{
    public const string DemoPassword = "demo";

    private static readonly (string Username, string DisplayName, string Role)[] StaffAccounts =
    [
        ("admin", "Administratrice du bailleur", Roles.Administrator),
        ("animatrice", "Camille, animatrice intergénérationnelle", Roles.ActivityCoordinator),
        ("soignant", "Karim, aide-soignant", Roles.CareStaff),
        ("astreinte", "Nadia, cadre d'astreinte", Roles.OnCall),
        ("kiosque", "Théo, équipe du kiosque", Roles.KioskStaff),
        ("ambassadeur", "Julien, ambassadeur de l'habitat connecté", Roles.ConnectedHomeAmbassador),
        ("chercheur", "Dr Martin, laboratoire des usages", Roles.Researcher),
        ("auditeur", "Auditeur", Roles.Auditor),
    ];

    public static void Map(IEndpointRouteBuilder api, string demoResidence) =>
        api.MapPost("/auth/token", (TokenRequest request, ITokenIssuer issuer, HttpContext httpContext) =>
            {
                if (string.IsNullOrWhiteSpace(request.Username) || request.Password != DemoPassword)
                {
                    return InvalidCredentials(httpContext);
                }

                var username = request.Username.Trim().ToLowerInvariant();
                TokenSubject subject;
                var staff = StaffAccounts.FirstOrDefault(account => account.Username == username);
                if (staff.Username is not null)
                {
                    var residence = string.IsNullOrWhiteSpace(request.Residence) ? demoResidence : request.Residence.Trim();
                    ValidateResidence(residence);
                    subject = new TokenSubject(username, staff.DisplayName, staff.Role, residence, null);
                }
                else
                {
                    var person = ResidentsDemo.People(demoResidence).FirstOrDefault(candidate => candidate.Username == username);
                    if (person is null)
                    {
                        return InvalidCredentials(httpContext);
                    }

                    subject = new TokenSubject(username, person.DisplayName, person.Role, demoResidence, person.PersonId);
                }

                var token = issuer.Issue(subject, TimeSpan.FromHours(12));
                return Results.Ok(new TokenResponse(token.AccessToken, token.ExpiresAt, subject.Role, subject.DisplayName, subject.PersonId, subject.ResidenceId));
            })
            .AllowAnonymous()
            .WithTags("Authentification")
            .WithSummary("Jeton pour un compte de démonstration (environnement Development uniquement)");

    private static void ValidateResidence(string residence)
    {
        if (residence.Length > 63 || !residence.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-'))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("residence",
                System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
                    ? "The residence id uses lower-case letters, digits and hyphens (63 at most)."
                    : "L'identifiant de résidence s'écrit en minuscules, chiffres et tirets (63 au plus).")]);
        }
    }

    private static IResult InvalidCredentials(HttpContext httpContext) =>
        ProblemResults.Result(httpContext, StatusCodes.Status401Unauthorized, ProblemTitles.Unauthorized, new LocalizedText(
            "Identifiant ou mot de passe incorrect.",
            "Wrong username or password."), "auth.invalid-credentials");
}
