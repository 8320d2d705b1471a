using System.Security.Cryptography;
using BonSecours.BuildingBlocks.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace BonSecours.Host.Auth;

/// <summary>
/// The key that signs the Host's own tokens: <c>Auth:SigningKey</c> (base64, 32 bytes or
/// more) when set, otherwise a random key kept in the data folder so tokens given to paired
/// tablets stay valid across restarts.
/// </summary>
internal static class SigningKeys
{
    public static SymmetricSecurityKey Load(IConfiguration configuration)
    {
        if (configuration["Auth:SigningKey"] is { Length: > 0 } configured)
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(configured)) { KeyId = "configured" };
        }

        var folder = DatabaseEndpoint.DataDirectory(configuration);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "signing-key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())) { KeyId = "local" };
    }
}
