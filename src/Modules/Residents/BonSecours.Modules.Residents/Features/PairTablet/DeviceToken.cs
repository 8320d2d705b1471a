namespace BonSecours.Modules.Residents.Features.PairTablet;

/// <summary>
/// The token a paired tablet keeps: "residence.residentId.secret". The residence and the
/// resident id let an anonymous sign-in find the credential; only the secret is checked.
/// </summary>
internal sealed record DeviceToken(string Residence, Guid ResidentId, string Secret)
{
    public override string ToString() => $"{Residence}.{ResidentId:N}.{Secret}";

    public static bool TryParse(string? value, out DeviceToken token)
    {
        token = new DeviceToken(string.Empty, Guid.Empty, string.Empty);
        var parts = value?.Split('.') ?? [];
        if (parts.Length != 3 || parts[0].Length is 0 or > 63 || parts[2].Length is 0 or > 128 || !Guid.TryParseExact(parts[1], "N", out var residentId))
        {
            return false;
        }

        token = new DeviceToken(parts[0], residentId, parts[2]);
        return true;
    }
}
