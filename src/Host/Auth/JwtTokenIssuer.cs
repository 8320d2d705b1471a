using System.Security.Claims;
using BonSecours.BuildingBlocks.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BonSecours.Host.Auth;

internal sealed class JwtTokenIssuer(SymmetricSecurityKey key, IConfiguration configuration, TimeProvider clock) : ITokenIssuer
{
    public IssuedToken Issue(TokenSubject subject, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, subject.UserId),
            new(ClaimNames.Name, subject.DisplayName),
            new(ClaimNames.Role, subject.Role),
            new(ClaimNames.Residence, subject.ResidenceId),
        };
        if (subject.PersonId is not null)
        {
            claims.Add(new Claim(ClaimNames.PersonId, subject.PersonId));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = configuration["Auth:Issuer"],
            Audience = configuration["Auth:Audience"],
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), now.Add(lifetime));
    }
}
