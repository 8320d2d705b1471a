using System.Security.Cryptography;
using System.Text.Json;
using BonSecours.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;

namespace BonSecours.Modules.CareFollowUp.Push;

/// <summary>
/// The application server key pair that signs Web Push requests (VAPID, RFC 8292), as
/// base64url: the public key is the uncompressed P-256 point (65 bytes), the private key
/// its 32-byte scalar. The subject is a <c>mailto:</c> or <c>https:</c> contact for push services.
/// </summary>
internal sealed record VapidKeys(string PublicKey, string PrivateKey, string Subject)
{
    // NOTE: push services may contact this address about abuse; set WebPush:Subject to a
    // real mailbox of the landlord before going live.
    public const string DefaultSubject = "mailto:contact@bonsecours.invalid";

    /// <summary>
    /// Reads <c>WebPush:PublicKey</c>, <c>WebPush:PrivateKey</c> and <c>WebPush:Subject</c>.
    /// Without keys in the configuration, generates a pair once and keeps it in the data
    /// folder, because every browser subscription is bound to the public key it was made with.
    /// </summary>
    public static VapidKeys Load(IConfiguration configuration)
    {
        var subject = configuration["WebPush:Subject"] is { Length: > 0 } configuredSubject ? configuredSubject : DefaultSubject;
        if (configuration["WebPush:PublicKey"] is { Length: > 0 } publicKey && configuration["WebPush:PrivateKey"] is { Length: > 0 } privateKey)
        {
            return new VapidKeys(publicKey, privateKey, subject);
        }

        var folder = DatabaseEndpoint.DataDirectory(configuration);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "vapid-keys.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(Generate()));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var stored = JsonSerializer.Deserialize<StoredPair>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The VAPID key file {path} is empty.");
        return new VapidKeys(stored.PublicKey, stored.PrivateKey, subject);
    }

    private static StoredPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new StoredPair(WebEncoders.Base64UrlEncode(point), WebEncoders.Base64UrlEncode(parameters.D!));
    }

    private sealed record StoredPair(string PublicKey, string PrivateKey);
}
