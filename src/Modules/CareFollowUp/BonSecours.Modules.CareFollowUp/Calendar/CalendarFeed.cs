using System.Security.Cryptography;
using System.Text;

namespace BonSecours.Modules.CareFollowUp.Calendar;

/// <summary>
/// A resident's private calendar feed. Only a SHA-256 hash of the key is stored, so the
/// database alone cannot rebuild a working feed URL.
/// </summary>
internal sealed class CalendarFeed
{
    /// <summary>The resident id.</summary>
    public Guid Id { get; set; }

    /// <summary>The residence (Marten tenant) the resident lives in; the anonymous feed request has no token to name it.</summary>
    public string Residence { get; set; } = string.Empty;

    public string KeyHash { get; set; } = string.Empty;

    public DateTimeOffset RenewedAt { get; set; }

    /// <summary>Returns a new random key of 32 bytes, base64url-encoded without padding.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public bool Accepts(string? key) =>
        !string.IsNullOrEmpty(key)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(KeyHash));
}
