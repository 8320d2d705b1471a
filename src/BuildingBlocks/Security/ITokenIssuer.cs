namespace BonSecours.BuildingBlocks.Security;

/// <summary>The identity a token is issued for.</summary>
public sealed record TokenSubject(string UserId, string DisplayName, string Role, string ResidenceId, string? PersonId);

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Issues the Host's own access tokens (demo accounts and paired tablets).</summary>
public interface ITokenIssuer
{
    IssuedToken Issue(TokenSubject subject, TimeSpan lifetime);
}
