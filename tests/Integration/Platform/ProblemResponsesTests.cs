using System.Net;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Platform;

public sealed class ProblemResponsesTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    public static TheoryData<string, string> InvalidResidentBodies => new()
    {
        { "missing-field", """{"lastName":"Martin","birthDate":"1942-03-15","category":"senior"}""" },
        { "malformed-json", """{"firstName":"Jeanne","lastName":""" },
        { "unknown-enum", """{"firstName":"Jeanne","lastName":"Martin","birthDate":"1942-03-15","category":"astronaut"}""" },
        { "invalid-date", """{"firstName":"Jeanne","lastName":"Martin","birthDate":"1942-02-30","category":"senior"}""" },
        { "future-date", """{"firstName":"Jeanne","lastName":"Martin","birthDate":"2999-01-01","category":"senior"}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidResidentBodies))]
    public async Task Invalid_body_is_400_in_french(string _, string body)
    {
        var response = await host.ClientFor(Roles.Administrator).PostRawAsync("/api/v1/residents", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.Text("title"));
        Assert.NotEmpty(problem.Text("detail"));
        Assert.DoesNotContain("The ", problem.Text("title"));
        Assert.DoesNotContain("The ", problem.Text("detail"));
        Assert.DoesNotContain("must", problem.ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidResidentBodies))]
    public async Task Invalid_body_is_400_in_english(string _, string body)
    {
        var response = await host.ClientFor(Roles.Administrator).PostRawAsync("/api/v1/residents", body, language: "en");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Text("title") is "The request contains invalid data." or "Malformed request.", problem.ToString());
        Assert.NotEmpty(problem.Text("detail"));
    }

    [Fact]
    public async Task Empty_errors_get_french_problems()
    {
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);

        var notGuid = await coordinator.GetAsync("/api/v1/conversations/not-a-guid");
        using var text = new StringContent("bonjour", System.Text.Encoding.UTF8, "text/plain");
        var wrongType = await coordinator.PutAsync($"/api/v1/announcements/{Guid.NewGuid()}/picture?description=x", text);
        var badLimit = await coordinator.GetAsync("/api/v1/message-reports?limit=abc");

        var noRoute = await notGuid.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("request.no-route", noRoute.Text("code"));
        Assert.StartsWith("Cette adresse n'existe pas.", noRoute.Text("detail"));
        var unsupported = await wrongType.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type", unsupported.Text("detail"));
        var binding = await badLimit.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Le paramètre « limit » a une valeur invalide : « abc ».", binding.Text("detail"));
    }

    [Fact]
    public async Task Unknown_resident_is_404_in_french()
    {
        var id = Guid.NewGuid();

        var response = await host.ClientFor(Roles.Administrator).GetAsync($"/api/v1/residents/{id}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Élément introuvable.", problem.Text("title"));
        Assert.Contains(id.ToString(), problem.Text("detail"));
        Assert.StartsWith("Aucun résident", problem.Text("detail"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/flats/{0}")]
    [InlineData("PUT", "/api/v1/flats/{0}")]
    [InlineData("GET", "/api/v1/residents/{0}/history")]
    [InlineData("POST", "/api/v1/residents/{0}/move-out")]
    [InlineData("POST", "/api/v1/residents/{0}/tablet/return")]
    [InlineData("DELETE", "/api/v1/residents/{0}/caregivers/{0}")]
    public async Task Unknown_ids_are_404(string method, string template)
    {
        var body = method switch
        {
            "PUT" => """{"floor":1,"rooms":2,"stepFreeAccess":true}""",
            "POST" when template.EndsWith("move-out") => """{"moveOutDate":"2025-02-01"}""",
            _ => "{}",
        };

        var response = await host.ClientFor(Roles.Administrator).SendRawAsync(new HttpMethod(method), string.Format(template, Guid.NewGuid()), body);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Élément introuvable.", problem.Text("title"));
    }

    [Fact]
    public async Task Move_in_to_unknown_flat_is_404()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var residentId = await admin.RegisterResidentAsync();

        var response = await admin.MoveInAsync(residentId, Guid.NewGuid());

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.CareStaff, "POST", "/api/v1/residents")]
    [InlineData(Roles.Resident, "GET", "/api/v1/residents")]
    [InlineData(Roles.Caregiver, "GET", "/api/v1/flats")]
    [InlineData(Roles.ActivityCoordinator, "GET", "/api/v1/residents/00000000-0000-0000-0000-000000000001/history")]
    [InlineData(Roles.Researcher, "POST", "/api/v1/flats")]
    [InlineData(Roles.KioskStaff, "POST", "/api/v1/caregivers")]
    [InlineData(Roles.Auditor, "POST", "/api/v1/training-sessions")]
    public async Task Wrong_role_is_403_problem(string role, string method, string path)
    {
        var response = await host.ClientFor(role).SendRawAsync(new HttpMethod(method), path, "{}");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Accès refusé.", problem.Text("title"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/residents")]
    [InlineData("POST", "/api/v1/residents")]
    [InlineData("GET", "/api/v1/flats")]
    [InlineData("GET", "/api/v1/residents/me")]
    [InlineData("GET", "/api/v1/residence")]
    public async Task Missing_token_is_401_problem(string method, string path)
    {
        var response = await host.CreateClient().SendRawAsync(new HttpMethod(method), path, "{}");

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Authentification requise.", problem.Text("title"));
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var response = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
