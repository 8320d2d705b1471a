namespace BonSecours.BuildingBlocks.Security;

/// <summary>Claims of a BonSecours access token beyond the standard <c>sub</c> and <c>role</c>.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";

    /// <summary>The residence (tenant) the token works in.</summary>
    public const string Residence = "residence";

    /// <summary>For a resident's token, the resident id; for a caregiver's, the caregiver id.</summary>
    public const string PersonId = "person_id";
}
