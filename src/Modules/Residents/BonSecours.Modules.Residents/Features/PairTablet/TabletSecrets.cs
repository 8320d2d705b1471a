using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace BonSecours.Modules.Residents.Features.PairTablet;

/// <summary>Creates and checks the pairing codes, device secrets and PINs of tablet sign-in.</summary>
internal static class TabletSecrets
{
    public const int PairingCodeLength = 8;

    /// <summary>Upper-case letters and digits without the look-alikes 0/O, 1/I/L and 5/S.</summary>
    public const string PairingCodeAlphabet = "ABCDEFGHJKMNPQRTUVWXYZ2346789";

    private static readonly PasswordHasher<TabletCredential> Hasher = new();

    public static string NewPairingCode() => RandomNumberGenerator.GetString(PairingCodeAlphabet, PairingCodeLength);

    /// <summary>
    /// Normalizes a typed code (case, spaces, hyphens) so "abcd-efgh" matches "ABCDEFGH".
    /// </summary>
    public static string NormalizePairingCode(string code) =>
        new(code.Where(character => !char.IsWhiteSpace(character) && character != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>
    /// Returns an unsalted SHA-256 of the code, so the anonymous pairing request can look it
    /// up. A code is single-use and expires after 15 minutes, which limits what a leaked hash gives away.
    /// </summary>
    public static string PairingCodeLookup(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizePairingCode(code))));

    /// <summary>Returns 32 random bytes in base64url, the part of the device token only the tablet holds.</summary>
    public static string NewDeviceSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(TabletCredential credential, string secret) => Hasher.HashPassword(credential, secret);

    public static bool Verify(TabletCredential credential, string hash, string secret) =>
        Hasher.VerifyHashedPassword(credential, hash, secret) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
