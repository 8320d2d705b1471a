using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BonSecours.Benchmarks.Shared;

/// <summary>
/// Mints access tokens that the child Host accepts, signed with a key made for this run and
/// handed to the Host as <c>Auth:SigningKey</c>. Issuer and audience are the values in
/// the Host's appsettings.json. The claim names are those of BuildingBlocks/Security/ClaimNames.cs.
/// </summary>
internal sealed class AccessTokens
{
    private const string Issuer = "bonsecours";
    private const string Audience = "bonsecours-api";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(64);

    /// <summary>The signing key in base64, the form the Host reads from <c>Auth:SigningKey</c>.</summary>
    public string SigningKey => Convert.ToBase64String(_key);

    public string For(string role, string residence, string userId, string? personId = null)
    {
        var claims = new List<Claim>
        {
            new("sub", userId),
            new("name", $"Benchmark {role}"),
            new("role", role),
            new("residence", residence),
        };
        if (personId is not null)
        {
            claims.Add(new Claim("person_id", personId));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(_key), SecurityAlgorithms.HmacSha256),
        });
    }
}
