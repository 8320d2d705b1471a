using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Projections;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>
/// The commands one line of the file needs, found by comparing it with the stored flat,
/// profile and personal details. A plan with a rejection sends nothing.
/// </summary>
internal sealed record TenancyRowPlan(bool RegisterFlat, bool RegisterResident, bool ChangeDetails, bool MoveIn, bool MoveOut, string? Rejection)
{
    public bool HasChanges => RegisterFlat || RegisterResident || ChangeDetails || MoveIn || MoveOut;

    public static TenancyRowPlan For(TenancyRow row, Guid flatId, bool flatExists, ResidentProfile? profile, ResidentPersonalDetails? details)
    {
        var registerFlat = !flatExists;
        if (profile is null)
        {
            // A new resident moves in, and out again when the file already gives their departure.
            return new TenancyRowPlan(registerFlat, true, false, true, row.MoveOutDate is not null, null);
        }

        var changeDetails = details is null
            || details.FirstName != row.FirstName
            || details.LastName != row.LastName
            || details.BirthDate != row.BirthDate
            || details.Phone != row.Phone
            || details.Email != row.Email
            || profile.Category != row.Category;

        var moveIn = false;
        var moveOut = false;
        switch (profile.Status)
        {
            case ResidencyStatus.Living when profile.FlatId != flatId:
                return Reject(
                    $"le résident de la référence « {row.Reference} » habite déjà le logement {profile.FlatNumber}. Enregistrez d'abord son départ avec une date de sortie sur l'ancien logement.");
            case ResidencyStatus.Living when row.MoveOutDate is { } leaving && profile.MoveInDate is { } entered && leaving < entered:
                return Reject(
                    $"la date de sortie « {leaving:dd/MM/yyyy} » est avant la date d'arrivée enregistrée « {entered:dd/MM/yyyy} ».");
            case ResidencyStatus.Living:
                moveOut = row.MoveOutDate is not null;
                break;
            case ResidencyStatus.Registered:
                moveIn = true;
                moveOut = row.MoveOutDate is not null;
                break;
            case ResidencyStatus.MovedOut:
                // A resident who left comes back only when the file gives a new entry after the recorded departure.
                moveIn = row.MoveOutDate is null && profile.MoveOutDate is { } left && row.MoveInDate > left;
                break;
        }

        return new TenancyRowPlan(registerFlat, false, changeDetails, moveIn, moveOut, null);
    }

    private static TenancyRowPlan Reject(string reason) => new(false, false, false, false, false, reason);
}
