using System.Security.Cryptography;
using System.Text;

namespace BonSecours.BuildingBlocks.Domain;

/// <summary>
/// Derives a stable id from natural keys (a residence and a flat number, say), so importing
/// or seeding the same thing twice addresses the same stream instead of creating another.
/// The layout follows RFC 9562 version 5 (SHA-1 name-based) with a fixed BonSecours namespace.
/// </summary>
public static class DeterministicGuid
{
    private static readonly byte[] Namespace = Guid.Parse("6f1d1f0c-54a4-4b55-9f55-3c2b8d0e7a11").ToByteArray(bigEndian: true);

    public static Guid Create(params string[] parts)
    {
        var name = Encoding.UTF8.GetBytes(string.Join('\u001f', parts));
        var hash = SHA1.HashData([.. Namespace, .. name]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
