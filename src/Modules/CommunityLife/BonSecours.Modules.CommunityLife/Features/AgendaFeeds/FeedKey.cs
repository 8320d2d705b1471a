using System.Security.Cryptography;
using System.Text;

namespace BonSecours.Modules.CommunityLife.Features.AgendaFeeds;

/// <summary>
/// The stored half of a calendar feed key: only a SHA-256 hash of the secret. The id is
/// <c>residence</c> for the residence's agenda or <c>resident-{id}</c> for a resident's registrations.
/// </summary>
internal sealed class FeedKey
{
    public string Id { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; set; }

    public const string ResidenceFeed = "residence";

    public static string ResidentFeed(Guid residentId) => $"resident-{residentId:N}";

    /// <summary>Creates a new key; the caller stores the returned document and hands out the returned key once.</summary>
    public static (FeedKey Document, string Key) Issue(string id, string residence, DateTimeOffset now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new FeedKey { Id = id, SecretHash = Hash(secret), IssuedAt = now }, $"{residence}.{secret}");
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>Splits "residence.secret". The residence selects the tenant an anonymous request reads.</summary>
    public static bool TryParse(string? key, out string residence, out string secret)
    {
        residence = secret = string.Empty;
        var dot = key?.LastIndexOf('.') ?? -1;
        if (key is null || dot <= 0 || dot > 63 || key.Length - dot - 1 is < 16 or > 128)
        {
            return false;
        }

        residence = key[..dot];
        secret = key[(dot + 1)..];
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
