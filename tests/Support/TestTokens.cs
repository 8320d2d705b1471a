using System.Net.Http.Headers;
using System.Security.Claims;
using BonSecours.BuildingBlocks.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BonSecours.Tests.Support;

/// <summary>Mints access tokens signed with the test Host's key, for any role, residence and person.</summary>
public static class TestTokens
{
    /// <summary>A fixed 64-byte key used only by tests.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 64).Select(value => (byte)value).ToArray());

    public const string Issuer = "bonsecours";
    public const string Audience = "bonsecours-api";

    public static string For(string role, string residence, string? personId = null, string? userId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, userId ?? $"{role}-user"),
            new(ClaimNames.Name, $"Test {role}"),
            new(ClaimNames.Role, role),
            new(ClaimNames.Residence, residence),
        };
        if (personId is not null)
        {
            claims.Add(new Claim(ClaimNames.PersonId, personId));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
